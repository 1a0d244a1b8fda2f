import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  ApiError,
  AuditPage,
  Case,
  CaseList,
  CheckResponse,
  type AuditEvent,
} from '../../lib/api/schemas.ts';
import { caseReason } from '../../lib/cases/model.ts';
import {
  CONFIRMATION,
  LEGAL_EXCEPTION,
  FAILED,
  PASSED,
  caseIn,
  createCase,
  getCase,
  patchCase,
  patchOk,
  patchRejected,
  tickAll,
} from './cases-fixtures.ts';
import { newCaseBody, runCli, startTestServer, type TestServer } from './helpers.ts';

let t: TestServer;
beforeAll(async () => {
  t = await startTestServer();
});
afterAll(async () => {
  await t.stop();
});

async function auditFor(caseId: string): Promise<AuditEvent[]> {
  const res = await t.api(`/v1/audit?caseId=${caseId}&format=json`, { token: 'lead' });
  expect(res.status, res.text).toBe(200);
  return AuditPage.parse(res.json).events;
}

async function listCases(query: string, token: 'agent' | 'lead' = 'agent'): Promise<Case[]> {
  const res = await t.api(`/v1/cases?limit=1000&${query}`, { token });
  expect(res.status, res.text).toBe(200);
  return CaseList.parse(res.json).cases;
}

describe('capture', () => {
  it('builds the checklist with the DNC item done', async () => {
    const created = await createCase(t, {
      processors: ['Mailjet', 'mailjet', 'Acme Dialer'],
      systems: { callCenter: 'Five9' },
    });

    expect(created).toMatchObject({
      status: 'received',
      version: 1,
      createdBy: 'agent-ann',
      createdByRole: 'agent',
      timeZone: 'UTC',
    });
    const dnc = created.checklist.find((item) => item.kind === 'internal_dnc');
    expect(dnc).toMatchObject({ status: 'done', by: 'agent-ann' });
    const open = created.checklist.filter((item) => item.status === 'open');
    expect(open).toHaveLength(created.checklist.length - 1);
    expect(created.checklist.find((item) => item.id === 'erase_call_center')?.system).toBe('Five9');
    expect(created.checklist.find((item) => item.id === 'crm_dnc_flag')?.system).toBe('hubspot');
    expect(created.processors).toEqual([{ name: 'Mailjet' }, { name: 'Acme Dialer' }]);
  });

  it('accepts a case with no CRM record', async () => {
    const created = await createCase(t, {
      subject: { name: 'No Record', phones: ['+447911200199'], emails: [] },
    });

    expect(created.status).toBe('received');
    expect(created.subject.crm).toBeUndefined();
    expect(created.checklist.find((item) => item.id === 'crm_dnc_flag')?.system).toBe('the CRM');
  });

  it('counts numbers sent ahead as added', async () => {
    const id = crypto.randomUUID();
    // What the extension does on capture: the numbers first, then the case.
    const sent = await t.api('/v1/suppressions', {
      method: 'POST',
      body: {
        entries: [
          { phone: '+8613987654321', reason: caseReason(id), source: 'extension' },
          { phone: '+447911200302', reason: caseReason(id), source: 'extension' },
          { phone: '+447911200303', reason: caseReason(crypto.randomUUID()) },
          { phone: '+447911200304', reason: 'Asked not to be called in 2024' },
        ],
      },
    });
    expect(sent.status, sent.text).toBe(200);

    const phones = [
      '+8613987654321',
      '+447911200302',
      '+447911200303',
      '+447911200304',
      '+447911200305',
    ];
    const created = await createCase(t, {
      id,
      subject: { name: 'Li Wei', phones, emails: [] },
    });
    const read = await getCase(t, created.id);

    const entry = read.timeline?.find((item) => item.type === 'suppressions.added');
    expect(entry?.details).toEqual({ added: 1, addedBeforeCase: 2, alreadyPresent: 2 });
    expect(entry?.summary).toBe('3 number(s) added to the DNC list, 2 already on it');
    const check = CheckResponse.parse(
      (await t.api('/v1/suppressions/check', { method: 'POST', body: { phones } })).json,
    );
    expect(check.results.map((result) => result.status)).toEqual(phones.map(() => 'suppressed'));
  });

  it('starts verified after a passed verification', async () => {
    const created = await createCase(t, { verification: PASSED });

    expect(created.status).toBe('verified');
    expect(created.version).toBe(1);
    expect(created.verification).toEqual({ ...PASSED, by: 'agent-ann' });
    expect(created.allowedTransitions).toEqual(['in_progress']);
    expect(created.statusHistory.map((step) => [step.from, step.to, step.by])).toEqual([
      [null, 'received', 'agent-ann'],
      ['received', 'verified', 'agent-ann'],
    ]);
    const events = await auditFor(created.id);
    expect(events.map((event) => event.type)).toEqual([
      'case.created',
      'suppressions.added',
      'case.verification',
    ]);
    expect(events[0]?.payload.status).toBe('verified');
  });

  it('starts verification_failed after a failed verification', async () => {
    const created = await createCase(t, { verification: FAILED });

    expect(created.status).toBe('verification_failed');
    expect(created.verification).toEqual({ ...FAILED, by: 'agent-ann' });
    const types = (await auditFor(created.id)).map((event) => event.type);
    expect(types.filter((type) => type === 'case.verification')).toHaveLength(1);
  });

  it('rejects a second verification after capture', async () => {
    const created = await createCase(t, { verification: PASSED });

    const error = await patchRejected(t, created, { status: 'verified', verification: PASSED });

    expect(error.code).toBe('forbidden_transition');
  });

  it('moves to verified with a stored verification', async () => {
    const created = await createCase(t);
    const recorded = await patchOk(t, created, { verification: PASSED });

    const verified = await patchOk(t, recorded, { status: 'verified' });

    expect(verified.status).toBe('verified');
    expect(verified.verification?.passed).toBe(true);
  });

  it('rejects verification_failed when the stored check passed', async () => {
    const created = await createCase(t);
    const recorded = await patchOk(t, created, { verification: PASSED });

    const error = await patchRejected(t, recorded, { status: 'verification_failed' });

    expect(error.code).toBe('missing_field');
    expect(error.message).toContain('move the case to verified instead');
  });

  it('rejects a verification that carries the answer', async () => {
    const body = newCaseBody({ verification: { ...PASSED, answer: 'dana@example.com' } });

    const res = await t.api('/v1/cases', { method: 'POST', body });

    expect(res.status).toBe(400);
    expect(ApiError.parse(res.json).error.code).toBe('invalid_body');
    expect((await t.api(`/v1/cases/${String(body.id)}`)).status).toBe(404);
  });

  it('rejects an unknown time zone', async () => {
    const res = await t.api('/v1/cases', {
      method: 'POST',
      body: newCaseBody({ timeZone: 'Mars/Olympus' }),
    });

    expect(res.status).toBe(400);
    expect(res.text).toContain('IANA time zone');
  });
});

