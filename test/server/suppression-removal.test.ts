import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ApiError, Case, CheckResponse } from '../../lib/api/schemas.ts';
import type { CaseStatus } from '../../lib/cases/model.ts';
import { caseIn, getCase } from './cases-fixtures.ts';
import { newCaseBody, startTestServer, type TestServer } from './helpers.ts';

let t: TestServer;
beforeAll(async () => {
  t = await startTestServer();
});
afterAll(async () => {
  await t.stop();
});

let nextNumber = 100;

/** Returns a case in `status` whose only number is `e164`. */
function caseFor(status: CaseStatus, e164: string): Promise<Case> {
  const subject = { ...(newCaseBody().subject as Record<string, unknown>), phones: [e164] };
  return caseIn(t, status, { subject });
}

/** Returns a case in `status` whose only number is a new UK mobile, and that number. */
async function caseWithOwnNumber(status: CaseStatus): Promise<{ record: Case; e164: string }> {
  const e164 = `+4479111${String(nextNumber++).padStart(5, '0')}`;
  return { record: await caseFor(status, e164), e164 };
}

function remove(e164: string, body: Record<string, unknown>) {
  return t.api(`/v1/suppressions/${e164}`, { method: 'DELETE', token: 'lead', body });
}

async function statusOf(e164: string): Promise<string | undefined> {
  const res = await t.api('/v1/suppressions/check', { method: 'POST', body: { phones: [e164] } });
  return CheckResponse.parse(res.json).results[0]?.status;
}

describe('removing a number a deletion case put on the list', () => {
  it.each<CaseStatus>(['received', 'verified', 'confirmed'])(
    'rejects while the case is %s',
    async (status) => {
      const { record, e164 } = await caseWithOwnNumber(status);

      const res = await remove(e164, { reason: 'Mistake' });

      expect(res.status, res.text).toBe(409);
      const { error } = ApiError.parse(res.json);
      expect(error.code).toBe('number_in_case');
      expect(error.message).toContain(record.id);
      expect(error.cases).toEqual([{ id: record.id, status }]);
      expect(await statusOf(e164)).toBe('suppressed');
    },
  );

  it('removes it when the request names the case', async () => {
    const { record, e164 } = await caseWithOwnNumber('verified');

    const res = await remove(e164, { reason: 'Wrong number in the case', cases: [record.id] });

    expect(res.status, res.text).toBe(200);
    expect(await statusOf(e164)).toBe('allowed');
    const timeline = (await getCase(t, record.id, 'lead')).timeline ?? [];
    const entry = timeline.find((item) => item.type === 'case.suppression_removed');
    expect(entry?.details).toEqual({ e164, reason: 'Wrong number in the case' });
    expect(entry?.summary).toContain('Wrong number in the case');
  });

  it('rejects a request naming another case', async () => {
    const { e164 } = await caseWithOwnNumber('received');
    const other = await caseWithOwnNumber('received');

    const res = await remove(e164, { reason: 'Mistake', cases: [other.record.id] });

    expect(res.status, res.text).toBe(409);
    expect(await statusOf(e164)).toBe('suppressed');
  });

  it('removes a number of a rejected case', async () => {
    const { e164 } = await caseWithOwnNumber('rejected');

    const res = await remove(e164, { reason: 'Request rejected' });

    expect(res.status, res.text).toBe(200);
    expect(await statusOf(e164)).toBe('allowed');
  });
});

describe('open cases for the same numbers', () => {
  it('names the other open case', async () => {
    const first = await caseWithOwnNumber('received');
    const second = await caseFor('verified', first.e164);

    const viewed = await getCase(t, second.id, 'lead');

    expect(viewed.sameNumberCases).toEqual([
      { id: first.record.id, status: 'received', createdBy: first.record.createdBy },
    ]);
  });

  it('leaves out closed cases', async () => {
    const closed = await caseWithOwnNumber('confirmed');
    const open = await caseFor('received', closed.e164);

    expect((await getCase(t, open.id, 'lead')).sameNumberCases).toEqual([]);
  });
});
