// HubSpot CRM record pages. HubSpot documents record URLs but not its page
// DOM; the one selector below comes from public time-tracking integrations
// that add a button to HubSpot records. Phones and emails are read by the
// generic reader from the labelled properties of the record sidebar.

import { deepText, queryShownDeep } from './dom.ts';
import { composeRecord } from './generic.ts';
import type { RecordSnapshot, SiteAdapter } from './types.ts';

// App hosts, one per data-centre region (app.hubspot.com, app-eu1.hubspot.com, app-na2.hubspot.com); shape checked against public HubSpot record links in open-source integrations on 2026-12-04
const HUBSPOT_HOST = /^app(?:-[a-z0-9]+)?\.hubspot\.com$/i;

// Record page path /contacts/<portalId>/record/<objectTypeId>/<recordId> (0-1 is contacts) and the older /contacts/<portalId>/contact/<id>; shape checked against public HubSpot record links in open-source integrations on 2026-12-04
const RECORD_PATH = /^\/contacts\/\d+\/(?:record\/\d+-\d+|contact|company|deal|ticket)\/(\d+)/;

// Record name at the top of the left sidebar; shape checked against the public Clockify and Toggl browser-extension integrations for HubSpot on 2026-12-04
const HIGHLIGHT_TITLE = '[data-selenium-test="highlightTitle"]';

/** HubSpot contact, company, deal and ticket records. */
export const hubspotAdapter: SiteAdapter = {
  id: 'hubspot',
  name: 'HubSpot',
  matches: (url) => HUBSPOT_HOST.test(url.hostname),
  readRecord(doc: Document, url: URL = new URL(doc.URL)): RecordSnapshot | null {
    const title = queryShownDeep(doc, HIGHLIGHT_TITLE);

    return composeRecord(doc, url, 'hubspot', {
      name: title ? deepText(title) || null : null,
      recordId: RECORD_PATH.exec(url.pathname)?.[1] ?? null,
    });
  },
};
