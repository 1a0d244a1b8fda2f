// Pipedrive person, deal and organisation pages. NOTE: Pipedrive does not
// document the DOM of its web app publicly, so this adapter reads only the
// URL shape and leaves the rest to the generic reader (labels and ARIA).

import { composeRecord } from './generic.ts';
import type { RecordSnapshot, SiteAdapter } from './types.ts';

// App hosts: app.pipedrive.com and each company's <company>.pipedrive.com; shape checked against public Pipedrive person links in open-source integrations on 2026-12-04
const PIPEDRIVE_HOST = /(?:^|\.)pipedrive\.com$/i;

// Detail page paths /person/<id>, /deal/<id>, /organization/<id>; shape checked against public Pipedrive person links in open-source integrations on 2026-12-04
const RECORD_PATH = /^\/(?:person|deal|organization)\/(\d+)/;

/** Pipedrive detail pages. */
export const pipedriveAdapter: SiteAdapter = {
  id: 'pipedrive',
  name: 'Pipedrive',
  matches: (url) => PIPEDRIVE_HOST.test(url.hostname),
  readRecord(doc: Document, url: URL = new URL(doc.URL)): RecordSnapshot | null {
    return composeRecord(doc, url, 'pipedrive', {
      recordId: RECORD_PATH.exec(url.pathname)?.[1] ?? null,
    });
  },
};
