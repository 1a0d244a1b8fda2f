import { browser } from 'wxt/browser';
import {
  backgroundMessages,
  replySchema,
  type BackgroundMessageType,
  type RequestOf,
  type ResponseOf,
} from './protocol';
import { SyncError } from '../sync/errors';

/**
 * Sends a typed message to the background worker and validates its reply.
 * A failed exchange with the API rejects with a SyncError, anything else
 * with an Error.
 */
export async function sendToBackground<T extends BackgroundMessageType>(
  type: T,
  payload: RequestOf<T>,
): Promise<ResponseOf<T>> {
  const raw: unknown = await browser.runtime.sendMessage({ type, payload });
  const reply = replySchema.parse(raw);
  if (!reply.ok) {
    throw reply.problem
      ? SyncError.fromProblem(reply.problem, reply.error)
      : new Error(reply.error);
  }

  return backgroundMessages[type].response.parse(reply.data) as ResponseOf<T>;
}
