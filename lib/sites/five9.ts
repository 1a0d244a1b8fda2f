// Five9 Agent Desktop Plus and the Agent Desktop Toolkit. NOTE: Five9 does
// not document the DOM of its agent apps publicly, so this adapter reads
// only the hosts and reads the call panel with the generic reader (labels
// and ARIA labels). Agent routes live in the hash and carry no record id.

import { composeRecord } from './generic.ts';
import type { RecordSnapshot, SiteAdapter } from './types.ts';

// Agent app hosts per region (app.five9.com, app-atl.five9.com, app-scl.five9.com, app.five9.eu); shape checked against public code loading https://app-atl.five9.com/clients/agent/main.html?role=Agent on 2026-12-04
const FIVE9_HOST = /^app(?:-[a-z0-9]+)?\.five9\.(?:com|eu)$/i;

// Agent Desktop Plus (/clients/agent/main.html) and the CRM toolkit (/clients/integrations/adt*.html); shape checked against public code loading https://app.five9.com/clients/integrations/adt.li.main.html on 2026-12-04
const AGENT_PATH = /^\/clients\/(?:agent|integrations)\//;

/** Five9's agent apps: the customer of the current call. */
export const five9Adapter: SiteAdapter = {
  id: 'five9',
  name: 'Five9',
  matches: (url) => FIVE9_HOST.test(url.hostname) && AGENT_PATH.test(url.pathname),
  readRecord(doc: Document, url: URL = new URL(doc.URL)): RecordSnapshot | null {
    return composeRecord(doc, url, 'five9', {});
  },
};
