// Genesys Cloud agent UI. NOTE: Genesys does not document the DOM of its
// agent UI publicly, so this adapter reads only the hosts and interaction
// routes itself and reads the interaction panel with the generic reader (labels
// and ARIA labels).

import { composeRecord } from './generic.ts';
import type { RecordSnapshot, SiteAdapter } from './types.ts';

// App hosts per region (apps.mypurecloud.com, .ie, .de, .jp, .com.au, apps.<region>.pure.cloud); shape checked against Cognigy's Genesys Cloud handover guide (apps.mypurecloud.de/directory/#/…) on 2026-12-04
const GENESYS_HOST =
  /^apps\.(?:[a-z0-9-]+\.)?(?:mypurecloud\.(?:com|ie|de|jp|com\.au)|pure\.cloud)$/i;

// Conversation id in the hash route (#/engage/admin/interactions/<id>, #/interaction/<id>); shape checked against public links to https://apps.mypurecloud.com/directory/#/engage/admin/interactions/<conversationId> on 2026-12-04
const INTERACTION_ROUTE =
  /\/interactions?\/([0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12})/i;

/** Genesys Cloud: the customer of the interaction on screen. */
export const genesysAdapter: SiteAdapter = {
  id: 'genesys',
  name: 'Genesys Cloud',
  matches: (url) => GENESYS_HOST.test(url.hostname),
  readRecord(doc: Document, url: URL = new URL(doc.URL)): RecordSnapshot | null {
    const conversationId = INTERACTION_ROUTE.exec(url.hash)?.[1]?.toLowerCase() ?? null;
    return composeRecord(doc, url, 'genesys', { recordId: conversationId });
  },
};