describe('deadlines', () => {
  it('gives eu_gdpr 31 January the end of February', async () => {
    const created = await createCase(t, { receivedAt: '2025-01-31T10:00:00Z' });

    expect(created.dueAt).toBe('2025-02-28T23:59:59.999Z');
    expect(created.acknowledgementDueAt).toBeUndefined();
    expect(created.deadlineRule).toMatchObject({
      label: 'EU GDPR',
      response: { count: 1, unit: 'calendar_months' },
      extension: { count: 2, unit: 'calendar_months' },
    });
    expect(created.overdue).toBe(true);
    expect(created.daysLeft).toBeLessThan(0);
  });

  it('counts the days in the given time zone', async () => {
    const created = await createCase(t, {
      receivedAt: '2025-01-31T10:00:00Z',
      timeZone: 'America/Los_Angeles',
    });

    expect(created.timeZone).toBe('America/Los_Angeles');
    expect(created.dueAt).toBe('2025-03-01T07:59:59.999Z');
  });

  it('gives us_ccpa_cpra 45 days and a 10-business-day acknowledgement', async () => {
    const created = await createCase(t, {
      receivedAt: '2025-01-10T10:00:00Z',
      jurisdiction: 'us_ccpa_cpra',
    });

    expect(created.dueAt).toBe('2025-02-24T23:59:59.999Z');
    expect(created.acknowledgementDueAt).toBe('2025-01-24T23:59:59.999Z');
    expect(created.telemarketingDueAt).toBe('2025-01-24T23:59:59.999Z');
    expect(created.deadlineRule.response).toEqual({ count: 45, unit: 'calendar_days' });
  });

  it('counts days left on a fresh case', async () => {
    const created = await createCase(t, { receivedAt: new Date().toISOString() });

    expect(created.overdue).toBe(false);
    expect(created.daysLeft).toBeGreaterThanOrEqual(28);
    expect(created.daysLeft).toBeLessThanOrEqual(31);
  });

  it('recomputes the deadline on a timely extension', async () => {
    const created = await createCase(t, { receivedAt: '2025-01-31T10:00:00Z' });
    const extension = {
      extendedAt: '2025-02-20T09:00:00Z',
      noticeSentAt: '2025-02-20T09:00:00Z',
      reason: 'Request covers five systems',
    };

    const extended = await patchOk(t, created, { extension }, 'lead');

    expect(extended.dueAt).toBe('2025-02-28T23:59:59.999Z');
    expect(extended.extendedDueAt).toBe('2025-04-28T23:59:59.999Z');
    expect(extended.extensions).toEqual([extension]);
    const event = (await auditFor(created.id)).find((item) => item.type === 'case.extension');
    expect(event?.payload).toMatchObject({ extendedDueAt: '2025-04-28T23:59:59.999Z' });
    expect(JSON.stringify(event?.payload)).not.toContain('five systems');
  });

  it('records a late extension without moving the deadline', async () => {
    const created = await createCase(t, { receivedAt: '2025-01-31T10:00:00Z' });
    const late = {
      extendedAt: '2025-03-05T09:00:00Z',
      noticeSentAt: '2025-03-05T09:00:00Z',
      reason: 'Backlog',
    };

    const extended = await patchOk(t, created, { extension: late }, 'lead');

    expect(extended.extendedDueAt).toBeUndefined();
    expect(extended.extensionIgnored).toContain('after the original deadline');
  });

  it('rejects an extension by an agent', async () => {
    const created = await createCase(t);
    const extension = {
      extendedAt: '2025-03-05T09:00:00Z',
      noticeSentAt: '2025-03-05T09:00:00Z',
      reason: 'Backlog',
    };

    const error = await patchRejected(t, created, { extension });

    expect(error.code).toBe('forbidden_role');
  });
});

