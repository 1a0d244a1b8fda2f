import { z } from 'zod';
import { Case, CaseList, Me, type PatchCaseRequest } from '../api/schemas';
import type { ResponseOf } from '../messaging/protocol';
import { readSettings } from '../settings';
import { isSyncConfigured } from '../sync/config';
import { SyncError } from '../sync/errors';
import { callApi, type ApiClientOptions } from '../sync/http';
import { listOutbox } from './outbox';

const REQUEST_TIMEOUT_MS = 15_000;

async function client(): Promise<ApiClientOptions> {
  const settings = await readSettings();
  if (!isSyncConfigured(settings)) {
    throw new SyncError(
      'not_configured',
      'Not connected to a server: enter the API URL and access token on the Options page.',
    );
  }
  return {
    fetch: (input, init) => fetch(input, init),
    apiUrl: settings.apiUrl,
    accessToken: settings.accessToken.trim(),
    timeoutMs: REQUEST_TIMEOUT_MS,
  };
}

/** Cases captured on this device that still wait in the outbox. */
async function waitingCases(): Promise<ResponseOf<'cases.list'>['waiting']> {
  const captured = z.object({ subject: z.object({ name: z.string() }), receivedAt: z.string() });
  return (await listOutbox()).flatMap((item) => {
    if (item.kind !== 'case') return [];
    const body = captured.safeParse(item.caseBody);
    return [
      {
        id: item.id,
        name: body.success ? body.data.subject.name : '',
        receivedAt: body.success ? body.data.receivedAt : new Date(item.createdAt).toISOString(),
        ...(item.lastError ? { lastError: item.lastError } : {}),
        ...(item.lastProblem ? { lastProblem: item.lastProblem } : {}),
      },
    ];
  });
}

/**
 * Returns the agent's recent cases: the server's list plus what waits in the outbox.
 * When the server cannot be reached, the local part is still returned, with the error.
 */
export async function listCases(): Promise<ResponseOf<'cases.list'>> {
  const waiting = await waitingCases();
  try {
    const { body } = await callApi(await client(), {
      method: 'GET',
      path: '/v1/cases?createdBy=me&limit=50',
      what: 'reading your cases',
      schema: CaseList,
    });
    const sent = new Set(body.cases.map((item) => item.id));
    return { cases: body.cases, waiting: waiting.filter((item) => !sent.has(item.id)) };
  } catch (error) {
    if (error instanceof SyncError) {
      return { cases: [], waiting, error: error.message, problem: error.problem() };
    }
    return { cases: [], waiting, error: error instanceof Error ? error.message : String(error) };
  }
}

/** Stops reading the queue after this many pages of 1,000 cases. */
const QUEUE_MAX_PAGES = 5;

/** Returns the deadline that applies: the extended one after a timely extension, otherwise the first. */
function effectiveDue(item: Case): number {
  return Date.parse(item.extendedDueAt ?? item.dueAt);
}

/**
 * Returns the team's open cases, the earliest deadline first, for a lead's
 * queue. The server lists them in order of last change, so every page is read
 * before sorting.
 */
export async function listQueue(): Promise<ResponseOf<'cases.queue'>> {
  const cases: Case[] = [];
  try {
    const options = await client();
    let cursor: string | null = null;
    for (let page = 0; page < QUEUE_MAX_PAGES; page++) {
      const after: string = cursor ? `&cursor=${encodeURIComponent(cursor)}` : '';
      const { body } = await callApi(options, {
        method: 'GET',
        path: `/v1/cases?open=true&limit=1000${after}`,
        what: 'reading the team queue',
        schema: CaseList,
      });
      cases.push(...body.cases);
      cursor = body.nextCursor;
      if (!cursor) break;
    }
  } catch (error) {
    if (error instanceof SyncError) {
      return { cases: [], error: error.message, problem: error.problem() };
    }
    return { cases: [], error: error instanceof Error ? error.message : String(error) };
  }
  return { cases: cases.sort((a, b) => effectiveDue(a) - effectiveDue(b)) };
}

/** Asks the server who the token belongs to; the server decides the role, not the settings. */
export async function whoAmI(): Promise<Me> {
  const { body } = await callApi(await client(), {
    method: 'GET',
    path: '/v1/me',
    what: 'reading your role',
    schema: Me,
  });
  return body;
}

export async function getCase(id: string): Promise<Case> {
  const { body } = await callApi(await client(), {
    method: 'GET',
    path: `/v1/cases/${id}`,
    what: 'reading the case',
    schema: Case,
  });
  return body;
}

/** Sends one change. The server checks the workflow rules and returns 409 with the reason when one is broken. */
export async function patchCase(id: string, patch: PatchCaseRequest): Promise<Case> {
  const { body } = await callApi(await client(), {
    method: 'PATCH',
    path: `/v1/cases/${id}`,
    what: 'changing the case',
    body: patch,
    schema: Case,
  });
  return body;
}
