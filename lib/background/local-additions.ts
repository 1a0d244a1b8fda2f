import type { CountryCode } from '../phone/normalize';
import { validateCandidate } from '../phone/validate';
import type { NumberResult } from '../messaging/protocol';
import type { ListService } from './list-service';
import { addEventToOutbox, addToOutbox, listOutbox } from './outbox';

/**
 * Suppresses a number on this device at once ("pending") and queues it for
 * the server. The outbox item is written before the status changes, so a
 * number shown as pending is always one that will reach the server.
 */
export async function addLocalSuppression(
  list: ListService,
  phone: string,
  reason: string,
  country: CountryCode,
  origin: string,
  now = Date.now(),
): Promise<NumberResult> {
  const e164 = validateCandidate(phone, country);
  if (!e164)
    throw new Error(
      `"${phone}" is not a valid phone number for ${country}; write it with its country code.`,
    );

  const current = await list.lookup(e164);
  if (current.status === 'suppressed' || current.status === 'pending') return current;

  await addToOutbox({
    kind: 'suppression',
    id: crypto.randomUUID(),
    createdAt: now,
    attempts: 0,
    nextAttemptAt: 0,
    e164,
    reason,
  });
  await addEventToOutbox(
    {
      type: 'dnc_added_locally',
      at: new Date(now).toISOString(),
      origin,
      e164,
      details: { reason },
    },
    now,
  );
  list.setPending(e164, { reason, addedAt: now });
  return list.lookup(e164);
}

/** Marks numbers still waiting in the outbox as pending again after the worker restarts. */
export async function restorePending(list: ListService): Promise<void> {
  for (const item of await listOutbox()) {
    if (item.kind === 'suppression')
      list.setPending(item.e164, { reason: item.reason, addedAt: item.createdAt });
  }
}
