/**
 * Reasons and sources that DNC Guard and its server write into list entries
 * that came without them. Entries keep them in English, because the server,
 * its exports and every browser read the same entry. lib/list-text.ts shows
 * them in the UI language.
 */

/**
 * Reason `import-dnc` stores for a row without one when no --reason is given;
 * the English Options page suggests the same text. Such a row is still
 * listed, because leaving it off the list would let agents call the number.
 */
export const DEFAULT_IMPORT_REASON = 'Imported do-not-call list';

/** Source of the numbers the server lists for a deletion case. */
export const DELETION_REQUEST_SOURCE = 'deletion-request';

/** Prefix of the source `import-dnc` gives rows without one, before the file name. */
export const IMPORT_SOURCE_PREFIX = 'import:';

/** Prefix of the source the Options import gives rows without one, before the file name. */
export const CSV_SOURCE_PREFIX = 'csv:';

/** Prefix of the source the API gives numbers added without one, before the token's name. */
export const API_SOURCE_PREFIX = 'api:';
