// The CRM or helpdesk a page belongs to, for pages no product adapter claims:
// a self-hosted install, a custom domain, or a product without an adapter.

/** Separators between the parts of a document title ("Ana García | Contact | Example CRM"). */
const TITLE_SEPARATOR = /\s+[|\-–—·:•»]\s+|\s*[｜]\s*/u;

/** Splits a document title into its trimmed parts, in order. */
export function titleParts(title: string): string[] {
  return title.split(TITLE_SEPARATOR).map((part) => part.trim());
}

interface Product {
  /** The system as the capture form shows it: the adapter id where DNC Guard has an adapter. */
  id: string;
  pattern: RegExp;
}

// Product names as they appear in their own page titles and app names. The
// names that are common words ("Close", "Front") match only a whole title part.
const PRODUCTS: readonly Product[] = [
  { id: 'salesforce', pattern: /\bsalesforce\b/i },
  { id: 'dynamics', pattern: /\b(?:dynamics 365|microsoft dynamics|dynamics crm)\b/i },
  { id: 'hubspot', pattern: /\bhubspot\b/i },
  { id: 'zoho', pattern: /\bzoho\b/i },
  { id: 'pipedrive', pattern: /\bpipedrive\b/i },
  { id: 'twilio-flex', pattern: /\btwilio flex\b/i },
  { id: 'aircall', pattern: /\baircall\b/i },
  { id: 'five9', pattern: /\bfive9\b/i },
  { id: 'genesys', pattern: /\bgenesys\b/i },
  { id: 'amazon-connect', pattern: /\bamazon connect\b/i },
  { id: 'zendesk', pattern: /\bzendesk\b/i },
  { id: 'freshdesk', pattern: /\bfreshdesk\b/i },
  { id: 'freshsales', pattern: /\bfreshsales\b/i },
  { id: 'freshcaller', pattern: /\bfreshcaller\b/i },
  { id: 'servicenow', pattern: /\bservicenow\b/i },
  { id: 'intercom', pattern: /\bintercom\b/i },
  { id: 'helpscout', pattern: /\bhelp ?scout\b/i },
  { id: 'sugarcrm', pattern: /\bsugarcrm\b/i },
  { id: 'odoo', pattern: /\bodoo\b/i },
  { id: 'bitrix24', pattern: /\bbitrix24\b/i },
  { id: 'talkdesk', pattern: /\btalkdesk\b/i },
  { id: 'ringcentral', pattern: /\bringcentral\b/i },
  { id: 'dialpad', pattern: /\bdialpad\b/i },
  { id: 'close', pattern: /^close(?:\.com| crm)?$/i },
  { id: 'front', pattern: /^front(?:app)?$/i },
];

/** Returns the id of the product `text` names, or null. */
export function productIn(text: string): string | null {
  const trimmed = text.trim();
  return PRODUCTS.find((product) => product.pattern.test(trimmed))?.id ?? null;
}

const MAX_DECLARED_NAME_LENGTH = 80;

/**
 * Returns the system of a page no adapter claims: the product that the
 * declared app name (meta application-name, og:site_name) or a title part
 * names, else the declared app name as written, else the host. Title parts
 * are read from the last one on, because titles end with the app.
 */
export function systemOfPage(doc: Document, url: URL): string {
  const declared = [
    doc.querySelector('meta[name="application-name" i]')?.getAttribute('content'),
    doc.querySelector('meta[property="og:site_name" i]')?.getAttribute('content'),
  ]
    .map((value) => value?.replace(/\s+/g, ' ').trim() ?? '')
    .filter((value) => value.length > 0 && value.length <= MAX_DECLARED_NAME_LENGTH);

  for (const name of declared) {
    const product = productIn(name);
    if (product) return product;
  }

  for (const part of titleParts(doc.title).reverse()) {
    const product = productIn(part);
    if (product) return product;
  }

  return declared[0] ?? (url.hostname || 'unknown');
}