describe('checklist and required fields', () => {
  it('rejects actions_done while an item is open', async () => {
    const verified = await caseIn(t, 'verified');
    const started = await patchOk(t, verified, { status: 'in_progress' });

    const error = await patchRejected(t, started, { status: 'actions_done' });

    expect(error.code).toBe('incomplete_checklist');
    expect(error.message).toContain('8 checklist item(s) still open');
  });

  it('accepts the last tick and actions_done in one PATCH', async () => {
    const verified = await caseIn(t, 'verified');
    const started = await patchOk(t, verified, { status: 'in_progress' });
    const open = started.checklist.filter((item) => item.status === 'open');
    const [last, ...others] = open;
    const almost = await patchOk(t, started, {
      checklist: others.map((item) => ({ itemId: item.id, status: 'done' })),
    });

    const done = await patchOk(t, almost, {
      checklist: [{ itemId: last?.id, status: 'not_applicable', note: 'No such system here' }],
      status: 'actions_done',
    });

    expect(done.status).toBe('actions_done');
    expect(done.version).toBe(almost.version + 1);
  });

  it('needs a note for not_applicable', async () => {
    const verified = await caseIn(t, 'verified');
    const started = await patchOk(t, verified, { status: 'in_progress' });

    const error = await patchRejected(t, started, {
      checklist: [{ itemId: 'campaigns', status: 'not_applicable' }],
    });

    expect(error.code).toBe('missing_field');
  });

  it('rejects ticks outside in_progress', async () => {
    const created = await createCase(t);

    const error = await patchRejected(t, created, {
      checklist: [{ itemId: 'campaigns', status: 'done' }],
    });

    expect(error.code).toBe('wrong_status');
  });

  it('rejects an unknown checklist item', async () => {
    const started = await caseIn(t, 'in_progress');

    const error = await patchRejected(t, started, {
      checklist: [{ itemId: 'no-such-item', status: 'done' }],
    });

    expect(error.code).toBe('unknown_item');
  });

  it('ticks a processor only after its dates', async () => {
    const created = await createCase(t, { processors: ['Mailjet'] });
    const verified = await patchOk(t, created, { status: 'verified', verification: PASSED });
    const started = await patchOk(t, verified, { status: 'in_progress' });
    const tick = { checklist: [{ itemId: 'processor:mailjet', status: 'done' }] };

    const early = await patchRejected(t, started, tick);
    const ticked = await patchOk(t, started, {
      processors: [
        {
          name: 'Mailjet',
          notifiedAt: '2025-03-02T09:00:00Z',
          confirmedAt: '2025-03-04T09:00:00Z',
        },
      ],
      ...tick,
    });

    expect(early.code).toBe('missing_field');
    expect(ticked.processors).toEqual([
      { name: 'Mailjet', notifiedAt: '2025-03-02T09:00:00Z', confirmedAt: '2025-03-04T09:00:00Z' },
    ]);
    expect(ticked.checklist.find((item) => item.id === 'processor:mailjet')?.status).toBe('done');
  });

  it('needs the confirmation to confirm', async () => {
    const done = await caseIn(t, 'actions_done');

    const error = await patchRejected(t, done, { status: 'confirmed' }, 'lead');

    expect(error.code).toBe('missing_field');
    expect(error.message).toContain('sentAt and channel');
  });

  it('takes confirmation only with status confirmed', async () => {
    const done = await caseIn(t, 'actions_done');

    const res = await patchCase(t, done, { confirmation: CONFIRMATION }, 'lead');

    expect(res.status).toBe(400);
    expect(ApiError.parse(res.json).error.code).toBe('invalid_body');
  });

  it('needs a legal exception to reject from legal_review', async () => {
    const review = await caseIn(t, 'legal_review');
    const reject = { status: 'rejected', rejection: { reason: 'Tax records must be kept' } };

    const error = await patchRejected(t, review, reject, 'lead');
    const rejected = await patchOk(
      t,
      review,
      { ...reject, legalException: LEGAL_EXCEPTION },
      'lead',
    );

    expect(error.code).toBe('missing_field');
    expect(error.message).toContain('legal exception');
    expect(rejected.status).toBe('rejected');
    expect(rejected.legalException).toMatchObject({ ...LEGAL_EXCEPTION, reviewer: 'lead-lou' });
    expect(rejected.rejection).toMatchObject({
      reason: 'Tax records must be kept',
      by: 'lead-lou',
    });
  });

  it('rejects a legal exception from an agent', async () => {
    const review = await caseIn(t, 'legal_review');

    const error = await patchRejected(t, review, { legalException: LEGAL_EXCEPTION });

    expect(error.code).toBe('forbidden_role');
  });

  it('rejects a legal exception outside legal review', async () => {
    const started = await caseIn(t, 'in_progress');

    const error = await patchRejected(t, started, { legalException: LEGAL_EXCEPTION }, 'lead');

    expect(error.code).toBe('wrong_status');
  });

  it('keeps rejected numbers suppressed and drops personal data', async () => {
    const rejected = await caseIn(t, 'rejected');

    const check = CheckResponse.parse(
      (
        await t.api('/v1/suppressions/check', {
          method: 'POST',
          body: { phones: rejected.subject.phones },
        })
      ).json,
    );

    expect(check.results.map((result) => result.status)).toEqual(['suppressed']);
    expect(rejected.subject.name).toBeUndefined();
    expect(rejected.minimisedAt).toBeDefined();
  });

  it('rejects any change to a closed case', async () => {
    const confirmed = await caseIn(t, 'confirmed');

    const error = await patchRejected(t, confirmed, { notes: 'late note' }, 'admin');

    expect(error.code).toBe('case_final');
  });
});

