// Aircall phone and Workspace web apps. NOTE: Aircall does not document the
// DOM of its apps publicly, so this adapter reads only the URL shape and
// reads the caller panel with the generic reader (labels and ARIA labels).

import { composeRecord } from './generic.ts';
import type { RecordSnapshot, SiteAdapter } from './types.ts';

// Web phone (phone.aircall.io) and Workspace (workspace.aircall.io); shape checked against Aircall's embeddable-phone code (https://phone.aircall.io?integration=generic) and its Workspace SDK default URL on 2026-12-04
const AIRCALL_HOST = /^(?:phone|workspace)\.aircall\.io$/i;

// Call, contact and conversation pages (/calls/<id>, /contacts/<id>, /conversations/<id>); shape checked against public code building https://phone.aircall.io/calls/<id> links on 2026-12-04
const RECORD_PATH = /\/(?:calls|contacts|conversations)\/(\d+)/;

/** Aircall's web phone and Workspace: the caller or contact on screen. */
export const aircallAdapter: SiteAdapter = {
  id: 'aircall',
  name: 'Aircall',
  matches: (url) => AIRCALL_HOST.test(url.hostname),
  readRecord(doc: Document, url: URL = new URL(doc.URL)): RecordSnapshot | null {
    return composeRecord(doc, url, 'aircall', {
      recordId: RECORD_PATH.exec(url.pathname)?.[1] ?? null,
    });
  },
};
