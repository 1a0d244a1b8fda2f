// Dynamics 365 model-driven apps (Sales, Customer Service). Microsoft
// documents the form URL; the form's data-id attributes come from public
// test automation of Dynamics 365 forms.

import { deepText, queryAllDeep, queryShownDeep } from './dom.ts';
import { emailsFromElements, phonesFromElements } from './extract.ts';
import { composeRecord } from './generic.ts';
import { stripBraces } from './record-id.ts';
import type { RecordSnapshot, SiteAdapter } from './types.ts';

// Online organisation hosts <org>.crm.dynamics.com and the regional crm2 … crm21 variants; shape checked against learn.microsoft.com "Open forms, views, dialogs and reports with a URL" on 2026-12-04
const DYNAMICS_HOST = /\.crm\d*\.dynamics\.com$/i;

// Record form query: main.aspx?…&pagetype=entityrecord&etn=<table>&id=<GUID, often in encoded braces>; shape checked against learn.microsoft.com "Open forms, views, dialogs and reports with a URL" on 2026-12-04
const RECORD_PAGE_TYPE = 'entityrecord';

// Record title in the form header; it carries a " - Saved" or " - Unsaved" suffix; shape checked against public Selenium page objects of Dynamics 365 forms (h1[data-id='header_title']) on 2026-12-04
const HEADER_TITLE = '[data-id="header_title"]';

// Phone columns on the form (telephone1, mobilephone, telephone2 …); shape checked against public Selenium page objects of Dynamics 365 forms (telephone1.fieldControl-phone-text-input) on 2026-12-04
const PHONE_INPUTS = 'input[data-id$=".fieldControl-phone-text-input"]';

// Email columns on the form (emailaddress1 …); shape checked against public Selenium page objects of Dynamics 365 forms (emailaddress1.fieldControl-mail-text-input) on 2026-12-04
const EMAIL_INPUTS = 'input[data-id$=".fieldControl-mail-text-input"]';

// Save state Dynamics appends to the header title; shape checked against public SpecFlow steps of Dynamics 365 forms that strip "- Saved" from header_title on 2026-12-04
const SAVE_STATE_SUFFIX = /\s+-\s+(?:Saved|Unsaved|Read-only)$/i;

function recordIdFromUrl(url: URL): string | null {
  if (url.searchParams.get('pagetype')?.toLowerCase() !== RECORD_PAGE_TYPE) return null;

  const id = url.searchParams.get('id');
  return id ? stripBraces(id.trim()).toLowerCase() : null;
}

/** Dynamics 365 record forms (contacts, leads, accounts and other tables). */
export const dynamicsAdapter: SiteAdapter = {
  id: 'dynamics',
  name: 'Dynamics 365',
  matches: (url) => DYNAMICS_HOST.test(url.hostname),
  readRecord(doc: Document, url: URL = new URL(doc.URL)): RecordSnapshot | null {
    const title = queryShownDeep(doc, HEADER_TITLE);

    return composeRecord(doc, url, 'dynamics', {
      name: title ? deepText(title).replace(SAVE_STATE_SUFFIX, '') || null : null,
      recordId: recordIdFromUrl(url),
      phones: phonesFromElements(queryAllDeep(doc, PHONE_INPUTS)),
      emails: emailsFromElements(queryAllDeep(doc, EMAIL_INPUTS)),
    });
  },
};
