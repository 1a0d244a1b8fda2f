// Source of the extension's i18n messages: one row per key, English then
// Simplified Chinese. `node scripts/messages-source.mjs` writes
// public/_locales/{en,zh_CN}/messages.json; "$1", "$2" become placeholders.
// A message with a count comes as `<key>_one` and `<key>_other`, and tCount in
// lib/i18n.ts picks the form and puts the count in $1.
import { mkdirSync, writeFileSync } from 'node:fs';

const MESSAGES = {
  // BCP 47 tag of each column's language, whose plural rules tCount applies to `_one`/`_other` keys.
  messagesLanguage: ['en', 'zh-CN'],
  extName: ['DNC Guard', 'DNC Guard 免打扰守护'],
  extDescription: [
    'Flags do-not-call numbers on CRM and dialer pages and blocks dialing them.',
    '在 CRM 和拨号页面上标记禁止呼叫的号码，并阻止拨打。',
  ],
  badgeSuppressed: ['Do not call', '禁止呼叫'],
  badgePending: ['DNC pending', '禁呼待确认'],
  badgeAllowed: ['Not on the do-not-call list', '不在禁止呼叫名单上'],
  badgeLastDigits: ['…$1', '尾号$1'],
  badgeUnknown: ['Not checked', '未核实'],
  sinceDate: ['since $1', '自 $1 起'],
  checklistWithSystem: ['$1 ($2)', '$1（$2）'],
  reasonDeletionRequest: ['Deletion request (case $1)', '删除申请（工单 $1）'],
  sourceThisDevice: ['This browser, not yet confirmed by the server', '本浏览器（服务器尚未确认）'],
  sourceExtension: ['Added by an agent in DNC Guard', '由坐席在 DNC Guard 中添加'],
  // Sources the server and the Options import write; $1 is a file's or a token's name.
  sourceImport: ['Imported from $1', '导入：$1'],
  sourceOptionsImport: ['Imported in Options from $1', '在选项页面导入：$1'],
  sourceApi: ['Added through the API (token $1)', '通过 API 添加（令牌：$1）'],
  sourceDeletionRequest: ['A deletion request', '删除申请'],
  noticeBlockedTitle: ['Call blocked', '已阻止呼叫'],
  noticeWarnTitle: ['Check before you call', '呼叫前请核实'],
  noticeUnsureWhich: [
    'DNC Guard could not tell which of these numbers this control dials: $1.',
    'DNC Guard 无法确定此按钮拨打的是以下哪个号码：$1。',
  ],
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
  noticeInvalid: [
    'DNC Guard cannot check $1: it is not a valid number in the default country ($2), so it could not be looked up in the do-not-call list.',
    'DNC Guard 无法核实 $1：它不是默认国家/地区（$2）的有效号码，因此无法在禁止呼叫名单中查询。',
  ],
  noticeInvalidHint: [
    'If the number belongs to another country, dial it with its country code (+…), or change the default country on the Options page.',
    '如果该号码属于其他国家/地区，请加上国家代码（+…）拨打，或在选项页面更改默认国家/地区。',
  ],
  // A number written with its country code (+44 …) that is not valid there. No default country changes that.
  noticeInvalidNumber: [
    'DNC Guard cannot check $1: it is not a valid phone number, so it could not be looked up in the do-not-call list.',
    'DNC Guard 无法核实 $1：它不是有效的电话号码，因此无法在禁止呼叫名单中查询。',
  ],
  noticeInvalidNumberHint: [
    'Check the country code and the digits of the number.',
    '请检查该号码的国家代码和各位数字。',
  ],
  noticeNotBlocked: ['The call was not blocked.', '此次呼叫未被阻止。'],
  noticeClose: ['Close', '关闭'],
  popupLookupLabel: ['Phone number', '电话号码'],
  popupLookupButton: ['Check', '查询'],
  popupLookupPlaceholder: ['+44 20 7946 0018', '+86 138 1234 5678'],
  statusSuppressed: ['On the do-not-call list', '在禁止呼叫名单上'],
  // "DNC pending" / 禁呼待确认 is the badge of such a number (badgePending).
  statusPending: [
    'DNC pending: added on this device, not yet confirmed by the server',
    '禁呼待确认：已在本设备添加，服务器尚未确认',
  ],
  statusAllowed: ['Not on the do-not-call list', '不在禁止呼叫名单上'],
  statusUnknown: [
    'Cannot check: the list is not loaded or is out of date',
    '无法核实：名单尚未加载或已过期',
  ],
  // $1 is the country's name in the UI language.
  statusInvalid: [
    'Not a valid phone number for the default country ($1)',
    '不是默认国家/地区（$1）的有效电话号码',
  ],
  statusInvalidInternational: ['Not a valid phone number', '不是有效的电话号码'],
  lookupInvalidHint: [
    'If the number belongs to another country, add its country code (+…), or change the default country on the Options page.',
    '如果该号码属于其他国家/地区，请加上国家代码（+…），或在选项页面更改默认国家/地区。',
  ],
  statusNoDigits: ['Enter a phone number: this has no digits', '请输入电话号码：输入内容不含数字'],
  detailReason: ['Reason', '原因'],
  detailSource: ['Source', '来源'],
  detailAddedAt: ['On the list since', '列入时间'],
  listSize_one: ['$1 number on the list', '名单共 $1 个号码'],
  listSize_other: ['$1 numbers on the list', '名单共 $1 个号码'],
  listUpdated: ['Updated $1', '更新于 $1'],
  listNotLoaded: ['No do-not-call list is loaded yet.', '尚未加载禁止呼叫名单。'],
  listStale_one: [
    'The list is older than $1 hour. Numbers not on it count as unknown until it is refreshed.',
    '名单已超过 $1 小时未更新。在刷新之前，不在名单上的号码视为未核实。',
  ],
  listStale_other: [
    'The list is older than $1 hours. Numbers not on it count as unknown until it is refreshed.',
    '名单已超过 $1 小时未更新。在刷新之前，不在名单上的号码视为未核实。',
  ],
  listPending_one: [
    '$1 number pending (blocked on this device, not yet confirmed by the server)',
    '$1 个号码禁呼待确认（已在本设备阻止，服务器尚未确认）',
  ],
  listPending_other: [
    '$1 numbers pending (blocked on this device, not yet confirmed by the server)',
    '$1 个号码禁呼待确认（已在本设备阻止，服务器尚未确认）',
  ],
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
    '在未列入名单的号码旁显示标记',
  ],
  optionsSaved: ['Saved.', '已保存。'],
  optionsPolicyChecking: [
    'Checking for settings set by your organisation…',
    '正在检查贵组织的策略设置…',
  ],
  optionsSave: ['Save', '保存'],
  importTitle: ['Import a do-not-call list (CSV)', '导入禁止呼叫名单（CSV）'],
  importHelp: [
    'One number per row. A header row is detected when it names the phone column (phone, number, 电话 …); reason and source columns are used when present.',
    '每行一个号码。如首行标明号码列（phone、number、电话等），将识别为表头；如有原因和来源列也会一并导入。',
  ],
  importFileLabel: ['CSV file', 'CSV 文件'],
  importReasonLabel: ['Reason for rows without one', '默认原因（用于未填写原因的行）'],
  importReasonDefault: ['Imported do-not-call list', '批量导入'],
  importReading: ['Reading the file…', '正在读取文件…'],
  // $1 counts numbers not on the list yet.
  importPreview_one: ['$1 number will be added.', '将添加 $1 个号码。'],
  importPreview_other: ['$1 numbers will be added.', '将添加 $1 个号码。'],
  importDuplicates_one: ['$1 duplicate row will be skipped.', '将跳过 $1 个重复行。'],
  importDuplicates_other: ['$1 duplicate rows will be skipped.', '将跳过 $1 个重复行。'],
  importListedKeep_one: [
    '$1 number is already on the list. It keeps its reason and its "On the list since" date.',
    '$1 个号码已在名单上，将保留其原因和列入名单时间。',
  ],
  importListedKeep_other: [
    '$1 numbers are already on the list. They keep their reasons and their "On the list since" dates.',
    '$1 个号码已在名单上，将保留其原因和列入名单时间。',
  ],
  importListedReplace_one: [
    '$1 number is already on the list. It keeps its "On the list since" date, and a reason given in this file replaces its reason.',
    '$1 个号码已在名单上，将保留其列入名单时间；如本文件写有原因，则替换其原因。',
  ],
  importListedReplace_other: [
    '$1 numbers are already on the list. They keep their "On the list since" dates, and a reason given in this file replaces theirs.',
    '$1 个号码已在名单上，将保留其列入名单时间；如本文件写有原因，则替换其原因。',
  ],
  importReplaceReasons_one: [
    'Replace the reason of $1 listed number with the reason in this file',
    '用本文件中的原因替换 $1 个已在名单上号码的原因',
  ],
  importReplaceReasons_other: [
    'Replace the reasons of $1 listed numbers with the reasons in this file',
    '用本文件中的原因替换 $1 个已在名单上号码的原因',
  ],
  // $1 is the country's name in the UI language.
  importCountryUsed: [
    'Numbers without a country code were read as numbers of $1.',
    '未带国家/地区代码的号码按$1号码解析。',
  ],
  importReasonUsed: [
    'Rows without a reason get the reason "$1" when you import them.',
    '未填写原因的行，导入后原因记为“$1”。',
  ],
  importReasonMissing: [
    'Enter a reason for rows without one before importing.',
    '导入前，请填写默认原因（用于未填写原因的行）。',
  ],
  importRejectedTitle_one: [
    '$1 row was rejected and will not be imported:',
    '$1 行被拒绝，不会导入：',
  ],
  importRejectedTitle_other: [
    '$1 rows were rejected and will not be imported:',
    '$1 行被拒绝，不会导入：',
  ],
  importLine: ['Line', '行号'],
  importValue: ['Value', '内容'],
  // Third column of the rejected rows: what is wrong with the row. 原因 would
  // read as the file's own reason column.
  importError: ['Problem', '问题'],
  // Third column of the duplicate rows: which earlier line each repeats.
  importDuplicateNote: ['Note', '说明'],
  importProblem_quotes: ['Malformed quotes.', '引号格式错误。'],
  importProblem_quotesUnclosed: [
    'A quoted field that opens in this row is not closed properly. Only this line was skipped, and the next line was read as a new row.',
    '此行中有一个引号字段没有正确闭合。只跳过了这一行，下一行作为新的一行读取。',
  ],
  importProblem_columns: [
    'Wrong number of columns: expected $1, found $2.',
    '列数不对：应为 $1 列，实际为 $2 列。',
  ],
  importProblem_empty: ['No phone number.', '没有电话号码。'],
  importProblem_invalid: ['Not a valid phone number.', '不是有效的电话号码。'],
  importProblem_invalidNational: [
    'Not a valid phone number. A number without a country code needs a default country.',
    '不是有效的电话号码。不带国家代码的号码需要设置默认国家/地区。',
  ],
  importProblem_scientific: [
    'A spreadsheet changed this number into scientific notation and dropped its last digits. Format the column as text in the spreadsheet (or export it again from the CRM) and import the file again.',
    '电子表格把这个号码改成了科学计数法，末尾几位已经丢失。请在电子表格中把这一列设为文本格式（或从 CRM 重新导出），然后重新导入。',
  ],
  importProblem_notFlagged: [
    'The "$1" column says "$2": this contact is not marked do-not-call, so the row was skipped.',
    '“$1”列的值为“$2”：该联系人未标记为禁止呼叫，已跳过此行。',
  ],
  importProblem_textLine: [
    'A line of text with no contact on it, such as a report title, totals or footer.',
    '这一行只有文字，没有联系人，例如报表标题、合计或页脚。',
  ],
  importProblem_addedAt: [
    'The date "$1" in the "$2" column cannot be read.',
    '无法读取“$2”列中的日期“$1”。',
  ],
  importProblem_duplicate: ['Repeats the number on line $1.', '与第 $1 行的号码重复。'],
  importMoreRejected_one: ['… and $1 more rejected row.', '……另有 $1 行被拒绝。'],
  importMoreRejected_other: ['… and $1 more rejected rows.', '……另有 $1 行被拒绝。'],
  importDuplicatesTitle_one: [
    '$1 row repeats the number of an earlier row and will be skipped:',
    '$1 行与前面某一行的号码重复，将被跳过：',
  ],
  importDuplicatesTitle_other: [
    '$1 rows repeat the number of an earlier row and will be skipped:',
    '$1 行与前面某一行的号码重复，将被跳过：',
  ],
  importMoreDuplicates_one: ['… and $1 more duplicate row.', '……另有 $1 行重复。'],
  importMoreDuplicates_other: ['… and $1 more duplicate rows.', '……另有 $1 行重复。'],
  importConfirm_one: ['Import $1 number', '导入 $1 个号码'],
  importConfirm_other: ['Import $1 numbers', '导入 $1 个号码'],
  // The button when every number of the file is already on the list.
  importConfirmListed: ['Import', '导入'],
  importFileName: ['File: $1', '文件：$1'],
  importCancel: ['Cancel', '取消'],
  importSending: ['Importing…', '正在导入…'],
  importDone_one: ['Imported. The list now holds $1 number.', '导入完成。名单现有 $1 个号码。'],
  importDone_other: ['Imported. The list now holds $1 numbers.', '导入完成。名单现有 $1 个号码。'],
  importFailed: ['Import failed, nothing was changed: $1', '导入失败，未做任何更改：$1'],
  importNothing: [
    'The file holds no valid numbers, so nothing will be imported.',
    '文件中没有有效号码，不会导入任何内容。',
  ],
  exportTitle: ['Export the list', '导出名单'],
  exportButton: ['Download CSV', '下载 CSV'],
  exportDone_one: ['Exported $1 number.', '已导出 $1 个号码。'],
  exportDone_other: ['Exported $1 numbers.', '已导出 $1 个号码。'],
  syncTitle: ['Central API', '服务器连接'],
  apiUrlLabel: ['API URL', 'API 地址'],
  apiUrlHelp: [
    'Address of the DNC Guard server, e.g. https://dnc.example.com. Plain http is accepted only for 127.0.0.1 and localhost.',
    'DNC Guard 服务器地址，例如 https://dnc.example.com。仅 127.0.0.1 和 localhost 可使用 http。',
  ],
  tokenLabel: ['Access token', '访问令牌'],
  tokenHelp: [
    'Your team lead creates it on the server. It is kept in this browser and sent only to the API URL.',
    '由组长在服务器上创建。令牌只保存在本浏览器中，且只发送到上述 API 地址。',
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
  switchPending_one: [
    "$1 change recorded on this device is waiting to be sent. After this switch it would be sent with the new settings, and the server would record it as the new token's user.",
    '本设备上记录的 $1 项更改尚未发送。切换后，它将按新设置发送，服务器会把它记为新令牌用户的操作。',
  ],
  switchPending_other: [
    "$1 changes recorded on this device are waiting to be sent. After this switch they would be sent with the new settings, and the server would record them as the new token's user.",
    '本设备上记录的 $1 项更改尚未发送。切换后，它们将按新设置发送，服务器会把它们记为新令牌用户的操作。',
  ],
  switchSyncFirst: ['Sync now, then switch', '先同步，再切换'],
  switchAnyway: [
    "Switch anyway and send them as the new token's user",
    '仍然切换，并以新令牌用户的身份发送',
  ],
  switchKeep: ['Keep the current settings', '保留当前设置'],
  switchStillPending_one: [
    '$1 change could not be sent, so the settings were not switched.',
    '$1 项更改未能发送，因此未切换设置。',
  ],
  switchStillPending_other: [
    '$1 changes could not be sent, so the settings were not switched.',
    '$1 项更改未能发送，因此未切换设置。',
  ],
  sitesTitle: ['Sites', '站点'],
  sitesHelp: [
    'DNC Guard runs on the CRMs and dialers it knows. Add any other CRM or softphone your team uses; the browser asks you to allow that one site.',
    'DNC Guard 默认在已知的 CRM 和拨号系统上运行。如团队使用其他 CRM 或软电话，请在此添加；浏览器会请您允许访问该站点。',
  ],
  sitesInputLabel: ['Site address', '站点地址'],
  sitesInputHelp: [
    'Paste any page of the site; the whole site is added. *.example.com covers every subdomain.',
    '粘贴该站点的任一页面地址即可添加整个站点。*.example.com 表示其所有子域名。',
  ],
  sitesAdd: ['Add site', '添加站点'],
  sitesRemove: ['Remove', '移除'],
  sitesGrant: ['Allow access', '允许访问'],
  sitesNone: ['No sites added yet.', '尚未添加站点。'],
  sitesActive: ['Active', '已启用'],
  sitesManaged: ['Set by your administrator', '由管理员设置'],
  sitesNeedsPermission: [
    'Needs permission: DNC Guard does not run here until you allow access.',
    '需要权限：在您允许访问之前，DNC Guard 不会在此运行。',
  ],
  sitesAdded: [
    'Added $1. DNC Guard runs there now, also in tabs already open on it.',
    '已添加 $1。DNC Guard 现已在该站点运行，已打开的标签页也包括在内。',
  ],
  sitesAddedReload: [
    'Added $1. Reload the tabs already open on it so DNC Guard runs there.',
    '已添加 $1。请重新加载已打开的该站点标签页，DNC Guard 才会在其中运行。',
  ],
  sitesRemoved: ['Removed $1.', '已移除 $1。'],
  sitesDenied: [
    'The browser did not grant access to $1, so nothing was added.',
    '浏览器未授予访问 $1 的权限，因此未添加任何内容。',
  ],
  sitesErrorEmpty: [
    'Enter a site address, e.g. https://crm.example.com.',
    '请输入站点地址，例如 https://crm.example.com。',
  ],
  sitesErrorScheme: [
    'Only http:// and https:// sites can be added.',
    '只能添加 http:// 或 https:// 站点。',
  ],
  sitesErrorHost: [
    '"$1" is not a site address. Enter one like https://crm.example.com.',
    '“$1”不是站点地址。请输入类似 https://crm.example.com 的地址。',
  ],
  sitesErrorWildcard: [
    'A wildcard can only stand for the subdomains of one domain, e.g. https://*.example.com.',
    '通配符只能代表某一域名的子域名，例如 https://*.example.com。',
  ],
  sitesErrorBuiltIn: [
    'DNC Guard already runs on $1 without adding it.',
    'DNC Guard 无需添加即已在 $1 上运行。',
  ],
  sitesErrorDuplicate: ['$1 is already in the list.', '$1 已在列表中。'],
  syncRunning: ['Syncing…', '正在同步…'],
  syncNotConfigured: [
    'Not connected to a server: enter the API URL and access token on the Options page.',
    '尚未连接服务器：请在选项页面填写 API 地址和访问令牌。',
  ],
  syncLastSuccess: ['Last sync: $1', '上次同步：$1'],
  syncNever: ['Not synced yet.', '尚未同步。'],
  syncPending_one: [
    '$1 change (a number, case or blocked call) waiting to be sent to the server',
    '$1 项更改（号码、工单或拦截记录）等待发送到服务器',
  ],
  syncPending_other: [
    '$1 changes (numbers, cases or blocked calls) waiting to be sent to the server',
    '$1 项更改（号码、工单或拦截记录）等待发送到服务器',
  ],
  syncLastError: ['Last sync failed: $1', '上次同步失败：$1'],
  // Failed exchanges with the API, by SyncErrorCode. errorWithDetails adds
  // the HTTP status and the server's own text, which stays English, where the
  // message leaves the cause open (DETAILED_CAUSES in components/error-text.ts).
  errorWithDetails: ['$1 Details: $2', '$1详情：$2'],
  syncError_not_configured: [
    'Not connected to a server: enter the API URL and access token on the Options page.',
    '尚未连接服务器：请在选项页面填写 API 地址和访问令牌。',
  ],
  syncError_offline: [
    'Could not reach the server. Check the network connection and the API URL; DNC Guard retries on its own.',
    '无法连接服务器。请检查网络连接和 API 地址；DNC Guard 会自动重试。',
  ],
  syncErrorOfflineHost: [
    'Could not reach the server at $1. Check the network connection and the API URL; DNC Guard retries on its own.',
    '无法连接服务器 $1。请检查网络连接和 API 地址；DNC Guard 会自动重试。',
  ],
  syncError_timeout: [
    'The server did not respond in time. DNC Guard retries on its own.',
    '服务器未及时响应。DNC Guard 会自动重试。',
  ],
  syncError_unauthorized: [
    'The server rejected the access token. Enter a valid token on the Options page.',
    '服务器拒绝了访问令牌。请在选项页面输入有效的令牌。',
  ],
  syncError_forbidden: [
    'The access token is not allowed to do this. Ask an administrator for a token with the right role.',
    '此访问令牌无权执行该操作。请向管理员申请具有相应角色的令牌。',
  ],
  syncError_rate_limited: [
    'The server is limiting requests from this access token. DNC Guard waits and retries on its own.',
    '服务器正在限制此访问令牌的请求。DNC Guard 会等待后自动重试。',
  ],
  syncError_server_error: [
    'The server had an internal error. DNC Guard retries on its own; if this persists, tell your administrator.',
    '服务器发生内部错误。DNC Guard 会自动重试；如问题持续，请告知管理员。',
  ],
  syncError_invalid_response: [
    "The server's response could not be read. Check that the API URL points at a DNC Guard server; if it does, tell your administrator.",
    '无法读取服务器的响应。请确认 API 地址指向 DNC Guard 服务器；如确认无误，请告知管理员。',
  ],
  syncError_rejected: ['The server rejected the request.', '服务器拒绝了该请求。'],
  syncError_storage_failed: [
    "Saving to the browser's storage failed. Free disk space or restart the browser, then sync again.",
    '写入浏览器存储失败。请释放磁盘空间或重启浏览器，然后重新同步。',
  ],
  syncErrorItemInvalid: [
    'This item cannot be delivered as it is. It stays on this device until someone looks at it.',
    '此项无法按原样发送，将保留在本设备上，直到有人处理。',
  ],
  syncRejectedItems_one: [
    '$1 item was rejected by the server and kept on this device with its reason. DNC Guard retries it about every 15 minutes; if this persists, tell your administrator.',
    '$1 项被服务器拒绝，已连同原因保留在本设备上。DNC Guard 约每 15 分钟重试一次；如问题持续，请告知管理员。',
  ],
  syncRejectedItems_other: [
    '$1 items were rejected by the server and kept on this device with their reasons. DNC Guard retries them about every 15 minutes; if this persists, tell your administrator.',
    '$1 项被服务器拒绝，已连同原因保留在本设备上。DNC Guard 约每 15 分钟重试一次；如问题持续，请告知管理员。',
  ],
  // Problem codes of the server's error body (ErrorCode in lib/api/schemas.ts) for a rejected request.
  apiErrorInvalidRequest: [
    'The server did not accept the data sent. DNC Guard and the server may run different versions; tell your administrator.',
    '服务器不接受所发送的数据。DNC Guard 与服务器的版本可能不一致，请告知管理员。',
  ],
  apiErrorNotFound: ['The server has no such record.', '服务器上没有该记录。'],
  apiErrorWrongUrl: [
    'The API URL does not lead to the DNC Guard API. Check it in Options: it is the server address without /v1, such as https://dnc.example.com.',
    'API 地址没有指向 DNC Guard API。请在“选项”中检查：应填写不带 /v1 的服务器地址，例如 https://dnc.example.com。',
  ],
  apiErrorVersionConflict: [
    'Someone else changed this case meanwhile. Check the case as it is now and try again.',
    '其他人已同时修改了此工单。请核对工单的当前内容后再试。',
  ],
  apiErrorIdConflict: [
    'The server already has a case with this id and different content.',
    '服务器上已有编号相同但内容不同的工单。',
  ],
  apiErrorTooLarge: ['The request is too large for the server.', '请求数据超出服务器的大小限制。'],
  apiErrorForbiddenTransition: [
    'The case cannot move to that status from its current one.',
    '工单无法从当前状态转到该状态。',
  ],
  apiErrorForbiddenRole: [
    'Your role is not allowed to take this step.',
    '您的角色无权执行此步骤。',
  ],
  apiErrorIncompleteChecklist: [
    'Some checklist items are still open.',
    '核对清单中仍有未完成的项目。',
  ],
  apiErrorMissingField: ['A field this step needs is missing.', '此步骤缺少必填字段。'],
  apiErrorCaseFinal: ['The case is closed and cannot be changed.', '工单已关闭，无法修改。'],
  apiErrorWrongStatus: [
    "This change is not possible in the case's current status.",
    '在工单当前状态下无法进行此更改。',
  ],
  apiErrorUnknownItem: ['The case has no such checklist item.', '工单中没有该核对项。'],
  addToDnc: ['Add to do-not-call list', '加入禁止呼叫名单'],
  addToDncReasonDefault: ['Customer asked not to be called', '客户要求不再致电'],
  addedPending: [
    'Added. Dialing it is blocked now; the server will confirm it at the next sync.',
    '已添加。现在起拨打该号码会被阻止；服务器将在下次同步时确认。',
  ],
  badgeMenuLabel: ['DNC Guard actions for $1', 'DNC Guard 对 $1 的操作'],
  captureOpen: ['Capture deletion request', '登记删除申请'],
  captureTitle: ['Deletion request', '删除申请'],
  captureReadRecord: ['Read the record on screen', '读取当前页面的记录'],
  captureReadFailed: [
    'Could not read the record on screen: $1. Fill in the fields by hand.',
    '无法读取当前页面的记录：$1。请手动填写。',
  ],
  captureNoRecordPage: [
    'No CRM record page is open in this window. Open the customer\'s record and choose "Read the record on screen", or fill in the fields by hand.',
    '此窗口中没有打开的 CRM 记录页。请打开客户的记录，再点击“读取当前页面的记录”，或手动填写。',
  ],
  captureReadDone: [
    'Filled in from "$1". Check every field before you save.',
    '已根据“$1”填写。保存前请核对每个字段。',
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
  captureRecordIdNeeded: [
    'Without a record id, the CRM system and record URL are not saved. Type the id the record shows to keep them.',
    '未填写记录编号时，不会保存 CRM 系统和记录链接。请填写记录上显示的编号以保留它们。',
  ],
  captureNotes: ['Notes', '备注'],
  captureSubmit: ['Save and suppress now', '保存并立即禁呼'],
  captureSaved_one: [
    'Saved. $1 number is blocked now; the case goes to the server at the next sync.',
    '已保存。$1 个号码现已禁止拨打；工单将在下次同步时发送到服务器。',
  ],
  captureSaved_other: [
    'Saved. $1 numbers are blocked now; the case goes to the server at the next sync.',
    '已保存。$1 个号码现已禁止拨打；工单将在下次同步时发送到服务器。',
  ],
  captureSavedCase: ['Case $1 for $2.', '$2的删除申请（编号 $1）。'],
  captureAnother: ['Capture another request', '登记另一个申请'],
  captureJurisdictionFromPhone: [
    'Guessed from $1 ($2). Change it if another law covers this customer.',
    '根据 $1（$2）推测。如果此客户适用其他法规，请更改。',
  ],
  captureJurisdictionFromCountry: [
    'Guessed from the default country ($1), as no valid number is filled in yet. Change it if another law covers this customer.',
    '尚未填写有效号码，因此根据默认国家/地区（$1）推测。如果此客户适用其他法规，请更改。',
  ],
  captureJurisdictionUs: [
    'A US number does not show the state: choose US CCPA/CPRA for a California resident.',
    '美国号码无法看出所在州：如果客户是加州居民，请选择美国 CCPA/CPRA。',
  ],
  captureInvalidPhone: [
    '"$1" is not a valid phone number in the default country ($2). Write it with its country code, such as +44 20 7946 0018.',
    '“$1”在默认国家/地区（$2）不是有效的电话号码。请加上国家代码，例如 +44 20 7946 0018。',
  ],
  captureLeftOutPhones_one: [
    'Left out $1 number on the record that is not valid in the default country ($2): $3. If it belongs to this person, add it with its country code.',
    '已略去记录中 $1 个在默认国家/地区（$2）无效的号码：$3。如果该号码属于此人，请加上国家代码后填写。',
  ],
  captureLeftOutPhones_other: [
    'Left out $1 numbers on the record that are not valid in the default country ($2): $3. If they belong to this person, add them with their country code.',
    '已略去记录中 $1 个在默认国家/地区（$2）无效的号码：$3。如果这些号码属于此人，请加上国家代码后填写。',
  ],
  captureOthersLeftOutPhones_one: [
    'Left out $1 number of another person on this record: $2. If it belongs to this person, add it.',
    '已略去此记录中其他联系人的 $1 个号码：$2。如果该号码属于此人，请手动添加。',
  ],
  captureOthersLeftOutPhones_other: [
    'Left out $1 numbers of other people on this record: $2. If one belongs to this person, add it.',
    '已略去此记录中其他联系人的 $1 个号码：$2。如果其中有号码属于此人，请手动添加。',
  ],
  capturePhonesCut_one: [
    'The record shows $1 more number than a request can hold ($2), so the first $2 were read. Put the others in a second request.',
    '此记录比一个申请能容纳的号码（$2 个）多出 $1 个，因此只读取了前 $2 个。请把其余号码填入另一个申请。',
  ],
  capturePhonesCut_other: [
    'The record shows $1 more numbers than a request can hold ($2), so the first $2 were read. Put the others in a second request.',
    '此记录比一个申请能容纳的号码（$2 个）多出 $1 个，因此只读取了前 $2 个。请把其余号码填入另一个申请。',
  ],
  captureSeveralPeople: [
    'This record lists several people ($1). Type the name of the one who asked, or click their card on the page and choose "Read the record on screen" again.',
    '此记录列出了多位联系人（$1）。请填写提出申请的人的姓名，或在页面上点击其卡片后再点一次“读取当前页面的记录”。',
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
  tabCapture: ['New request', '新建申请'],
  tabCases: ['My cases', '我的工单'],
  tabQueue: ['Team queue', '团队队列'],
  queueEmpty: ['No open cases in the team.', '团队没有未关闭的工单。'],
  queueCreatedBy: ['Captured by $1', '登记人：$1'],
  // $1 is a list of short case ids.
  queueSameNumbers: ['Same numbers as case $1', '与工单 $1 的号码相同'],
  caseClosedTitle: ['Closed case · received $1 · $2', '已关闭的工单 · $1 收到 · $2'],
  caseUntitledTitle: ['Case · received $1 · $2', '工单 · $1 收到 · $2'],
  caseShortId: ['Case $1', '工单 $1'],
  // $1 is the count, $2 a list of caseSameNumbersItem.
  caseSameNumbers_one: [
    'Another open case lists these numbers: $2.',
    '另有一个未关闭的工单列有这些号码：$2。',
  ],
  caseSameNumbers_other: [
    '$1 other open cases list these numbers: $2.',
    '另有 $1 个未关闭的工单列有这些号码：$2。',
  ],
  // $1 is the short case id, $2 the agent who captured it, $3 its status.
  caseSameNumbersItem: ['Case $1 (captured by $2, $3)', '工单 $1（登记人：$2，$3）'],
  caseIdLabel: ['Case id:', '工单编号：'],
  caseCopyId: ['Copy case id', '复制工单编号'],
  caseIdCopied: ['Case id copied.', '已复制工单编号。'],
  caseIdCopyFailed: [
    'Copying failed: select the case id and copy it yourself.',
    '复制失败：请选中工单编号后自行复制。',
  ],
  casesEmpty: ['No cases yet.', '暂无工单。'],
  casesWaiting: ['Waiting to be sent to the server', '等待发送到服务器'],
  casesRefresh: ['Refresh', '刷新'],
  casesLoadFailed: ['Could not read cases from the server: $1', '无法从服务器读取工单：$1'],
  caseDaysLeft_one: ['$1 day left', '剩余 $1 天'],
  caseDaysLeft_other: ['$1 days left', '剩余 $1 天'],
  caseOverdue_one: ['Overdue by $1 day', '已逾期 $1 天'],
  caseOverdue_other: ['Overdue by $1 days', '已逾期 $1 天'],
  caseClosed: ['Closed', '已关闭'],
  caseDue: ['Reply due $1', '答复截止 $1'],
  caseTelemarketingDue: ['DNC entry must be honoured by $1', '禁呼登记须在 $1 前生效'],
  caseBack: ['Back to my cases', '返回我的工单'],
  caseBackToQueue: ['Back to the team queue', '返回团队队列'],
  caseTimeline: ['Timeline', '时间线'],
  caseChecklist: ['Checklist', '核对清单'],
  caseNextStep: ['Next step', '下一步'],
  caseNoNextStep: [
    'Nothing more for your role to do on this case.',
    '您的角色在此工单上无需再做操作。',
  ],
  caseMarkDone: ['Done', '已完成'],
  caseMarkNotApplicable: ['Not applicable', '不适用'],
  caseMarkDoneItem: ['Done: $1', '已完成：$1'],
  caseMarkNotApplicableItem: ['Not applicable: $1', '不适用：$1'],
  caseNoteRequired: ['Why does it not apply?', '为什么不适用？'],
  caseItemNote: ['Note: $1', '备注：$1'],
  caseNoteCancel: ['Cancel', '取消'],
  caseSaveReason: ['Save reason', '保存原因'],
  caseSaveReasonItem: ['Save reason: $1', '保存原因：$1'],
  caseOpenItemsBlock_one: [
    '$1 checklist item is still open. Mark it Done or Not applicable first.',
    '还有 $1 个核对项未完成。请先将其标记为“已完成”或“不适用”。',
  ],
  caseOpenItemsBlock_other: [
    '$1 checklist items are still open. Mark each Done or Not applicable first.',
    '还有 $1 个核对项未完成。请先将每一项标记为“已完成”或“不适用”。',
  ],
  caseRejectNeedsFields: [
    'Fill in the fields above before you reject the case.',
    '请先填写上方的字段，再拒绝此工单。',
  ],
  caseReason: ['Reason', '原因'],
  caseConfirmationSentAt: ['Confirmation sent at', '确认函发送时间'],
  caseConfirmationChannel: ['Sent by', '发送渠道'],
  caseLegalBasis: ['Legal basis', '法律依据'],
  caseDataKept: ['Data kept', '保留的数据'],
  caseWhyKept: ['Why it is kept', '保留原因'],
  caseChanged: ['Saved.', '已保存。'],
  caseDateInFuture: ['The date cannot be later than today.', '日期不能晚于今天。'],
  // The deadline extension a lead records after telling the customer.
  caseExtensionTitle: ['Deadline extension', '答复期限延长'],
  caseExtensionAllowed: [
    'The law allows one extension of $1. It counts only if the customer was told by $2.',
    '法律允许延期一次，最多 $1。须在 $2 前告知客户，延期才有效。',
  ],
  caseExtensionNoticeSent: ['Customer told on', '告知客户的日期'],
  caseExtensionReason: ['Reason given to the customer', '告知客户的延期理由'],
  caseExtend: ['Extend the deadline', '延长期限'],
  caseExtensionNeedsFields: [
    'Give the date the customer was told and the reason first.',
    '请先填写告知客户的日期和延期理由。',
  ],
  caseExtensionNoticeLate: [
    'The customer must be told by $1; a later notice does not extend the deadline.',
    '须在 $1 前告知客户；晚于该日期的告知不能延长期限。',
  ],
  caseExtensionNotInLaw: [
    'The law of this case ($1) gives no extension of the reply period.',
    '本工单适用的法律（$1）不允许延长答复期限。',
  ],
  caseExtensionUsed: [
    'The one extension the law allows is already recorded.',
    '法律允许的一次延期已记录。',
  ],
  caseExtensionLeadOnly: [
    'A lead or admin can extend the reply deadline.',
    '组长或管理员可以延长答复期限。',
  ],
  caseExtendedTo: ['Extended: reply due $1 instead of $2.', '已延期：答复截止日由 $2 改为 $1。'],
  periodMonths_one: ['$1 month', '$1 个月'],
  periodMonths_other: ['$1 months', '$1 个月'],
  periodDays_one: ['$1 day', '$1 天'],
  periodDays_other: ['$1 days', '$1 天'],
  periodBusinessDays_one: ['$1 business day', '$1 个工作日'],
  periodBusinessDays_other: ['$1 business days', '$1 个工作日'],
  // Third-party processors asked to delete the data. Chinese law (PIPL) calls
  // the controller 个人信息处理者, so a processor is a 受托处理方.
  caseProcessors: ['Processors', '受托处理方'],
  caseProcessorsNone: ['No processors recorded.', '未记录受托处理方。'],
  caseProcessorsInProgressOnly: [
    'Processors can be recorded while the case is in progress.',
    '工单处于“处理中”时才能记录受托处理方。',
  ],
  caseProcessorNotified: ['notified $1', '已于 $1 通知'],
  caseProcessorNotNotified: ['not notified yet', '尚未通知'],
  caseProcessorConfirmed: ['deletion confirmed $1', '已于 $1 确认删除'],
  caseProcessorAwaiting: ['confirmation awaited', '等待确认'],
  caseProcessorName: ['Processor name', '受托处理方名称'],
  caseProcessorNotifiedOn: ['Notified on', '通知日期'],
  caseProcessorAdd: ['Add processor', '添加受托处理方'],
  caseProcessorListed: ['$1 is already listed.', '“$1”已在列表中。'],
  caseProcessorRecordNotified: ['Record notification', '记录通知'],
  caseProcessorRecordNotifiedItem: ['Record notification: $1', '记录通知：$1'],
  caseProcessorConfirm: ['Confirmation received', '已收到确认'],
  caseProcessorConfirmItem: ['Confirmation received: $1', '已收到确认：$1'],
  caseProcessorConfirmedOn: ['Confirmation received on', '收到确认的日期'],
  caseProcessorConfirmBeforeNotified: [
    'The confirmation cannot be dated before the notification ($1).',
    '确认日期不能早于通知日期（$1）。',
  ],
  // Reason a processor's checklist item cannot be marked done yet, naming the button to use first.
  caseProcessorDoneNeedsProcessor: [
    'Before marking this done, add $1 under Processors with the date it was notified, then choose Confirmation received once it confirms deletion.',
    '标记为已完成之前，请在“受托处理方”下添加“$1”并填写通知日期，待其确认删除后再点击“已收到确认”。',
  ],
  caseProcessorDoneNeedsNotice: [
    'Before marking this done, record when $1 was notified (Record notification, under Processors), then choose Confirmation received once it confirms deletion.',
    '标记为已完成之前，请在“受托处理方”下点击“记录通知”，记录通知“$1”的日期，待其确认删除后再点击“已收到确认”。',
  ],
  caseProcessorDoneNeedsConfirmation: [
    'Before marking this done, record when $1 confirmed deletion: choose Confirmation received under Processors.',
    '标记为已完成之前，请记录“$1”确认删除的日期：在“受托处理方”下点击“已收到确认”。',
  ],
  caseProcessorDoneRejected: [
    'The server has no deletion confirmation from $1 yet. Record when it was notified and when it confirmed deletion under Processors (Confirmation received), then mark this done.',
    '服务器上尚无“$1”的删除确认。请在“受托处理方”下记录通知日期和确认删除的日期（“已收到确认”），然后再标记为已完成。',
  ],
  caseSave: ['Save', '保存'],
  // Free-text notes on an open case.
  caseNotes: ['Notes', '备注'],
  caseNotesEmpty: ['No notes.', '暂无备注。'],
  caseNotesEdit: ['Edit notes', '编辑备注'],
  caseNotesSave: ['Save notes', '保存备注'],
  caseNotesTooLong: ['Notes can be at most $1 characters.', '备注最多 $1 个字符。'],
  // A timeline entry after its time: who acted ($1), then what happened ($2).
  timelineEntry: ['$1: $2', '$1：$2'],
  // Who set a checklist item ($1), and when ($2).
  checklistItemBy: ['$1, $2', '$1，$2'],
  // Timeline entries, one per event type of the server's audit log.
  timelineCreated: [
    'Request captured ($1, $2, $3). Reply due $4.',
    '已登记申请（$1，$2，$3）。答复截止 $4。',
  ],
  timelineSuppressionsAdded_one: [
    '$1 number added to the do-not-call list, $2 already on it.',
    '$1 个号码已加入禁止呼叫名单，$2 个原已在名单上。',
  ],
  timelineSuppressionsAdded_other: [
    '$1 numbers added to the do-not-call list, $2 already on it.',
    '$1 个号码已加入禁止呼叫名单，$2 个原已在名单上。',
  ],
  timelineStatusChanged: ['Status changed from $1 to $2.', '状态由“$1”变为“$2”。'],
  timelineChecklistItem: ['Checklist: $1 set to $2.', '核对清单：“$1”设为“$2”。'],
  timelineChecklistItemNote: [
    'Checklist: $1 set to $2. Note: $3',
    '核对清单：“$1”设为“$2”。备注：$3',
  ],
  timelineProcessorNotified: ['Processor $1: notified on $2.', '受托处理方“$1”：已于 $2 通知。'],
  timelineProcessorConfirmed: [
    'Processor $1: deletion confirmed on $2.',
    '受托处理方“$1”：已于 $2 确认删除。',
  ],
  timelineProcessorNotifiedConfirmed: [
    'Processor $1: notified on $2, deletion confirmed on $3.',
    '受托处理方“$1”：已于 $2 通知，已于 $3 确认删除。',
  ],
  timelineProcessorRecorded: ['Processor $1 recorded.', '已记录受托处理方“$1”。'],
  timelineNotesChanged: ['Notes changed.', '备注已修改。'],
  timelineExtended: ['Reply deadline extended to $1.', '答复期限已延长至 $1。'],
  timelineExtensionIgnored: ['Extension recorded but not applied: $1', '已记录延期，但未生效：$1'],
  timelineLegalException: ['Legal exception reviewed by $2: $1.', '法律例外经$2审核：$1。'],
  timelineConfirmation: [
    'Confirmation sent to the customer ($1) on $2.',
    '已于 $2 向客户发送确认（$1）。',
  ],
  timelineMinimised: [
    'Personal data removed from the case: $1. The numbers stay on the do-not-call list.',
    '已从工单中删除个人数据：$1。号码仍保留在禁止呼叫名单上。',
  ],
  // $1 is the number in E.164 form, $2 the lead's reason.
  timelineSuppressionRemoved: [
    '$1 taken off the do-not-call list. Reason: $2',
    '$1 已从禁止呼叫名单中移除。原因：$2',
  ],
  removedName: ["the customer's name", '客户姓名'],
  removedEmails: ['email addresses', '电子邮件地址'],
  removedCrmUrl: ['the link to the CRM record', 'CRM 记录链接'],
  removedNotes: ['case notes', '工单备注'],
  removedChecklistNotes: ['checklist notes', '清单备注'],
  removedStatusReasons: ['reasons given for status changes', '状态变更原因'],
  status_received: ['Received', '已收到'],
  status_verified: ['Identity verified', '身份已核实'],
  status_verification_failed: ['Verification failed', '身份核实失败'],
  status_in_progress: ['In progress', '处理中'],
  status_legal_review: ['Legal review', '法律审核'],
  status_actions_done: ['Actions done', '处理措施已完成'],
  status_confirmed: ['Confirmed to the customer', '已向客户确认'],
  status_rejected: ['Rejected', '已拒绝'],
  // Buttons that move a case into a status, named as the action they take.
  step_verified: ['Mark identity verified', '标记为身份已核实'],
  step_verification_failed: ['Mark verification failed', '标记为身份核实失败'],
  step_in_progress: ['Start work', '开始处理'],
  stepResumeFromLegalReview: ['Return from legal review', '结束法律审核，继续处理'],
  step_legal_review: ['Send to legal review', '提交法律审核'],
  step_actions_done: ['Mark actions done', '标记为处理措施已完成'],
  step_confirmed: ['Record confirmation to the customer', '记录已向客户发送确认'],
  step_rejected: ['Reject the request', '拒绝此申请'],
  // Checklist items, named as the task to do: an open item must not read as done.
  checklist_internal_dnc: ['Add to the internal DNC list', '加入内部禁止呼叫名单'],
  checklist_crm_dnc_flag: ['Mark DNC / unsubscribed in the CRM', '在 CRM 中标记禁呼/退订'],
  checklist_marketing_lists: ['Remove from active marketing lists', '从营销名单中移除'],
  checklist_dial_queues: ['Remove from dial queues', '从拨号队列中移除'],
  checklist_campaigns: ['Remove from running campaigns', '从进行中的活动中移除'],
  checklist_erase_crm: ['Delete or anonymise in the CRM', '在 CRM 中删除或匿名化'],
  checklist_erase_call_center: [
    'Delete or anonymise in the call-center software',
    '在呼叫中心软件中删除或匿名化',
  ],
  checklist_erase_email_platform: [
    'Delete or anonymise in the email platform',
    '在邮件平台中删除或匿名化',
  ],
  checklist_backup_guard: [
    'Guard backups: after any restore, apply the DNC list and the erasure records again',
    '防止备份恢复带回数据：从备份恢复后，按禁止呼叫名单和删除记录重新执行删除',
  ],
  checklist_processor_notified: ['Tell the processor to delete', '通知受托处理方删除'],
  item_open: ['Open', '待办'],
  item_done: ['Done', '已完成'],
  item_not_applicable: ['Not applicable', '不适用'],
  basis_legal_obligation: [
    'Legal obligation (e.g. tax or anti-money-laundering records)',
    '法定义务（如税务或反洗钱记录）',
  ],
  basis_freedom_of_expression: ['Freedom of expression and information', '言论和信息自由'],
  basis_public_interest: ['Public interest (e.g. public health)', '公共利益（如公共卫生）'],
  basis_legal_claims: [
    'Establishing, exercising or defending legal claims',
    '提起、行使或抗辩法律诉求',
  ],
  // $1 is one of the encoding_* names.
  importEncodingUsed: [
    'This file is not UTF-8 text. It was read as $1.',
    '此文件不是 UTF-8 编码，已按$1读取。',
  ],
  importEncodingLabel: ['Text encoding', '文本编码'],
  importEncodingHint: [
    'If the text in the rows below looks wrong, choose the encoding the file was saved in. A file saved from Excel as "CSV UTF-8 (Comma delimited)" needs no choice.',
    '如果下面各行的文字显示不正确，请选择文件保存时使用的编码。在 Excel 中另存为“CSV UTF-8（逗号分隔）”的文件无需选择。',
  ],
  importFirstRows: ['The first rows as read:', '按此编码读取的前几行：'],
  importPdf: [
    'This is a PDF, not a CSV. Export the list as CSV UTF-8 from the program that made the PDF, or copy the numbers into a spreadsheet and save it as CSV UTF-8.',
    '这是 PDF 文件，不是 CSV 文件。请在生成该 PDF 的程序中将名单导出为 CSV UTF-8，或把号码复制到电子表格中并另存为 CSV UTF-8。',
  ],
  importWorkbook: [
    'This is a spreadsheet workbook, not a CSV: save it as CSV UTF-8. In Excel, choose File > Save As, pick "CSV UTF-8 (Comma delimited)" as the type, and choose the new file here.',
    '这是电子表格工作簿，不是 CSV 文件：请另存为 CSV UTF-8。在 Excel 中选择“文件 > 另存为”，保存类型选“CSV UTF-8（逗号分隔）”，然后在此选择新文件。',
  ],
  encoding_gb18030: ['Chinese, Simplified (GB18030)', '简体中文（GB18030）'],
  encoding_big5: ['Chinese, Traditional (Big5)', '繁体中文（Big5）'],
  encoding_shift_jis: ['Japanese (Shift_JIS)', '日文（Shift_JIS）'],
  encoding_euc_kr: ['Korean (EUC-KR)', '韩文（EUC-KR）'],
  encoding_windows_1252: ['Western European (Windows-1252)', '西欧语言（Windows-1252）'],
  encoding_windows_1250: ['Central European (Windows-1250)', '中欧语言（Windows-1250）'],
  encoding_windows_1251: ['Cyrillic (Windows-1251)', '西里尔文（Windows-1251）'],
  encoding_windows_1253: ['Greek (Windows-1253)', '希腊文（Windows-1253）'],
  encoding_windows_1254: ['Turkish (Windows-1254)', '土耳其文（Windows-1254）'],
  encoding_windows_1255: ['Hebrew (Windows-1255)', '希伯来文（Windows-1255）'],
  encoding_windows_1256: ['Arabic (Windows-1256)', '阿拉伯文（Windows-1256）'],
  encoding_windows_1257: ['Baltic (Windows-1257)', '波罗的海语言（Windows-1257）'],
  encoding_windows_1258: ['Vietnamese (Windows-1258)', '越南文（Windows-1258）'],
  encoding_windows_874: ['Thai (Windows-874)', '泰文（Windows-874）'],
  syncError_invalid_token: [
    'The access token contains a character that a token cannot have, so it was not sent. Copy the token again and enter it on the Options page.',
    '访问令牌含有令牌中不会出现的字符，因此未发送。请重新复制令牌，并在选项页面输入。',
  ],
  tokenInvalidCharacter: [
    'The access token cannot contain "$1". A token has only English letters, digits and ASCII punctuation, so copy it again.',
    '访问令牌中不能含有“$1”。令牌只包含英文字母、数字和半角符号，请重新复制。',
  ],
  // Fields of the capture form that the case schema rejected, inside captureInvalid.
  captureFieldPhones: ['Phone numbers', '电话号码'],
  captureFieldEmails: ['Email addresses', '电子邮箱'],
  captureInvalidEmail: ['The email address "$1" is not valid.', '电子邮箱“$1”格式不正确。'],
  captureInvalidUrl: [
    'The record URL "$1" is not a valid web address.',
    '记录链接“$1”不是有效的网址。',
  ],
  captureInvalidReceivedAt: [
    'Enter the date and time the request was received.',
    '请填写收到申请的日期和时间。',
  ],
  captureFieldMissing: ['Fill in "$1".', '请填写“$1”。'],
  captureFieldTooLong: [
    '"$1" is too long: enter at most $2 characters.',
    '“$1”过长，最多 $2 个字符。',
  ],
  captureFieldTooMany: ['"$1" has too many entries: enter at most $2.', '“$1”过多，最多 $2 项。'],
  captureFieldInvalid: ['"$1" is not valid.', '“$1”无效。'],
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
