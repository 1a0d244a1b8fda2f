// Salesforce Lightning Experience (and Classic record URLs). Lightning pages
// are Lightning Web Components: mostly synthetic shadow, where the markup is
// in the light DOM, and sometimes native open shadow roots, so every query
// here goes through the deep helpers. Salesforce does not document its own
// page DOM; the record-page element names below come from public test
// automation that drives Lightning pages, and the base components from the
// Lightning component reference.

import { deepText, queryAllDeep, queryShownDeep } from './dom.ts';
import { emailsFromElements, phonesFromElements } from './extract.ts';
import { composeRecord } from './generic.ts';
import type { RecordSnapshot, SiteAdapter } from './types.ts';

// Lightning (<domain>.lightning.force.com), My Domain (<domain>.my.salesforce.com) and Experience Cloud hosts; shape checked against developer.salesforce.com blog "Here's what you need to know about the new URL format for Lightning" on 2026-12-04
const SALESFORCE_HOST = /(?:^|\.)(?:salesforce|force)\.com$/i;

// Lightning record page path /lightning/r/<Object>/<15- or 18-character id>/view (the object may be left out); shape checked against developer.salesforce.com blog "Here's what you need to know about the new URL format for Lightning" on 2026-12-04
const LIGHTNING_RECORD_PATH =
  /^\/lightning\/r\/(?:[A-Za-z0-9_]+\/)?([A-Za-z0-9]{15}(?:[A-Za-z0-9]{3})?)\/(?:view|edit)\b/;

// Classic record page path /<15- or 18-character id>; shape checked against salesforceben.com "What does a Salesforce URL consist of?" on 2026-12-04
const CLASSIC_RECORD_PATH = /^\/((?=[A-Za-z0-9]*\d)[A-Za-z0-9]{15}(?:[A-Za-z0-9]{3})?)\/?$/;

// Record page root; a console app keeps one per open tab; shape checked against public Selenium XPaths of Lightning record pages (one-record-home-flexipage2/…/force-highlights2) on 2026-12-04
const RECORD_HOME = 'one-record-home-flexipage2';

// Record name in the highlights panel: the element slotted as "primaryField" (lightning-formatted-name on contacts); shape checked against public Playwright tests of Lightning record pages (slot[name="primaryField"]) on 2026-12-04
const PRIMARY_FIELD = '[slot="primaryField"]';

// Highlights panel title when no slotted primary field is found; shape checked against public Lightning record-name selectors (records-highlights2 h1) on 2026-12-04
const HIGHLIGHTS_TITLE = 'records-highlights2 h1, .slds-page-header__title';

// One field of the record detail layout; the field-label attribute is its label; shape checked against public Lightning test code (records-record-layout-item[field-label="…"] .test-id__field-value) on 2026-12-04
const LAYOUT_ITEM = 'records-record-layout-item[field-label]';

// Value part of a layout field; shape checked against public Lightning test code (records-record-layout-item[field-label="…"] .test-id__field-value) on 2026-12-04
const LAYOUT_VALUE = '.test-id__field-value, lightning-formatted-name, lightning-formatted-text';

// Phone output base component; it renders the number as a tel: link; shape checked against the lightning-formatted-phone documentation of the Lightning component reference on 2026-12-04
const FORMATTED_PHONE = 'lightning-formatted-phone';

// Click-to-dial base component shown instead of formatted phones when a CTI softphone is on; shape checked against the lightning-click-to-dial documentation of the Lightning component reference on 2026-12-04
const CLICK_TO_DIAL = 'lightning-click-to-dial';

// Email output base component (renders a mailto: link); shape checked against the base component list of the Lightning component reference (lightning-formatted-email) on 2026-12-04
const FORMATTED_EMAIL = 'lightning-formatted-email';

// Data table base component; related lists show other records' phones in it; shape checked against the lightning-datatable documentation of the Lightning component reference on 2026-12-04
const RELATED_ROWS = 'lightning-datatable';

// Label of the compound name field on Contact and Lead layouts; shape checked against the lightning:recordViewForm examples of the Lightning component reference (outputField fieldName="Name") on 2026-12-04
const NAME_FIELD_LABEL = 'name';

function recordIdFromUrl(url: URL): string | null {
  return (
    LIGHTNING_RECORD_PATH.exec(url.pathname)?.[1] ??
    CLASSIC_RECORD_PATH.exec(url.pathname)?.[1] ??
    null
  );
}

function readName(root: ParentNode): string | null {
  const primary =
    queryShownDeep(root, PRIMARY_FIELD, RELATED_ROWS) ??
    queryShownDeep(root, HIGHLIGHTS_TITLE, RELATED_ROWS);
  const fromHighlights = primary ? deepText(primary) : '';
  if (fromHighlights) return fromHighlights;

  for (const item of queryAllDeep(root, LAYOUT_ITEM)) {
    const label = (item.getAttribute('field-label') ?? '').trim().toLowerCase();
    if (label !== NAME_FIELD_LABEL) continue;

    const value = queryAllDeep(item, LAYOUT_VALUE)[0];
    const text = value ? deepText(value) : '';
    if (text) return text;
  }
  return null;
}

/** Salesforce Lightning record pages, in standard and console apps. */
export const salesforceAdapter: SiteAdapter = {
  id: 'salesforce',
  name: 'Salesforce',
  matches: (url) => SALESFORCE_HOST.test(url.hostname),
  readRecord(doc: Document, url: URL = new URL(doc.URL)): RecordSnapshot | null {
    // Background console tabs are not rendered, so the deep queries skip them
    // whether Salesforce hides them with an attribute or with a CSS class.
    const root = queryShownDeep(doc, RECORD_HOME) ?? doc;

    return composeRecord(
      doc,
      url,
      'salesforce',
      {
        name: readName(root),
        recordId: recordIdFromUrl(url),
        phones: phonesFromElements(
          queryAllDeep(root, `${FORMATTED_PHONE}, ${CLICK_TO_DIAL}`, RELATED_ROWS),
        ),
        emails: emailsFromElements(queryAllDeep(root, FORMATTED_EMAIL, RELATED_ROWS)),
      },
      { root, skip: RELATED_ROWS },
    );
  },
  dialHints: { callControlSelectors: [CLICK_TO_DIAL] },
};
