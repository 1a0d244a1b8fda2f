import { fakeBrowser } from '@webext-core/fake-browser';
import { describe, expect, it } from 'vitest';
import {
  SOURCE_EXTENSION,
  SOURCE_THIS_DEVICE,
  captureReason,
  reasonText,
  sourceText,
} from '../../lib/list-text';
import { DEFAULT_IMPORT_REASON, DELETION_REQUEST_SOURCE } from '../../lib/suppression/entry-words';
import { messagesOf } from '../setup/english-messages';

const CASE_ID = '2c022dc6-97cb-452f-b2f6-034ffc5ecbff';

function useChinese(): void {
  Object.assign(fakeBrowser.i18n, {
    getMessage: messagesOf('zh_CN'),
    getUILanguage: () => 'zh-CN',
  });
}

describe('list entry texts', () => {
  it('shows a captured case reason with a short id', () => {
    expect(reasonText(captureReason(CASE_ID))).toBe('Deletion request (case 2c022dc6)');
  });

  it('keeps other reasons as written', () => {
    expect(reasonText('Deletion request from the web form')).toBe(
      'Deletion request from the web form',
    );
    expect(reasonText('投诉')).toBe('投诉');
  });

  it('names the sources DNC Guard writes', () => {
    expect(sourceText(SOURCE_THIS_DEVICE)).toBe('This browser, not yet confirmed by the server');
    expect(sourceText(SOURCE_EXTENSION)).toBe('Added by an agent in DNC Guard');
    expect(sourceText('csv:lead-list.csv')).toBe('Imported in Options from lead-list.csv');
    expect(sourceText('partner feed')).toBe('partner feed');
  });

  it.each([
    ['the server import reason', () => reasonText(DEFAULT_IMPORT_REASON), '批量导入'],
    ['a server import source', () => sourceText('import:dnc-gbk.csv'), '导入：dnc-gbk.csv'],
    ['an Options import source', () => sourceText('csv:名单.csv'), '在选项页面导入：名单.csv'],
    ['a deletion case source', () => sourceText(DELETION_REQUEST_SOURCE), '删除申请'],
    ['an API source', () => sourceText('api:坐席小王'), '通过 API 添加（令牌：坐席小王）'],
  ])('shows %s in Chinese', (_, text, expected) => {
    useChinese();

    expect(text()).toBe(expected);
  });

  it('keeps a prefix without a name as written', () => {
    expect(sourceText('import:')).toBe('import:');
  });
});
