import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { spawnSync } from 'node:child_process';
import pino from 'pino';
import type { Role } from '../../lib/api/schemas.ts';
import { startServer, type RunningServer } from '../../server/index.ts';
import type { RateLimitOptions } from '../../server/tokens.ts';
import { createToken } from '../../server/tokens.ts';

export interface TestServer {
  server: RunningServer;
  dir: string;
  tokens: Record<Role, string>;
  api: (path: string, init?: ApiInit) => Promise<ApiResponse>;
  stop: () => Promise<void>;
}

export interface ApiInit {
  method?: string;
  token?: Role | string | null;
  body?: unknown;
  /** Sent as is, without JSON encoding. */
  rawBody?: string;
  headers?: Record<string, string>;
}

export interface ApiResponse {
  status: number;
  headers: Headers;
  text: string;
  /** Parsed JSON, or undefined when the body is not JSON; tests parse it with the shared schemas. */
  json: unknown;
}

export function makeTempDir(): string {
  return mkdtempSync(join(tmpdir(), 'dncg-test-'));
}

/** Starts a real server on 127.0.0.1 with a fresh database and one token per role. */
export async function startTestServer(
  options: { rateLimit?: RateLimitOptions | false } = {},
): Promise<TestServer> {
  const dir = makeTempDir();
  const server = await startServer({
    dbPath: dir,
    port: 0,
    logger: pino({ level: 'silent' }),
    rateLimit: options.rateLimit ?? false,
  });
  const tokens = {
    agent: createToken(server.stores.db, 'agent', 'agent-ann').token,
    lead: createToken(server.stores.db, 'lead', 'lead-lou').token,
    admin: createToken(server.stores.db, 'admin', 'admin-ali').token,
  };

  const api = async (path: string, init: ApiInit = {}): Promise<ApiResponse> => {
    const headers: Record<string, string> = { ...init.headers };
    const tokenValue =
      init.token === null
        ? null
        : init.token && init.token in tokens
          ? tokens[init.token as Role]
          : (init.token ?? tokens.agent);
    if (tokenValue) headers.authorization = `Bearer ${tokenValue}`;

    let body: string | undefined = init.rawBody;
    if (init.body !== undefined) {
      body = JSON.stringify(init.body);
      headers['content-type'] = 'application/json';
    }
    const response = await fetch(server.url + path, {
      method: init.method ?? 'GET',
      headers,
      body,
    });
    const text = await response.text();
    let json: unknown = undefined;
    try {
      json = JSON.parse(text);
    } catch {
      json = undefined;
    }
    return { status: response.status, headers: response.headers, text, json };
  };

  return {
    server,
    dir,
    tokens,
    api,
    stop: async () => {
      await server.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

/** Runs the server CLI the way `npm run server --` does and returns its output. */
export function runCli(args: string[]): { status: number | null; stdout: string; stderr: string } {
  const result = spawnSync(
    join(process.cwd(), 'node_modules/.bin/tsx'),
    ['server/cli.ts', ...args],
    {
      cwd: process.cwd(),
      encoding: 'utf8',
      timeout: 60_000,
    },
  );
  return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}

export function newCaseBody(overrides: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    id: crypto.randomUUID(),
    receivedAt: '2025-03-01T09:30:00Z',
    channel: 'phone_call',
    scope: 'phone_only',
    jurisdiction: 'eu_gdpr',
    subject: {
      name: 'Dana Example',
      phones: ['+447911123456'],
      emails: ['dana@example.com'],
      crm: {
        system: 'hubspot',
        recordId: 'contact-42',
        url: 'https://app.hubspot.com/contacts/1/42',
      },
    },
    notes: 'Asked on the call to stop calling.',
    ...overrides,
  };
}