describe('versions', () => {
  it('answers a stale version with the current case', async () => {
    const created = await createCase(t);
    await patchOk(t, created, { notes: 'first edit' });

    const res = await patchCase(t, created, { notes: 'second edit' });

    expect(res.status).toBe(409);
    const error = ApiError.parse(res.json).error;
    expect(error.code).toBe('version_conflict');
    expect(error.current?.version).toBe(2);
    expect(error.current?.notes).toBe('first edit');
  });

  it('keeps the version when a step is rejected', async () => {
    const started = await caseIn(t, 'verified');

    await patchRejected(t, started, { notes: 'x', status: 'confirmed' }, 'lead');

    const read = await getCase(t, started.id);
    expect(read.version).toBe(started.version);
    expect(read.notes).not.toBe('x');
  });

  it('rejects a PATCH with nothing to change', async () => {
    const created = await createCase(t);

    const res = await patchCase(t, created, {});

    expect(res.status).toBe(400);
  });
});

describe('reads', () => {
  it('filters by creator, status, overdue and due date', async () => {
    const mine = await createCase(t, { receivedAt: new Date().toISOString() });
    const leads = await createCase(t, { receivedAt: '2020-01-10T10:00:00Z' }, 'lead');

    const own = (await listCases('createdBy=me')).map((item) => item.id);
    const leadOwn = (await listCases('createdBy=me', 'lead')).map((item) => item.id);
    const overdue = (await listCases('overdue=true')).map((item) => item.id);
    const notOverdue = (await listCases('overdue=false')).map((item) => item.id);
    const dueBefore = (await listCases('dueBefore=2021-01-01T00:00:00Z')).map((item) => item.id);
    const received = await listCases('status=received');

    expect(own).toContain(mine.id);
    expect(own).not.toContain(leads.id);
    expect(leadOwn).toContain(leads.id);
    expect(overdue).toContain(leads.id);
    expect(overdue).not.toContain(mine.id);
    expect(notOverdue).toContain(mine.id);
    expect(dueBefore).toEqual([leads.id]);
    expect(received.every((item) => item.status === 'received')).toBe(true);
  });

  it('lists open or closed cases', async () => {
    const open = await createCase(t);
    const confirmed = await caseIn(t, 'confirmed');

    const openIds = (await listCases('open=true', 'lead')).map((item) => item.id);
    const closed = await listCases('open=false', 'lead');

    expect(openIds).toContain(open.id);
    expect(openIds).not.toContain(confirmed.id);
    expect(closed.map((item) => item.id)).toContain(confirmed.id);
    expect(closed.every((item) => ['confirmed', 'rejected'].includes(item.status))).toBe(true);
  });

  it('filters on the extended deadline', async () => {
    const created = await createCase(t, { receivedAt: '2022-01-31T10:00:00Z' });
    const before = (await listCases('dueBefore=2022-03-15T00:00:00Z')).map((item) => item.id);

    await patchOk(
      t,
      created,
      {
        extension: {
          extendedAt: '2022-02-20T09:00:00Z',
          noticeSentAt: '2022-02-20T09:00:00Z',
          reason: 'Complex request',
        },
      },
      'lead',
    );
    const after = (await listCases('dueBefore=2022-03-15T00:00:00Z')).map((item) => item.id);

    expect(before).toContain(created.id);
    expect(after).not.toContain(created.id);
  });

  it('lists only the changes after updatedSince', async () => {
    const old = await createCase(t);
    // Timestamps have millisecond precision: a case made in the same
    // millisecond as `since` would count as a change after it.
    await new Promise((resolve) => setTimeout(resolve, 5));
    const since = new Date().toISOString();
    await new Promise((resolve) => setTimeout(resolve, 5));
    const fresh = await createCase(t);

    const ids = (await listCases(`updatedSince=${encodeURIComponent(since)}`)).map(
      (item) => item.id,
    );

    expect(ids).toContain(fresh.id);
    expect(ids).not.toContain(old.id);
  });

  it('shows each role its own next steps', async () => {
    const started = await caseIn(t, 'in_progress');

    const asAgent = await getCase(t, started.id, 'agent');
    const asLead = await getCase(t, started.id, 'lead');

    expect(asAgent.allowedTransitions).toEqual(['actions_done']);
    expect(asLead.allowedTransitions).toEqual(['actions_done', 'legal_review']);
  });
});

