import { randomUUID } from 'node:crypto';
import { Hono, type Context } from 'hono';
import { bodyLimit } from 'hono/body-limit';
import type { Logger } from 'pino';
import type { z } from 'zod';
import {
  AddSuppressionsRequest,
  API_LIMITS,
  AuditQuery,
  CheckRequest,
  CreateCaseRequest,
  E164,
  FeedQuery,
  ListCasesQuery,
  PatchCaseRequest,
  PostEventsRequest,
  RemoveSuppressionRequest,
  type AddSuppressionsResponse,
  type Case,
  type CaseList,
  type CheckResponse,
  type FeedPage,
  type Health,
  type Me,
  type RemoveSuppressionResponse,
  type Role,
} from '../lib/api/schemas.ts';
import { normalizePhone, type CountryCode } from '../lib/phone/normalize.ts';
import { API_SOURCE_PREFIX } from '../lib/suppression/entry-words.ts';
import { auditCsv } from './audit-csv.ts';
import { toApiCase, toTimelineEntry } from './case-view.ts';
import { HttpError, zodFields } from './errors.ts';
import { maskPathForLog } from './mask.ts';
import { buildOpenApiDocument } from './openapi.ts';
import type { Stores } from './stores.ts';
import { RateLimiter, type TokenInfo } from './tokens.ts';
import { decodeCursor, encodeCursor, type SuppressionInput } from './suppressions.ts';
import type { Actor } from './workflow.ts';

type Env = { Variables: { token: TokenInfo; requestId: string } };

export interface AppOptions {
  stores: Stores;
  logger: Logger;
  /** null switches rate limiting off (benchmarks). */
  rateLimiter: RateLimiter | null;
}

const LEAD_ROLES: readonly Role[] = ['lead', 'admin'];

async function readBody<T extends z.ZodType>(c: Context, schema: T): Promise<z.output<T>> {
  const text = await c.req.text();
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    throw new HttpError(400, 'invalid_json', 'request body is not valid JSON');
  }

  const parsed = schema.safeParse(json);
  if (!parsed.success) {
    throw new HttpError(400, 'invalid_body', 'request body does not match the schema', {
      fields: zodFields(parsed.error),
    });
  }
  return parsed.data;
}

function readQuery<T extends z.ZodType>(c: Context, schema: T): z.output<T> {
  const parsed = schema.safeParse(c.req.query());
  if (!parsed.success) {
    throw new HttpError(400, 'invalid_query', 'query parameters are invalid', {
      fields: zodFields(parsed.error),
    });
  }
  return parsed.data;
}

function readCursor(cursor: string | undefined): number {
  const seq = decodeCursor(cursor);
  if (seq === null) {
    throw new HttpError(
      400,
      'invalid_query',
      'cursor is invalid; pass a nextCursor value from an earlier response',
      {
        fields: [{ path: 'cursor', message: 'unrecognised cursor' }],
      },
    );
  }
  return seq;
}

function actorOf(c: Context<Env>): Actor {
  const token = c.get('token');
  return { name: token.name, role: token.role };
}

function requireRole(c: Context<Env>, roles: readonly Role[]): TokenInfo {
  const token = c.get('token');
  if (!roles.includes(token.role)) {
    throw new HttpError(
      403,
      'forbidden',
      `role ${token.role} may not do this; it needs one of: ${roles.join(', ')}`,
    );
  }
  return token;
}

