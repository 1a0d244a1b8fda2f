import type { AddressInfo } from 'node:net';
import { serve, type ServerType } from '@hono/node-server';
import pino, { type Logger } from 'pino';
import { createApp } from './app.ts';
import { openDatabase, type Db } from './db.ts';
import { createStores, type Stores } from './stores.ts';
import { DEFAULT_RATE_LIMIT, RateLimiter, type RateLimitOptions } from './tokens.ts';

export interface ServerOptions {
  /** Folder holding dnc-guard.sqlite; created when missing. */
  dbPath: string;
  /** Per-token limit; false switches it off (benchmarks only). Default 20 req/s, burst 100. */
  rateLimit?: RateLimitOptions | false;
  /** Defaults to pino at info level on stdout. */
  logger?: Logger;
  /** Default 127.0.0.1. */
  host?: string;
  /** Default 0: a random free port. */
  port?: number;
}

export interface RunningServer {
  url: string;
  port: number;
  /** The open database and stores, for tests and the demo. */
  stores: Stores;
  /** Stops accepting connections, waits for open requests, closes the database. */
  close: () => Promise<void>;
}

/** Opens the database and builds the app without listening; used by `startServer`. */
export function createServer(options: Pick<ServerOptions, 'dbPath' | 'rateLimit' | 'logger'>) {
  const logger = options.logger ?? pino({ level: 'info' });
  const db: Db = openDatabase(options.dbPath);
  const stores = createStores(db);
  const rateLimiter =
    options.rateLimit === false ? null : new RateLimiter(options.rateLimit ?? DEFAULT_RATE_LIMIT);
  const app = createApp({ stores, logger, rateLimiter });
  return { app, stores, logger };
}

/** Starts the API on host:port and resolves once it listens. */
export async function startServer(options: ServerOptions): Promise<RunningServer> {
  const { app, stores, logger } = createServer(options);
  const host = options.host ?? '127.0.0.1';

  const server = await new Promise<ServerType>((resolve, reject) => {
    const started = serve({ fetch: app.fetch, hostname: host, port: options.port ?? 0 }, () =>
      resolve(started),
    );
    started.once('error', reject);
  });

  const { port } = server.address() as AddressInfo;
  const url = `http://${host.includes(':') ? `[${host}]` : host}:${port}`;
  logger.info({ url }, 'DNC Guard API listening');

  let closing: Promise<void> | null = null;
  const close = () => {
    closing ??= new Promise<void>((resolve, reject) => {
      server.close((error) => {
        stores.db.close();
        logger.info({ url }, 'DNC Guard API stopped');
        if (error) reject(error);
        else resolve();
      });
      // Keep-alive connections would hold close() open until they time out.
      if ('closeIdleConnections' in server) server.closeIdleConnections();
    });
    return closing;
  };

  return { url, port, stores, close };
}
