import { z } from 'zod';

/**
 * Size limits of a record snapshot. The snapshot crosses from the content
 * script to the extension, so every field is bounded: a hostile or broken
 * page must not be able to send megabytes through the message channel.
 */
export const SNAPSHOT_LIMITS = {
  /** Hostnames are at most 253 characters (RFC 1035). */
  system: 253,
  recordId: 256,
  url: 2048,
  name: 200,
  title: 512,
  phones: 20,
  phone: 64,
  emails: 20,
  /** The maximum length of a forward or reverse path (RFC 5321, section 4.5.3.1.3). */
  email: 254,
} as const;

/**
 * The record on screen, as read from the page. It becomes the prefilled
 * capture form, so it is plain data only: strings copied from text and
 * values, never markup.
 */
export const recordSnapshotSchema = z
  .object({
    /** The CRM or dialer: an adapter id ("salesforce"), else a product the page names, else the hostname. */
    system: z.string().min(1).max(SNAPSHOT_LIMITS.system),
    /** The record's id in that system, when the URL or the page shows one. */
    recordId: z.string().min(1).max(SNAPSHOT_LIMITS.recordId).nullable(),
    url: z.url().max(SNAPSHOT_LIMITS.url),
    /** The person's name as the page shows it. */
    name: z.string().min(1).max(SNAPSHOT_LIMITS.name).nullable(),
    /** Phone numbers as written on the page (raw, not normalised), without extensions. */
    phones: z.array(z.string().min(1).max(SNAPSHOT_LIMITS.phone)).max(SNAPSHOT_LIMITS.phones),
    emails: z.array(z.string().min(3).max(SNAPSHOT_LIMITS.email)).max(SNAPSHOT_LIMITS.emails),
    /** Count of numbers the record showed beyond the limit of `phones`, which the form reports as not read. */
    phonesCut: z.number().int().min(0).default(0),
    /** Numbers of other people the record lists, left out of `phones` so the form can name them. */
    leftOutPhones: z
      .array(z.string().min(1).max(SNAPSHOT_LIMITS.phone))
      .max(SNAPSHOT_LIMITS.phones),
    /**
     * Names of the people a record lists when none of them was chosen (the
     * agent pointed at no card), so the form can ask which one asked.
     */
    people: z
      .array(z.string().min(1).max(SNAPSHOT_LIMITS.name))
      .max(SNAPSHOT_LIMITS.phones)
      .default([]),
    /** The document title. */
    title: z.string().max(SNAPSHOT_LIMITS.title),
  })
  .strict();

export type RecordSnapshot = z.infer<typeof recordSnapshotSchema>;

/** Elements the dial guard cannot infer on its own. */
export interface DialHints {
  /** Buttons or components that start a call from the number next to them. */
  callControlSelectors?: string[];
  /** Boxes where the agent types the number before pressing Call. */
  numberBoxSelectors?: string[];
}

/**
 * Site knowledge for one CRM or dialer product. Adapters read only text and
 * values from the page (never innerHTML) and fall back to the generic reader
 * for any field their product-specific selectors do not find.
 */
export interface SiteAdapter {
  id: string;
  name: string;
  /** Tells whether this adapter claims the page at `url` (by hostname, sometimes path). */
  matches(url: URL): boolean;
  /**
   * Reads the record on screen, or returns null when the page shows no
   * record fields at all. `url` defaults to the document's own URL; callers
   * pass it when the document was loaded from elsewhere (tests, frames).
   * `focus` is the node the agent last clicked or selected, which picks one
   * person when the record lists several.
   */
  readRecord(doc: Document, url?: URL, focus?: Node | null): RecordSnapshot | null;
  /** Optional dial hints for the dial guard. */
  dialHints?: DialHints;
}