describe('full walk', () => {
  it('goes from capture to a confirmed, minimised, audited case', async () => {
    const body = newCaseBody({
      receivedAt: new Date().toISOString(),
      subject: {
        name: 'Walk Through',
        phones: ['+447911200101', '+447911200102'],
        emails: ['walk@example.com'],
        crm: { system: 'salesforce', recordId: '003WALK', url: 'https://crm.example.com/003WALK' },
      },
      notes: 'Customer called twice',
    });
    const createdRes = await t.api('/v1/cases', { method: 'POST', body });
    expect(createdRes.status).toBe(201);
    const created = Case.parse(createdRes.json);

    const verified = await patchOk(t, created, { status: 'verified', verification: PASSED });
    const started = await patchOk(t, verified, { status: 'in_progress' });
    let current = started;
    const openItems = started.checklist.filter((item) => item.status === 'open');
    for (const item of openItems) {
      current = await patchOk(t, current, { checklist: [{ itemId: item.id, status: 'done' }] });
    }
    const done = await patchOk(t, current, { status: 'actions_done' });
    const confirmed = await patchOk(
      t,
      done,
      { status: 'confirmed', confirmation: CONFIRMATION },
      'lead',
    );

    expect(confirmed.status).toBe('confirmed');
    expect(confirmed.confirmation).toEqual(CONFIRMATION);
    expect(confirmed.subject).toEqual({
      phones: ['+447911200101', '+447911200102'],
      crm: { system: 'salesforce', recordId: '003WALK' },
    });
    expect(confirmed.notes).toBeUndefined();
    expect(confirmed.allowedTransitions).toEqual([]);
    expect(confirmed.daysLeft).toBeNull();
    expect(confirmed.checklist.every((item) => item.status === 'done')).toBe(true);
    expect(confirmed.statusHistory.map((step) => [step.to, step.by])).toEqual([
      ['received', 'agent-ann'],
      ['verified', 'agent-ann'],
      ['in_progress', 'agent-ann'],
      ['actions_done', 'agent-ann'],
      ['confirmed', 'lead-lou'],
    ]);

    const check = CheckResponse.parse(
      (
        await t.api('/v1/suppressions/check', {
          method: 'POST',
          body: { phones: ['+447911200101', '+447911200102'] },
        })
      ).json,
    );
    expect(check.results.map((result) => result.status)).toEqual(['suppressed', 'suppressed']);

    const events = await auditFor(created.id);
    expect(events.map((event) => event.type)).toEqual([
      'case.created',
      'suppressions.added',
      'case.verification',
      'case.status_changed',
      'case.status_changed',
      ...openItems.map(() => 'case.checklist_item'),
      'case.status_changed',
      'case.confirmation',
      'case.status_changed',
      'case.minimised',
    ]);
    expect(events.map((event) => event.payload.itemId).filter(Boolean)).toEqual(
      openItems.map((item) => item.id),
    );
    expect(events.at(-2)?.payload).toMatchObject({ from: 'actions_done', to: 'confirmed' });
    expect(events.at(-2)?.actor).toBe('lead-lou');
    expect(events.at(-2)?.payload.role).toBe('lead');
    const seqs = events.map((event) => event.seq);
    expect(seqs).toEqual([...seqs].sort((a, b) => a - b));

    const logText = JSON.stringify(events);
    for (const secret of ['Walk Through', 'walk@example.com', 'Customer called twice', '003WALK']) {
      expect(logText).not.toContain(secret);
    }

    const csv = await t.api(`/v1/audit?caseId=${created.id}&format=csv`, { token: 'lead' });
    expect(csv.headers.get('content-type')).toContain('text/csv');
    const csvSeqs = csv.text
      .trim()
      .split('\r\n')
      .slice(1)
      .map((line) => Number(line.split(',')[0]));
    expect(csvSeqs).toEqual(seqs);

    const read = await getCase(t, created.id, 'lead');
    expect(read.timeline?.map((entry) => entry.seq)).toEqual(seqs);
    expect(read.timeline?.at(-2)).toMatchObject({
      actor: 'lead-lou',
      role: 'lead',
      summary: 'Status changed from actions_done to confirmed',
    });
    expect(read.timeline?.[2]?.summary).toBe('Identity check by email_on_file: passed');
    expect(read.timeline?.[1]?.details).toEqual({ added: 2, alreadyPresent: 0 });
    expect(read.timeline?.[2]?.details).toEqual({ method: 'email_on_file', passed: true });
    expect(read.timeline?.at(-2)?.details).toEqual({ from: 'actions_done', to: 'confirmed' });
    expect(read.timeline?.at(-1)?.details?.removed).toContain('subject.name');
    const timelineText = JSON.stringify(read.timeline);
    for (const secret of ['Walk Through', 'walk@example.com', 'Customer called twice']) {
      expect(timelineText).not.toContain(secret);
    }

    const full = AuditPage.parse((await t.api('/v1/audit', { token: 'admin' })).json).events;
    for (let i = 1; i < full.length; i++) {
      expect(full[i]?.prevHash).toBe(full[i - 1]?.hash);
    }
    const verify = runCli(['audit', 'verify', '--db', t.dir]);
    expect(verify.stdout.trim()).toBe('ok');
    expect(verify.status).toBe(0);
  });

  it('ticks every item with tickAll in one request', async () => {
    const verified = await caseIn(t, 'verified');
    const started = await patchOk(t, verified, { status: 'in_progress' });

    const ticked = await tickAll(t, started);

    expect(ticked.checklist.every((item) => item.status === 'done')).toBe(true);
    expect(ticked.version).toBe(started.version + 1);
  });
});
