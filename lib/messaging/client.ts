import { browser } from 'wxt/browser';
import {
  backgroundMessages,
  replySchema,
  type BackgroundMessageType,
  type RequestOf,
  type ResponseOf,
} from './protocol';

/** Sends a typed message to the background worker and validates its reply. */
export async function sendToBackground<T extends BackgroundMessageType>(
  type: T,
  payload: RequestOf<T>,
): Promise<ResponseOf<T>> {
  const raw: unknown = await browser.runtime.sendMessage({ type, payload });
  const reply = replySchema.parse(raw);
  if (!reply.ok) throw new Error(reply.error);

  return backgroundMessages[type].response.parse(reply.data) as ResponseOf<T>;
}
