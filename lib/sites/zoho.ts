// Zoho CRM record pages. NOTE: Zoho does not document the DOM of its record
// pages publicly, so this adapter reads only the URL shape and leaves the
// name, phones and emails to the generic reader (labels and ARIA labels).

import { composeRecord } from './generic.ts';
import type { RecordSnapshot, SiteAdapter } from './types.ts';

// Zoho CRM and CRM Plus hosts per data centre (crm.zoho.com, .eu, .in, .com.au, .com.cn, .jp, .ca, .sa); shape checked against public Zoho CRM record links in open-source integrations on 2026-12-04
const ZOHO_CRM_HOST = /^(?:crm|crmplus)\.zoho\.(?:com|eu|in|com\.au|com\.cn|jp|ca|sa|uk)$/i;

// Record page path /crm/org<orgId>/tab/<Module>/<numeric recordId> (some accounts omit the org part); shape checked against public Zoho CRM record links in open-source integrations on 2026-12-04
const RECORD_PATH = /^\/crm\/(?:org\d+\/)?tab\/[A-Za-z0-9_]+\/(\d+)/;

/** Zoho CRM records of any module (Contacts, Leads, Accounts, custom modules). */
export const zohoAdapter: SiteAdapter = {
  id: 'zoho',
  name: 'Zoho CRM',
  matches: (url) => ZOHO_CRM_HOST.test(url.hostname),
  readRecord(doc: Document, url: URL = new URL(doc.URL)): RecordSnapshot | null {
    return composeRecord(doc, url, 'zoho', {
      recordId: RECORD_PATH.exec(url.pathname)?.[1] ?? null,
    });
  },
};
