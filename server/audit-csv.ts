import type { AuditEvent } from '../lib/api/schemas.ts';
import { UTF8_BOM } from '../lib/suppression/csv-export.ts';
import { canonicalJson } from './audit.ts';

const COLUMNS = ['seq', 'at', 'actor', 'type', 'caseId', 'payload', 'prevHash', 'hash'] as const;

/** Quotes a CSV field per RFC 4180, and defuses spreadsheet formulas. */
function csvField(value: string): string {
  const safe = /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
  return /[",\r\n]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
}

/**
 * Renders audit events as a CSV file with a header row, the payload as canonical
 * JSON. The file starts with a byte order mark, as the Options export does,
 * so that Excel reads actors' names as UTF-8.
 */
export function auditCsv(events: readonly AuditEvent[]): string {
  const lines = [`${UTF8_BOM}${COLUMNS.join(',')}`];
  for (const event of events) {
    lines.push(
      [
        String(event.seq),
        event.at,
        event.actor,
        event.type,
        event.caseId ?? '',
        canonicalJson(event.payload),
        event.prevHash,
        event.hash,
      ]
        .map(csvField)
        .join(','),
    );
  }
  return lines.join('\r\n') + '\r\n';
}
