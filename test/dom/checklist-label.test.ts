import { fakeBrowser } from '@webext-core/fake-browser';
import { afterEach, describe, expect, it } from 'vitest';
import { checklistLabel } from '../../components/case-text';
import { messagesOf } from '../setup/english-messages';

describe('checklist labels', () => {
  afterEach(() => {
    Object.assign(fakeBrowser.i18n, { getMessage: messagesOf('en') });
  });

  it('names a system the case gives', () => {
    expect(checklistLabel({ kind: 'erase_crm', system: 'HubSpot' })).toBe(
      'Delete or anonymise in the CRM (HubSpot)',
    );
  });

  it('leaves out a placeholder system', () => {
    expect(checklistLabel({ kind: 'erase_call_center', system: 'the call-center software' })).toBe(
      'Delete or anonymise in the call-center software',
    );
  });

  it.each([
    ['internal_dnc', '加入内部禁止呼叫名单'],
    ['crm_dnc_flag', '在 CRM 中标记禁呼/退订'],
    ['marketing_lists', '从营销名单中移除'],
    ['dial_queues', '从拨号队列中移除'],
    ['campaigns', '从进行中的活动中移除'],
    ['erase_call_center', '在呼叫中心软件中删除或匿名化'],
    ['erase_email_platform', '在邮件平台中删除或匿名化'],
    ['backup_guard', '防止备份恢复带回数据：从备份恢复后，按禁止呼叫名单和删除记录重新执行删除'],
    ['processor_notified', '通知受托处理方删除'],
  ] as const)('names %s as a task in Chinese', (kind, label) => {
    Object.assign(fakeBrowser.i18n, { getMessage: messagesOf('zh_CN') });

    expect(checklistLabel({ kind })).toBe(label);
  });

  it.each([
    ['internal_dnc', 'Add to the internal DNC list'],
    ['crm_dnc_flag', 'Mark DNC / unsubscribed in the CRM'],
    ['dial_queues', 'Remove from dial queues'],
    ['processor_notified', 'Tell the processor to delete'],
  ] as const)('names %s as a task in English', (kind, label) => {
    expect(checklistLabel({ kind })).toBe(label);
  });

  it('uses full-width brackets in Chinese', () => {
    Object.assign(fakeBrowser.i18n, { getMessage: messagesOf('zh_CN') });

    expect(checklistLabel({ kind: 'erase_crm', system: 'HubSpot' })).toBe(
      '在 CRM 中删除或匿名化（HubSpot）',
    );
  });
});
