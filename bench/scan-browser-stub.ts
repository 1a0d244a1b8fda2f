/**
 * Stand-in for `wxt/browser` in the page bundle of bench/scan.bench.ts.
 * `i18n.getMessage` returns the English messages. `runtime.sendMessage` is
 * the background worker: it replies to "numbers.check" from a Map filled in
 * advance, through a MessageChannel round trip, so the page pays for the
 * message (structured clone both ways, one task for the reply) but not for
 * the libphonenumber-js work, which the real worker does in its own process.
 */
import { englishMessage } from '../test/setup/english-messages';
import type { ListInfo, NumberResult } from '../lib/messaging/protocol';

type Reply = { ok: true; data: unknown } | { ok: false; error: string };

interface Request {
  id: number;
  message: unknown;
}

/** The fake worker's state; the page harness fills `results` and times replies through `deliver`. */
export const backgroundStandIn = {
  results: new Map<string, NumberResult>(),
  list: null as ListInfo | null,
  /** Raw numbers requested that `results` does not contain; the discovery pass collects them. */
  missing: new Set<string>(),
  /** Messages sent and not yet replied to. */
  outstanding: 0,
  /** Runs when a reply reaches the page; the harness replaces it to time the reply task. */
  deliver(settle: () => void): void {
    settle();
  },
};

function reply(message: unknown): Reply {
  const { type, payload } = message as { type: string; payload: { numbers?: string[] } };
  if (type === 'frame.suppressedCount') return { ok: true, data: { ok: true } };
  if (type !== 'numbers.check' || !payload.numbers || !backgroundStandIn.list)
    return { ok: false, error: `The scan benchmark's stand-in worker does not handle "${type}".` };

  const results = payload.numbers.map((raw): NumberResult => {
    const known = backgroundStandIn.results.get(raw);
    if (known) return known;
    backgroundStandIn.missing.add(raw);
    return { raw, e164: null, status: 'invalid' };
  });
  return { ok: true, data: { results, list: backgroundStandIn.list } };
}

const channel = new MessageChannel();
const waiting = new Map<number, (reply: Reply) => void>();
let nextId = 0;

channel.port2.onmessage = (event: MessageEvent<Request>) => {
  channel.port2.postMessage({ id: event.data.id, reply: reply(event.data.message) });
};

channel.port1.onmessage = (event: MessageEvent<{ id: number; reply: Reply }>) => {
  const { id, reply } = event.data;
  const resolve = waiting.get(id);
  waiting.delete(id);
  backgroundStandIn.deliver(() => {
    backgroundStandIn.outstanding--;
    resolve?.(reply);
  });
};

export const browser = {
  i18n: { getMessage: englishMessage, getUILanguage: () => 'en' },
  runtime: {
    sendMessage(message: unknown): Promise<Reply> {
      const id = nextId++;
      backgroundStandIn.outstanding++;
      return new Promise((resolve) => {
        waiting.set(id, resolve);
        channel.port1.postMessage({ id, message } satisfies Request);
      });
    },
  },
};
