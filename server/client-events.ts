import type { ClientEvent, PostEventsResponse } from '../lib/api/schemas.ts';
import type { AuditLog } from './audit.ts';
import type { Db } from './db.ts';

/** Events recorded by extensions, deduplicated by their client-made id. */
export class ClientEventStore {
  private readonly insert;

  constructor(
    private readonly db: Db,
    private readonly audit: AuditLog,
  ) {
    this.insert = db.prepare(
      `INSERT INTO client_events (id, type, at, received_at, actor) VALUES (?, ?, ?, ?, ?)
       ON CONFLICT (id) DO NOTHING`,
    );
  }

  /** Stores new events and appends each to the audit log; repeated ids are counted, not stored. */
  record(events: readonly ClientEvent[], actor: string): PostEventsResponse {
    return this.db
      .transaction(() => {
        const receivedAt = new Date().toISOString();
        let accepted = 0;
        for (const event of events) {
          const result = this.insert.run(event.id, event.type, event.at, receivedAt, actor);
          if (result.changes === 0) continue;

          accepted += 1;
          this.audit.append({
            actor,
            type: `client.${event.type}`,
            at: receivedAt,
            payload: {
              eventId: event.id,
              occurredAt: event.at,
              origin: event.origin,
              ...(event.e164 ? { e164: event.e164 } : {}),
              ...(event.details ? { details: event.details } : {}),
            },
          });
        }
        return { accepted, duplicates: events.length - accepted };
      })
      .immediate();
  }
}
