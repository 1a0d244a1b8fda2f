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
      'Deleted or anonymised in the CRM (HubSpot)',
    );
  });

  it('leaves out a placeholder system', () => {
    expect(checklistLabel({ kind: 'erase_call_center', system: 'the call-center software' })).toBe(
      'Deleted or anonymised in the call-center software',
    );
  });

  it('uses full-width brackets in Chinese', () => {
    Object.assign(fakeBrowser.i18n, { getMessage: messagesOf('zh_CN') });

    expect(checklistLabel({ kind: 'erase_crm', system: 'HubSpot' })).toBe(
      '已在 CRM 中删除或匿名化（HubSpot）',
    );
  });
});
