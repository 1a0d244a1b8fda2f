import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ApiError, Case } from '../../lib/api/schemas.ts';
import {
  CASE_STATUSES,
  ROLES,
  TRANSITION_RULES,
  type CaseStatus,
  type Role,
} from '../../lib/cases/index.ts';
import {
  CONFIRMATION,
  FAILED,
  LEGAL_EXCEPTION,
  PASSED,
  caseIn,
  getCase,
  patchCase,
} from './cases-fixtures.ts';
import { startTestServer, type TestServer } from './helpers.ts';

// Every status change by every role over HTTP. The allowed moves are written
// out here rather than read from lib/cases, so a change to the rules there
// has to be made in this table too.

const EVERY_ROLE: Role[] = ['agent', 'lead', 'admin'];
const LEADS: Role[] = ['lead', 'admin'];

const ALLOWED: Array<[CaseStatus, CaseStatus, Role[]]> = [
  ['received', 'verified', EVERY_ROLE],
  ['received', 'verification_failed', EVERY_ROLE],
  ['verified', 'in_progress', EVERY_ROLE],
  ['in_progress', 'actions_done', EVERY_ROLE],
  ['in_progress', 'legal_review', LEADS],
  ['legal_review', 'in_progress', LEADS],
  ['legal_review', 'rejected', LEADS],
  ['verification_failed', 'rejected', LEADS],
  ['actions_done', 'confirmed', LEADS],
];

type Expected = 200 | 'forbidden_role' | 'forbidden_transition';

function expectedOutcome(from: CaseStatus, to: CaseStatus, role: Role): Expected {
  const rule = ALLOWED.find(([ruleFrom, ruleTo]) => ruleFrom === from && ruleTo === to);
  if (!rule) return 'forbidden_transition';
  return rule[2].includes(role) ? 200 : 'forbidden_role';
}

/** Builds the body with the fields each target needs, so only the graph and role decide. */
function bodyFor(from: CaseStatus, to: CaseStatus): Record<string, unknown> {
  switch (to) {
    case 'verified':
      return { status: to, verification: PASSED };
    case 'verification_failed':
      return { status: to, verification: FAILED };
    case 'confirmed':
      return { status: to, confirmation: CONFIRMATION };
    case 'rejected':
      return {
        status: to,
        rejection: { reason: 'Identity could not be confirmed' },
        ...(from === 'legal_review' ? { legalException: LEGAL_EXCEPTION } : {}),
      };
    default:
      return { status: to };
  }
}

const ROWS = CASE_STATUSES.flatMap((from) =>
  CASE_STATUSES.flatMap((to) =>
    ROLES.map((role) => ({ from, to, role, expected: expectedOutcome(from, to, role) })),
  ),
);

let t: TestServer;
// Rejected attempts leave a case unchanged, so one case per source state and
// role serves all of them; each allowed attempt gets a fresh case.
const sharedCases = new Map<string, Case>();

beforeAll(async () => {
  t = await startTestServer();
});
afterAll(async () => {
  await t.stop();
});

async function sharedCase(from: CaseStatus, role: Role): Promise<Case> {
  const key = `${from}/${role}`;
  let found = sharedCases.get(key);
  if (!found) {
    found = await caseIn(t, from);
    sharedCases.set(key, found);
  }
  return found;
}

describe('transition table', () => {
  it('matches the rules in lib/cases', () => {
    const rules = TRANSITION_RULES.map((rule) => [rule.from, rule.to, [...rule.roles]]);
    expect(rules).toEqual(ALLOWED);
  });

  it.each(ROWS)('$from -> $to by $role: $expected', async ({ from, to, role, expected }) => {
    const current = expected === 200 ? await caseIn(t, from) : await sharedCase(from, role);

    const res = await patchCase(t, current, bodyFor(from, to), role);

    if (expected === 200) {
      expect(res.status, res.text).toBe(200);
      const moved = Case.parse(res.json);
      expect(moved.status).toBe(to);
      expect(moved.version).toBe(current.version + 1);
      expect(moved.statusHistory.at(-1)).toMatchObject({ from, to, role });
    } else {
      expect(res.status, res.text).toBe(409);
      const error = ApiError.parse(res.json).error;
      expect(error.code).toBe(expected);
      expect(error.message.length).toBeGreaterThan(10);
      expect((await getCase(t, current.id)).version).toBe(current.version);
    }
  });
});

describe('allowedTransitions', () => {
  const rows = CASE_STATUSES.flatMap((status) => ROLES.map((role) => ({ status, role })));

  it.each(rows)('lists what $role may do from $status', async ({ status, role }) => {
    const current = await sharedCase(status, role);
    const expected = CASE_STATUSES.filter((to) => expectedOutcome(status, to, role) === 200);

    const read = await getCase(t, current.id, role);

    expect([...read.allowedTransitions].sort()).toEqual(expected.sort());
  });
});
