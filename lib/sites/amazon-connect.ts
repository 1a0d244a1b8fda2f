// Amazon Connect Contact Control Panel (CCP) and agent workspace. NOTE: AWS
// documents the URLs and the Streams API but not the CCP's DOM, so this
// adapter reads the contact panel with the generic reader (labels and ARIA
// labels). The contact id is not in the URL.

import { composeRecord } from './generic.ts';
import type { RecordSnapshot, SiteAdapter } from './types.ts';

// Instance hosts <instance>.my.connect.aws and <instance>.awsapps.com; shape checked against docs.aws.amazon.com "Access Cases in the agent application" on 2026-12-04
const CONNECT_HOST = /\.my\.connect\.aws$/i;

// Older instance host; other AWS apps share it, so only its /connect/ paths are claimed; shape checked against docs.aws.amazon.com "Access Cases in the agent application" on 2026-12-04
const AWSAPPS_HOST = /\.awsapps\.com$/i;

// CCP and agent workspace paths (/ccp-v2, /agent-app-v2, under /connect/ on awsapps.com); shape checked against docs.aws.amazon.com "Upgrade your Contact Control Panel (CCP) when using the Amazon Connect Streams API" on 2026-12-04
const AGENT_PATH = /^\/(?:connect\/)?(?:ccp-v2|agent-app-v2)(?:\/|$)/;

/** Amazon Connect's agent apps: the customer of the current contact. */
export const amazonConnectAdapter: SiteAdapter = {
  id: 'amazon-connect',
  name: 'Amazon Connect',
  matches: (url) =>
    (CONNECT_HOST.test(url.hostname) || AWSAPPS_HOST.test(url.hostname)) &&
    AGENT_PATH.test(url.pathname),
  readRecord(doc: Document, url: URL = new URL(doc.URL)): RecordSnapshot | null {
    return composeRecord(doc, url, 'amazon-connect', {});
  },
};
