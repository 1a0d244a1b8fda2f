import { render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it, vi } from 'vitest';
import type { CaptureApi } from '../../components/CaptureForm';
import type { CasesApi } from '../../components/CaseList';
import type { TeamApi } from '../../components/CaseQueue';
import { SidePanel } from '../../components/SidePanel';
import type { Case, Role } from '../../lib/api/schemas';

const AT = '2026-12-01T10:00:00.000Z';

function openCase(id: string, name: string, overrides: Partial<Case> = {}): Case {
  return {
    id,
    receivedAt: AT,
    channel: 'phone_call',
    scope: 'phone_only',
    jurisdiction: 'eu_gdpr',
    timeZone: 'UTC',
    subject: { name, phones: ['+442079460018'] },
    status: 'legal_review',
    version: 4,
    createdAt: AT,
    createdBy: 'agent-ann',
    createdByRole: 'agent',
    updatedAt: AT,
    updatedBy: 'agent-ann',
    updatedByRole: 'agent',
    dueAt: '2027-01-01T23:59:59.999Z',
    deadlineRule: {} as Case['deadlineRule'],
    statusHistory: [],
    extensions: [],
    checklist: [],
    processors: [],
    daysLeft: 28,
    overdue: false,
    allowedTransitions: ['in_progress', 'rejected'],
    timeline: [],
    ...overrides,
  } as Case;
}

const LATE = openCase('11111111-2b7c-4c52-9a49-2f4f3f7d9a10', 'Oliver Hughes', {
  dueAt: '2026-11-20T23:59:59.999Z',
  daysLeft: -3,
  overdue: true,
});
const SOON = openCase('22222222-2b7c-4c52-9a49-2f4f3f7d9a10', 'Wang Fang', {
  createdBy: 'agent-bo',
  status: 'received',
});

const capture: CaptureApi = {
  readRecord: () => new Promise(() => undefined),
  capture: async () => 0,
  defaultCountry: async () => 'GB',
  newId: () => '00000000-0000-4000-8000-000000000000',
};

function renderPanel(role: Role) {
  const cases: CasesApi = {
    list: vi.fn(async () => ({ cases: [], waiting: [] })),
    get: vi.fn(async (id: string) => (id === LATE.id ? LATE : SOON)),
    patch: vi.fn(async () => LATE),
  };
  const team: TeamApi = {
    me: async () => ({ name: `${role}-x`, role }),
    queue: vi.fn(async () => ({ cases: [LATE, SOON] })),
  };
  render(<SidePanel capture={capture} cases={cases} team={team} />);
  return { cases, team };
}

describe('SidePanel', () => {
  it.each<Role>(['lead', 'admin'])('offers a %s the team queue', async (role) => {
    renderPanel(role);

    await userEvent.click(await screen.findByRole('tab', { name: 'Team queue' }));

    const rows = await screen.findAllByRole('listitem');
    expect(rows.map((row) => within(row).getByRole('button').textContent)).toEqual([
      'Oliver Hughes',
      'Wang Fang',
    ]);
    expect(rows[0]?.textContent).toContain('Overdue by 3 days');
    expect(rows[0]?.getAttribute('data-overdue')).toBe('true');
    expect(rows[0]?.textContent).toContain('Legal review');
    expect(rows[0]?.textContent).toContain('Captured by agent-ann');
    expect(rows[1]?.textContent).toContain('28 days left');
    expect(rows[1]?.textContent).toContain('Captured by agent-bo');
  });

  it('points out cases with the same numbers', async () => {
    const other = openCase('33333333-2b7c-4c52-9a49-2f4f3f7d9a10', 'Maria Lopez', {
      subject: { name: 'Maria Lopez', phones: ['+14155550123'] },
    });
    const { team } = renderPanel('lead');
    vi.mocked(team.queue).mockResolvedValue({ cases: [LATE, SOON, other] });

    await userEvent.click(await screen.findByRole('tab', { name: 'Team queue' }));

    const rows = await screen.findAllByRole('listitem');
    expect(rows[0]?.textContent).toContain('Same numbers as case 22222222');
    expect(rows[1]?.textContent).toContain('Same numbers as case 11111111');
    expect(rows[2]?.textContent).not.toContain('Same numbers');
  });

  it("shows the deadline as a date in the case's zone", async () => {
    // The end of 4 January in Los Angeles is already 5 January in UTC.
    const inLosAngeles = openCase('33333333-2b7c-4c52-9a49-2f4f3f7d9a10', 'Maria Lopez', {
      timeZone: 'America/Los_Angeles',
      dueAt: '2027-01-05T07:59:59.999Z',
    });
    const { team } = renderPanel('lead');
    vi.mocked(team.queue).mockResolvedValue({ cases: [inLosAngeles] });

    await userEvent.click(await screen.findByRole('tab', { name: 'Team queue' }));

    const deadline = await screen.findByText(/Reply due/);
    expect(deadline.textContent).toBe('28 days left · Reply due Jan 4, 2027');
  });

  it('keeps an agent to their own cases', async () => {
    const { team } = renderPanel('agent');

    expect(await screen.findByRole('tab', { name: 'My cases' })).toBeTruthy();
    // Let the role reply arrive before looking for the tab it would add.
    await new Promise((resolve) => setTimeout(resolve, 0));
    expect(screen.queryByRole('tab', { name: 'Team queue' })).toBeNull();
    expect(team.queue).not.toHaveBeenCalled();
  });

  it('opens a queued case with the lead steps and comes back to the queue', async () => {
    const { cases } = renderPanel('lead');
    await userEvent.click(await screen.findByRole('tab', { name: 'Team queue' }));

    await userEvent.click(await screen.findByRole('button', { name: 'Oliver Hughes' }));

    expect(await screen.findByRole('heading', { name: 'Oliver Hughes' })).toBeTruthy();
    expect(cases.get).toHaveBeenCalledWith(LATE.id);
    expect(screen.getByRole('button', { name: /Reject/ })).toBeTruthy();
    expect(screen.getByRole('tab', { name: 'Team queue' }).getAttribute('aria-selected')).toBe(
      'true',
    );

    expect(screen.queryByRole('button', { name: 'Back to my cases' })).toBeNull();
    await userEvent.click(screen.getByRole('button', { name: 'Back to the team queue' }));
    expect(await screen.findByRole('button', { name: 'Wang Fang' })).toBeTruthy();
  });

  it('names my cases on the back link', async () => {
    const { cases } = renderPanel('lead');
    vi.mocked(cases.list).mockResolvedValue({ cases: [SOON], waiting: [] });
    await userEvent.click(await screen.findByRole('tab', { name: 'My cases' }));

    await userEvent.click(await screen.findByRole('button', { name: 'Wang Fang' }));
    await userEvent.click(await screen.findByRole('button', { name: 'Back to my cases' }));

    expect(screen.getByRole('tab', { name: 'My cases' }).getAttribute('aria-selected')).toBe(
      'true',
    );
    expect(await screen.findByRole('button', { name: 'Wang Fang' })).toBeTruthy();
  });
});