/** Builds the v1 API as a Hono app; `createServer` puts it behind a Node HTTP server. */
export function createApp({ stores, logger, rateLimiter }: AppOptions): Hono<Env> {
  const app = new Hono<Env>();
  const openApiDocument = buildOpenApiDocument();

  app.use('*', async (c, next) => {
    const started = performance.now();
    const incoming = c.req.header('x-request-id');
    const requestId = incoming && /^[\w.-]{1,64}$/.test(incoming) ? incoming : randomUUID();
    c.set('requestId', requestId);
    c.header('X-Request-Id', requestId);

    await next();

    logger.info(
      {
        requestId,
        method: c.req.method,
        path: maskPathForLog(c.req.path),
        status: c.res.status,
        ms: Math.round((performance.now() - started) * 10) / 10,
        tokenName: c.get('token')?.name,
      },
      'request',
    );
  });

  app.use(
    '*',
    bodyLimit({
      maxSize: API_LIMITS.maxBodyBytes,
      onError: () => {
        throw new HttpError(
          413,
          'payload_too_large',
          `request body exceeds ${API_LIMITS.maxBodyBytes} bytes; send fewer entries per request`,
        );
      },
    }),
  );

  app.get('/v1/health', (c) =>
    c.json({ status: 'ok', version: 'v1', time: new Date().toISOString() } satisfies Health),
  );
  app.get('/v1/openapi.json', (c) => c.json(openApiDocument));

  app.use('/v1/*', async (c, next) => {
    const header = c.req.header('authorization') ?? '';
    const match = /^Bearer\s+(\S+)$/i.exec(header);
    const token = match?.[1] ? stores.tokens.authenticate(match[1]) : null;
    if (!token) {
      c.header('WWW-Authenticate', 'Bearer');
      throw new HttpError(
        401,
        'unauthorized',
        match
          ? 'bearer token is invalid or revoked'
          : 'missing bearer token; send Authorization: Bearer <token>',
      );
    }
    c.set('token', token);

    const waitSeconds = rateLimiter?.take(token.id) ?? 0;
    if (waitSeconds > 0) {
      c.header('Retry-After', String(Math.max(1, Math.ceil(waitSeconds))));
      throw new HttpError(
        429,
        'rate_limited',
        'too many requests for this token; retry after the Retry-After seconds',
      );
    }
    await next();
  });

  app.get('/v1/me', (c) => {
    const { name, role } = c.get('token');
    return c.json({ name, role } satisfies Me);
  });

  app.get('/v1/suppressions', (c) => {
    const query = readQuery(c, FeedQuery);
    const afterSeq = readCursor(query.since);
    const { changes, hasMore } = stores.suppressions.feed(afterSeq, query.limit);
    const lastSeq = changes.at(-1)?.seq ?? afterSeq;
    return c.json({ changes, nextCursor: encodeCursor(lastSeq), hasMore } satisfies FeedPage);
  });

  app.post('/v1/suppressions', async (c) => {
    const token = c.get('token');
    const body = await readBody(c, AddSuppressionsRequest);

    const rejected: AddSuppressionsResponse['rejected'] = [];
    const accepted: SuppressionInput[] = [];
    body.entries.forEach((entry, index) => {
      const country = (entry.country ?? body.defaultCountry) as CountryCode | undefined;
      const normalized = normalizePhone(entry.phone, country);
      if (!normalized) {
        rejected.push({
          index,
          phone: entry.phone,
          error:
            'not a valid phone number' +
            (country ? ` for ${country}` : '; add a country code or defaultCountry'),
        });
        return;
      }
      accepted.push({
        e164: normalized.e164,
        reason: entry.reason,
        source: entry.source ?? `${API_SOURCE_PREFIX}${token.name}`,
      });
    });

    let result = { added: 0, alreadyPresent: 0 };
    if (accepted.length > 0) {
      result = stores.db
        .transaction(() =>
          stores.suppressions.addMany(accepted, token.name, {
            origin: 'api',
            rejected: rejected.length,
          }),
        )
        .immediate();
    }
    return c.json({
      added: result.added,
      alreadyPresent: result.alreadyPresent,
      rejected,
    } satisfies AddSuppressionsResponse);
  });

  app.post('/v1/suppressions/check', async (c) => {
    const body = await readBody(c, CheckRequest);
    const results: CheckResponse['results'] = body.phones.map((phone) => {
      const normalized = normalizePhone(phone, body.defaultCountry as CountryCode | undefined);
      if (!normalized) return { phone, e164: null, status: 'invalid' };
      return { phone, ...stores.suppressions.lookup(normalized.e164) };
    });
    return c.json({ results } satisfies CheckResponse);
  });

  app.delete('/v1/suppressions/:e164', async (c) => {
    const token = requireRole(c, LEAD_ROLES);
    const e164 = E164.safeParse(c.req.param('e164'));
    if (!e164.success) {
      throw new HttpError(
        400,
        'invalid_path',
        'path must end in an E.164 number such as /v1/suppressions/+447700900123',
      );
    }
    const body = await readBody(c, RemoveSuppressionRequest);

    const removed = stores.db
      .transaction(() => {
        // A customer asked for this number to stay off the phone. Only a
        // request that names each case taking it off the list anyway goes on.
        const cases = stores.cases.casesWithNumbers([e164.data]);
        const named = new Set(body.cases ?? []);
        const unnamed = cases.filter((listed) => !named.has(listed.id));
        if (unnamed.length > 0) {
          const list = unnamed.map((listed) => `${listed.id} (${listed.status})`).join(', ');
          throw new HttpError(
            409,
            'number_in_case',
            `${e164.data} is on the list for deletion case ${list}. To take it off anyway, send the case ids in "cases".`,
            { cases: cases.map(({ id, status }) => ({ id, status })) },
          );
        }

        const result = stores.suppressions.remove(e164.data, body.reason, token.name);
        if (result) {
          const at = new Date().toISOString();
          for (const listed of cases) {
            stores.cases.recordSuppressionRemoved(listed.id, token.name, at, {
              e164: e164.data,
              reason: body.reason,
            });
          }
        }
        return result;
      })
      .immediate();
    if (!removed) throw new HttpError(404, 'not_found', 'number is not on the suppression list');
    return c.json({
      removed: true,
      e164: e164.data,
      seq: removed.seq,
    } satisfies RemoveSuppressionResponse);
  });

  app.post('/v1/cases', async (c) => {
    const body = await readBody(c, CreateCaseRequest);
    const actor = actorOf(c);
    const result = stores.cases.create(body, actor);
    return c.json(toApiCase(result.record, actor.role, new Date()), result.created ? 201 : 200);
  });

  app.get('/v1/cases', (c) => {
    const query = readQuery(c, ListCasesQuery);
    const actor = actorOf(c);
    const now = new Date();
    const page = stores.cases.list(query, readCursor(query.cursor), actor, now);
    const nextCursor =
      page.hasMore && page.lastChangeSeq !== null ? encodeCursor(page.lastChangeSeq) : null;
    const cases = page.records.map((record) => toApiCase(record, actor.role, now));
    return c.json({ cases, nextCursor } satisfies CaseList);
  });

  app.get('/v1/cases/:id', (c) => {
    const id = c.req.param('id');
    const found = stores.cases.get(id);
    if (!found) throw new HttpError(404, 'not_found', `case ${id} not found`);
    return c.json({
      ...toApiCase(found, actorOf(c).role, new Date()),
      timeline: stores.cases.timeline(id).map(toTimelineEntry),
      sameNumberCases: stores.cases.sameNumberCases(found),
    } satisfies Case);
  });

  app.patch('/v1/cases/:id', async (c) => {
    const body = await readBody(c, PatchCaseRequest);
    const actor = actorOf(c);
    const now = new Date();
    const record = stores.cases.patch(c.req.param('id'), body, actor, now);
    return c.json(toApiCase(record, actor.role, now));
  });

  app.post('/v1/events', async (c) => {
    const body = await readBody(c, PostEventsRequest);
    return c.json(stores.events.record(body.events, c.get('token').name));
  });

  app.get('/v1/audit', (c) => {
    requireRole(c, LEAD_ROLES);
    const query = readQuery(c, AuditQuery);
    const page = stores.audit.list({ ...query, afterSeq: readCursor(query.cursor) });
    const nextCursor = page.hasMore && page.lastSeq !== null ? encodeCursor(page.lastSeq) : null;

    if (query.format === 'csv') {
      if (nextCursor) c.header('X-Next-Cursor', nextCursor);
      c.header('Content-Type', 'text/csv; charset=utf-8');
      c.header('Content-Disposition', 'attachment; filename="dnc-guard-audit.csv"');
      return c.body(auditCsv(page.events));
    }
    return c.json({ events: page.events, nextCursor });
  });

  app.notFound(() => {
    throw new HttpError(404, 'unknown_route', 'no such route; see /v1/openapi.json');
  });

  app.onError((error, c) => {
    if (error instanceof HttpError) return c.json(error.toBody(), error.status);
    logger.error({ requestId: c.get('requestId'), err: error }, 'request failed');
    return c.json(
      new HttpError(500, 'internal', 'internal server error; see the server log').toBody(),
      500,
    );
  });

  return app;
}
