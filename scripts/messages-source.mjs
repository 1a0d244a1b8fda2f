// Source of the extension's i18n messages: one row per key, English then
// Simplified Chinese. `node scripts/messages-source.mjs` writes
// public/_locales/{en,zh_CN}/messages.json; "$1", "$2" become placeholders.
import { mkdirSync, writeFileSync } from 'node:fs';

const MESSAGES = {
  extName: ['DNC Guard', 'DNC Guard 免打扰守护'],
  extDescription: [
    'Flags do-not-call numbers on CRM and dialer pages and blocks dialing them.',
    '在 CRM 和拨号页面上标记禁止呼叫的号码，并阻止拨打。',
  ],
  badgeSuppressed: ['Do not call', '禁止呼叫'],
  badgePending: ['DNC pending', '禁呼待确认'],
  badgeAllowed: ['Not on the do-not-call list', '不在禁呼名单上'],
  badgeUnknown: ['Not checked', '未核实'],
  sinceDate: ['since $1', '自 $1 起'],
  noticeBlockedTitle: ['Call blocked', '已阻止呼叫'],
  noticeWarnTitle: ['Check before you call', '呼叫前请核实'],
  noticeSuppressed: ['$1 is on the do-not-call list.', '$1 在禁止呼叫名单上。'],
  noticePending: [
    '$1 was added to the do-not-call list on this device; the server has not confirmed it yet.',
    '$1 已在本设备上加入禁止呼叫名单，服务器尚未确认。',
  ],
  noticeUnknown: [
    'DNC Guard cannot check $1: the do-not-call list is not loaded or is out of date.',
    'DNC Guard 无法核实 $1：禁止呼叫名单尚未加载或已过期。',
  ],
  noticeReason: ['Reason: $1', '原因：$1'],
  noticeSince: ['On the list since $1', '列入名单时间：$1'],
  noticeListAge: ['The list was last updated $1.', '名单最后更新于 $1。'],
  noticeRefreshHint: [
    'Open DNC Guard from the toolbar and choose Sync now, or import a list on the Options page.',
    '请从工具栏打开 DNC Guard 并点击“立即同步”，或在选项页面导入名单。',
  ],
  noticeNotBlocked: ['The call was not blocked.', '此次呼叫未被阻止。'],
  noticeClose: ['Close', '关闭'],
  popupLookupLabel: ['Phone number', '电话号码'],
  popupLookupButton: ['Check', '查询'],
  popupLookupPlaceholder: ['+44 20 7946 0018', '+86 138 1234 5678'],
  statusSuppressed: ['On the do-not-call list', '在禁止呼叫名单上'],
  statusPending: ['Added on this device, waiting for the server', '已在本设备添加，等待服务器确认'],
  statusAllowed: ['Not on the do-not-call list', '不在禁止呼叫名单上'],
  statusUnknown: [
    'Cannot check: the list is not loaded or is out of date',
    '无法核实：名单尚未加载或已过期',
  ],
  statusInvalid: [
    'Not a valid phone number for the default country ($1)',
    '按默认国家/地区（$1）不是有效的电话号码',
  ],
  detailReason: ['Reason', '原因'],
  detailSource: ['Source', '来源'],
  detailAddedAt: ['On the list since', '列入时间'],
  listSize: ['$1 numbers on the list', '名单共 $1 个号码'],
  listUpdated: ['Updated $1', '更新于 $1'],
  listNotLoaded: ['No do-not-call list is loaded yet.', '尚未加载禁止呼叫名单。'],
  listStale: [
    'The list is older than $1 hours. Numbers not on it count as unknown until it is refreshed.',
    '名单已超过 $1 小时未更新。在刷新之前，不在名单上的号码视为未核实。',
  ],
  listPending: ['$1 numbers waiting for the server', '$1 个号码等待服务器确认'],
  openOptions: ['Options', '选项'],
  errorGeneric: ['Something went wrong: $1', '出现错误：$1'],
  optionsTitle: ['DNC Guard options', 'DNC Guard 选项'],
  optionsGeneral: ['Numbers and blocking', '号码与拦截'],
  optionsCountryLabel: ['Default country', '默认国家/地区'],
  optionsCountryHelp: [
    'Numbers written without a country code are read as numbers of this country.',
    '未写国家代码的号码按此国家/地区解析。',
  ],
  optionsPolicyLabel: ['When the list is not loaded or out of date', '名单未加载或已过期时'],
  optionsPolicyBlock: [
    'Block the call and explain how to refresh (recommended)',
    '阻止呼叫并说明如何刷新（推荐）',
  ],
  optionsPolicyWarn: ['Warn, but let the call go through', '提醒，但允许呼叫'],
  optionsStaleLabel: ['List counts as out of date after (hours)', '名单过期时间（小时）'],
  optionsShowAllowed: [
    'Show a mark next to numbers that are not on the list',
    '在不在名单上的号码旁显示标记',
  ],
  optionsSaved: ['Saved.', '已保存。'],
  optionsSave: ['Save', '保存'],
  importTitle: ['Import a do-not-call list (CSV)', '导入禁止呼叫名单（CSV）'],
  importHelp: [
    'One number per row. A header row is detected when it names the phone column (phone, number, 电话 …); reason and source columns are used when present.',
    '每行一个号码。如首行标明号码列（phone、number、电话等），将识别为表头；如有原因和来源列也会一并导入。',
  ],
  importFileLabel: ['CSV file', 'CSV 文件'],
  importReasonLabel: ['Reason for rows without one', '无原因的行使用的原因'],
  importReasonDefault: ['Imported do-not-call list', '导入的禁止呼叫名单'],
  importReading: ['Reading the file…', '正在读取文件…'],
  importPreview: [
    '$1 numbers will be added ($2 duplicates skipped).',
    '将添加 $1 个号码（跳过 $2 个重复号码）。',
  ],
  importRejectedTitle: [
    '$1 rows were rejected and will not be imported:',
    '$1 行被拒绝，不会导入：',
  ],
  importLine: ['Line', '行号'],
  importValue: ['Value', '内容'],
  importError: ['Why', '原因'],
  importMoreRejected: ['… and $1 more rejected rows.', '……另有 $1 行被拒绝。'],
  importConfirm: ['Import $1 numbers', '导入 $1 个号码'],
  importCancel: ['Cancel', '取消'],
  importSending: ['Importing…', '正在导入…'],
  importDone: ['Imported. The list now holds $1 numbers.', '导入完成。名单现有 $1 个号码。'],
  importFailed: ['Import failed, nothing was changed: $1', '导入失败，未做任何更改：$1'],
  importNothing: [
    'The file holds no valid numbers, so nothing will be imported.',
    '文件中没有有效号码，不会导入任何内容。',
  ],
  exportTitle: ['Export the list', '导出名单'],
  exportButton: ['Download CSV', '下载 CSV'],
  exportDone: ['Exported $1 numbers.', '已导出 $1 个号码。'],
  syncTitle: ['Central API', '中央服务器'],
  apiUrlLabel: ['API URL', 'API 地址'],
  apiUrlHelp: [
    'Address of the DNC Guard server, e.g. https://dnc.example.com. Plain http is accepted only for 127.0.0.1 and localhost.',
    'DNC Guard 服务器地址，例如 https://dnc.example.com。仅 127.0.0.1 和 localhost 可使用 http。',
  ],
  tokenLabel: ['Access token', '访问令牌'],
  tokenHelp: [
    'Your team lead creates it on the server. It is kept in this browser and sent only to the API URL.',
    '由团队主管在服务器上创建。令牌只保存在本浏览器中，且只发送到上述 API 地址。',
  ],
  managedNote: ["Set by your organisation's policy.", '由贵组织的策略设置。'],
  apiUrlInvalid: [
    'Enter an https:// address (http:// only for 127.0.0.1 or localhost).',
    '请输入 https:// 地址（仅 127.0.0.1 或 localhost 可用 http://）。',
  ],
  permissionDenied: [
    'The browser did not grant access to $1, so DNC Guard cannot reach the server.',
    '浏览器未授予访问 $1 的权限，DNC Guard 无法连接服务器。',
  ],
  syncNow: ['Sync now', '立即同步'],
  syncRunning: ['Syncing…', '正在同步…'],
  syncNotConfigured: [
    'Not connected to a server: enter the API URL and access token on the Options page.',
    '尚未连接服务器：请在选项页面填写 API 地址和访问令牌。',
  ],
  syncLastSuccess: ['Last sync: $1', '上次同步：$1'],
  syncNever: ['Not synced yet.', '尚未同步。'],
  syncPending: ['$1 items waiting to be sent to the server', '$1 项等待发送到服务器'],
  syncLastError: ['Last sync failed ($1): $2', '上次同步失败（$1）：$2'],
  addToDnc: ['Add to do-not-call list', '加入禁止呼叫名单'],
  addToDncReasonDefault: ['Customer asked not to be called', '客户要求不再致电'],
  addedPending: [
    'Added. Dialing it is blocked now; the server will confirm it at the next sync.',
    '已添加。现在起拨打该号码会被阻止；服务器将在下次同步时确认。',
  ],
  badgeMenuLabel: ['DNC Guard actions for $1', 'DNC Guard 对 $1 的操作'],
  captureOpen: ['Capture deletion request', '记录删除请求'],
  captureTitle: ['Deletion request', '删除请求'],
  captureReadRecord: ['Read the record on screen', '读取当前页面的记录'],
  captureReadFailed: [
    'Could not read the record on screen: $1. Fill in the fields by hand.',
    '无法读取当前页面的记录：$1。请手动填写。',
  ],
  captureReadDone: [
    'Filled in from $1. Check every field before you save.',
    '已根据 $1 填写。保存前请核对每个字段。',
  ],
  captureReceivedAt: ['Received at', '收到时间'],
  captureChannel: ['Channel', '渠道'],
  captureScope: ['What to delete', '删除范围'],
  captureJurisdiction: ['Jurisdiction', '适用法规'],
  captureName: ['Name', '姓名'],
  capturePhones: ['Phone numbers (one per line)', '电话号码（每行一个）'],
  captureEmails: ['Email addresses (one per line)', '电子邮箱（每行一个）'],
  captureCrmSystem: ['CRM system', 'CRM 系统'],
  captureRecordId: ['Record id', '记录编号'],
  captureRecordUrl: ['Record URL', '记录链接'],
  captureNotes: ['Notes', '备注'],
  captureSubmit: ['Save and suppress now', '保存并立即禁呼'],
  captureSaved: [
    'Saved. $1 numbers are blocked now; the case goes to the server at the next sync.',
    '已保存。$1 个号码现已禁止拨打；案件将在下次同步时发送到服务器。',
  ],
  captureInvalidPhone: [
    '"$1" is not a valid phone number; write it with its country code.',
    '“$1”不是有效的电话号码，请加上国家代码。',
  ],
  captureInvalid: ['Check the form: $1', '请检查表单：$1'],
  channel_phone_call: ['Phone call', '电话'],
  channel_email: ['Email', '电子邮件'],
  channel_web_form: ['Web form', '网页表单'],
  channel_social_message: ['Social media message', '社交媒体消息'],
  channel_in_person: ['In person', '当面'],
  channel_letter: ['Letter', '信件'],
  channel_other: ['Other', '其他'],
  scope_phone_only: ['The phone number only', '仅电话号码'],
  scope_all_personal_data: ['All personal data', '全部个人数据'],
  jurisdiction_eu_gdpr: ['EU GDPR', '欧盟 GDPR'],
  jurisdiction_uk_gdpr: ['UK GDPR', '英国 GDPR'],
  jurisdiction_us_ccpa_cpra: ['US CCPA/CPRA', '美国 CCPA/CPRA'],
  jurisdiction_us_telemarketing: ['US telemarketing only', '仅美国电话营销规定'],
  jurisdiction_canada: ['Canada', '加拿大'],
  jurisdiction_china_pipl: ['China PIPL', '中国《个人信息保护法》'],
  jurisdiction_brazil_lgpd: ['Brazil LGPD', '巴西 LGPD'],
  jurisdiction_india_dpdp: ['India DPDP', '印度 DPDP'],
  jurisdiction_bangladesh: ['Bangladesh', '孟加拉国'],
  jurisdiction_other: ['Other', '其他'],
  verifyTitle: ['Verify identity', '核实身份'],
  verifyHelp: [
    'Ask for a detail on file and type what the customer says. Only the method and the result are kept, never the answer.',
    '请客户提供档案中的一项信息并输入其回答。系统只保存核实方式和结果，从不保存回答内容。',
  ],
  verifyMethod: ['Method', '核实方式'],
  method_email_on_file: ['Email on file', '档案中的邮箱'],
  method_phone_digits: ['Last 4 digits of the phone number', '电话号码后 4 位'],
  method_security_question: ['Security question', '安全问题'],
  method_authenticated_channel: ['Already authenticated channel', '已认证的渠道'],
  verifyAnswer: ["Customer's answer", '客户的回答'],
  verifyCheck: ['Compare', '比对'],
  verifyPassed: ['Passed', '通过'],
  verifyFailed: ['Failed', '未通过'],
  verifyResultPassed: ['Identity verified ($1).', '身份已核实（$1）。'],
  verifyResultFailed: ['Identity not verified ($1).', '身份未核实（$1）。'],
  verifyAgentDecides: ['Mark the result you observed:', '请标记您核实的结果：'],
};

function placeholders(text) {
  const found = [...text.matchAll(/\$(\d)/g)].map((match) => match[1]);
  if (found.length === 0) return { message: text };
  const entries = Object.fromEntries(found.map((n) => [`p${n}`, { content: `$${n}` }]));
  return { message: text.replace(/\$(\d)/g, (_, n) => `$P${n}$`), placeholders: entries };
}

const locales = { en: 0, zh_CN: 1 };
for (const [locale, column] of Object.entries(locales)) {
  const json = {};
  for (const [key, texts] of Object.entries(MESSAGES)) json[key] = placeholders(texts[column]);
  mkdirSync(`public/_locales/${locale}`, { recursive: true });
  writeFileSync(`public/_locales/${locale}/messages.json`, `${JSON.stringify(json, null, 2)}\n`);
}
