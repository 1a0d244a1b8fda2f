import { aircallAdapter } from './aircall.ts';
import { amazonConnectAdapter } from './amazon-connect.ts';
import { dynamicsAdapter } from './dynamics.ts';
import { five9Adapter } from './five9.ts';
import { genericAdapter } from './generic.ts';
import { genesysAdapter } from './genesys.ts';
import { hubspotAdapter } from './hubspot.ts';
import { pipedriveAdapter } from './pipedrive.ts';
import { salesforceAdapter } from './salesforce.ts';
import { twilioFlexAdapter } from './twilio-flex.ts';
import type { RecordSnapshot, SiteAdapter } from './types.ts';
import { zohoAdapter } from './zoho.ts';

/** Product adapters, tried in order; the generic adapter covers every other page. */
export const ADAPTERS: readonly SiteAdapter[] = [
  salesforceAdapter,
  hubspotAdapter,
  zohoAdapter,
  dynamicsAdapter,
  pipedriveAdapter,
  twilioFlexAdapter,
  aircallAdapter,
  five9Adapter,
  genesysAdapter,
  amazonConnectAdapter,
];

/** Returns the first adapter that claims `url`, or the generic adapter. */
export function adapterFor(url: URL): SiteAdapter {
  return ADAPTERS.find((adapter) => adapter.matches(url)) ?? genericAdapter;
}

/**
 * Reads the record on the page at `url` with its adapter. If the product
 * adapter throws (its page changed shape in a way the selectors did not
 * expect), the generic adapter reads the page instead, because a capture
 * form prefilled from generic reading beats no form.
 */
export function readRecordOnPage(
  doc: Document,
  url: URL,
  focus: Node | null = null,
): RecordSnapshot | null {
  const adapter = adapterFor(url);
  try {
    return adapter.readRecord(doc, url, focus);
  } catch (error) {
    if (adapter === genericAdapter) throw error;
    return genericAdapter.readRecord(doc, url, focus);
  }
}
