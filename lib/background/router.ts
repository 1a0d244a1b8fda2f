import type { Browser } from 'wxt/browser';
import {
  backgroundMessages,
  envelopeSchema,
  type BackgroundMessageType,
  type Reply,
  type RequestOf,
  type ResponseOf,
} from '../messaging/protocol';
import { SyncError } from '../sync/errors';

export type MessageSender = Browser.runtime.MessageSender;

export type MessageHandlers = {
  [T in BackgroundMessageType]: (
    payload: RequestOf<T>,
    sender: MessageSender,
  ) => Promise<ResponseOf<T>>;
};

/**
 * Builds the runtime.onMessage listener: checks who sent the message, parses
 * the payload with the message's zod schema, and runs its handler. Messages
 * from other extensions are ignored; a content script may not send messages
 * meant for the extension's own pages.
 */
export function createMessageRouter(
  handlers: MessageHandlers,
  extensionId: string,
  extensionOrigin: string,
  onError: (type: string, error: unknown) => void,
) {
  return (message: unknown, sender: MessageSender): Promise<Reply> | undefined => {
    if (sender.id !== extensionId) return undefined;

    const envelope = envelopeSchema.safeParse(message);
    if (!envelope.success)
      return Promise.resolve({ ok: false, error: 'Invalid message: expected { type, payload }.' });

    const { type } = envelope.data;
    if (!Object.hasOwn(backgroundMessages, type)) {
      return Promise.resolve({ ok: false, error: `Unknown message type "${type}".` });
    }
    const messageType = type as BackgroundMessageType;
    const definition = backgroundMessages[messageType];

    const fromExtensionPage = (sender.url ?? '').startsWith(extensionOrigin);
    if (definition.from === 'extension' && !fromExtensionPage) {
      return Promise.resolve({
        ok: false,
        error: `Message "${type}" is only accepted from the extension's pages.`,
      });
    }

    const payload = definition.request.safeParse(envelope.data.payload);
    if (!payload.success) {
      const issue = payload.error.issues[0];
      const where = issue?.path.join('.') || 'payload';
      return Promise.resolve({
        ok: false,
        error: `Invalid "${type}" message: ${where}: ${issue?.message ?? 'invalid'}`,
      });
    }

    const handler = handlers[messageType] as (
      payload: unknown,
      sender: MessageSender,
    ) => Promise<unknown>;
    return handler(payload.data, sender).then(
      (data): Reply => ({ ok: true, data }),
      (error: unknown): Reply => {
        onError(type, error);
        if (error instanceof SyncError) {
          return { ok: false, error: error.message, problem: error.problem() };
        }
        return { ok: false, error: error instanceof Error ? error.message : String(error) };
      },
    );
  };
}
