import { z } from 'zod';
import { invalidTokenCharacter } from './config.ts';
import { SyncError } from './errors.ts';

export interface ApiRequest<T extends z.ZodType> {
  method: 'GET' | 'POST' | 'PATCH';
  /** Path and query below the API URL, starting with /v1/. */
  path: string;
  /** Short description for messages, e.g. "downloading the DNC list". */
  what: string;
  body?: unknown;
  /** Schema of a successful (2xx) response body. */
  schema: T;
}

export interface ApiResponse<T> {
  status: number;
  body: T;
}

export interface ApiClientOptions {
  fetch: typeof fetch;
  apiUrl: string;
  accessToken: string;
  timeoutMs: number;
}

/**
 * Sends one request to the central API and returns the validated body of a
 * 2xx response. Every other outcome becomes a SyncError: no connection, a
 * timeout, an error status, or a body that is not JSON of the expected shape.
 */
export async function callApi<T extends z.ZodType>(
  options: ApiClientOptions,
  request: ApiRequest<T>,
): Promise<ApiResponse<z.output<T>>> {
  if (invalidTokenCharacter(options.accessToken) !== null) {
    throw new SyncError(
      'invalid_token',
      `${failed(request.what)}: the access token contains a character that a token cannot have, so it was not sent. Copy the token again and enter it in Options.`,
    );
  }

  const headers: Record<string, string> = {
    authorization: `Bearer ${options.accessToken}`,
    accept: 'application/json',
  };
  if (request.body !== undefined) headers['content-type'] = 'application/json';

  // One signal covers both the response headers and the body, so a server
  // that stalls half-way through a page also times out.
  const signal = AbortSignal.timeout(options.timeoutMs);
  let response: Response;
  let text: string;
  try {
    // Called detached, because browsers throw "Illegal invocation" when
    // fetch runs with `this` set to another object, such as `options`.
    const fetchFunction = options.fetch;
    response = await fetchFunction(`${options.apiUrl}${request.path}`, {
      method: request.method,
      headers,
      body: request.body === undefined ? undefined : JSON.stringify(request.body),
      signal,
    });
    text = await response.text();
  } catch (error) {
    throw transportError(error, request.what, options);
  }

  if (response.status < 200 || response.status > 299) {
    throw statusError(response, text, request.what);
  }

  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    throw new SyncError(
      'invalid_response',
      `${failed(request.what)}: the answer is not valid JSON (HTTP ${response.status}). Check that the API URL points at a DNC Guard server.`,
      { status: response.status, detail: 'the response is not valid JSON' },
    );
  }

  const parsed = request.schema.safeParse(json);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    const where = issue ? `${issue.path.join('.') || 'body'}: ${issue.message}` : 'unknown field';
    throw new SyncError(
      'invalid_response',
      `${failed(request.what)}: the answer has an unexpected shape (${where}). The server may run another API version; ask your administrator.`,
      { status: response.status, detail: `unexpected response shape (${where})` },
    );
  }
  return { status: response.status, body: parsed.data };
}

/** "sending events" → "Sending events failed". */
export function failed(what: string): string {
  return `${what.charAt(0).toUpperCase()}${what.slice(1)} failed`;
}

function formatSeconds(ms: number): string {
  return ms >= 1000 ? `${Math.round(ms / 1000)} s` : `${ms} ms`;
}

function isTimeout(error: unknown): boolean {
  return error instanceof Error && (error.name === 'TimeoutError' || error.name === 'AbortError');
}

function transportError(error: unknown, what: string, options: ApiClientOptions): SyncError {
  if (isTimeout(error)) {
    return new SyncError(
      'timeout',
      `${failed(what)}: the API did not answer within ${formatSeconds(options.timeoutMs)}. The server or network may be slow; the extension retries on its own.`,
    );
  }
  // fetch rejects with a TypeError for refused connections, DNS failures and
  // dropped connections alike, in browsers and in Node.
  const host = new URL(options.apiUrl).host;
  return new SyncError(
    'offline',
    `${failed(what)}: could not reach the API at ${host}. Check the network connection and the API URL; the extension retries on its own.`,
    { host },
  );
}

/**
 * The code and message of an ApiError body. The code is any string, because
 * a newer server may send a code this version does not know, and its message
 * is still worth showing.
 */
const ServerError = z.object({ error: z.object({ code: z.string(), message: z.string() }) });

/** Reads the server's problem code and message from an error body, if it sent one. */
function serverError(text: string): { apiCode: string; detail: string } | null {
  try {
    const parsed = ServerError.safeParse(JSON.parse(text));
    return parsed.success
      ? { apiCode: parsed.data.error.code, detail: parsed.data.error.message }
      : null;
  } catch {
    return null;
  }
}

function retryAfterSeconds(response: Response): number | undefined {
  const header = response.headers.get('retry-after');
  if (header === null) return undefined;
  const seconds = Number(header);
  if (Number.isFinite(seconds) && seconds >= 0) return seconds;
  const date = Date.parse(header);
  return Number.isNaN(date) ? undefined : Math.max(0, (date - Date.now()) / 1000);
}

function statusError(response: Response, text: string, what: string): SyncError {
  const status = response.status;
  const server = serverError(text);
  const serverDetail = server ? ` The server's message: ${server.detail}.` : '';
  const facts = { status, ...server };

  if (status === 401) {
    return new SyncError(
      'unauthorized',
      `${failed(what)}: the API rejected the access token (HTTP 401). Enter a valid token in Options.${serverDetail}`,
      facts,
    );
  }
  if (status === 403) {
    return new SyncError(
      'forbidden',
      `${failed(what)}: the access token is not allowed to do this (HTTP 403). Ask an administrator for a token with the right role.${serverDetail}`,
      facts,
    );
  }
  if (status === 408) {
    return new SyncError(
      'timeout',
      `${failed(what)}: the API timed out (HTTP 408). The extension retries on its own.`,
      facts,
    );
  }
  if (status === 429) {
    return new SyncError(
      'rate_limited',
      `${failed(what)}: the API is limiting requests from this token (HTTP 429). The extension waits and retries on its own.`,
      { ...facts, retryAfterSeconds: retryAfterSeconds(response) },
    );
  }
  if (status >= 500) {
    return new SyncError(
      'server_error',
      `${failed(what)}: the API had an internal error (HTTP ${status}). The extension retries on its own; if this persists, tell your administrator.${serverDetail}`,
      { ...facts, retryAfterSeconds: retryAfterSeconds(response) },
    );
  }
  return new SyncError(
    'rejected',
    `${failed(what)}: the API rejected the request (HTTP ${status}).${serverDetail}`,
    facts,
  );
}
