import { render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it, vi } from 'vitest';
import type { CasesApi } from '../../components/CaseList';
import { CaseView } from '../../components/CaseView';
import type { Case } from '../../lib/api/schemas';

const ID = '7d8f4f0e-2b7c-4c52-9a49-2f4f3f7d9a10';
const AT = '2026-12-01T10:00:00.000Z';

function inProgressCase(overrides: Partial<Case> = {}): Case {
  return {
    id: ID,
    receivedAt: AT,
    channel: 'phone_call',
    scope: 'phone_only',
    jurisdiction: 'eu_gdpr',
    timeZone: 'UTC',
    subject: { name: 'Ana García', phones: ['+442079460018'] },
    status: 'in_progress',
    version: 3,
    createdAt: AT,
    createdBy: 'Agent Ana',
    createdByRole: 'agent',
    updatedAt: AT,
    updatedBy: 'Agent Ana',
    updatedByRole: 'agent',
    dueAt: '2027-01-01T23:59:59.999Z',
    deadlineRule: {} as Case['deadlineRule'],
    statusHistory: [],
    extensions: [],
    checklist: [{ id: 'dial_queues', kind: 'dial_queues', status: 'open' }],
    processors: [],
    daysLeft: 28,
    overdue: false,
    allowedTransitions: ['actions_done', 'legal_review'],
    timeline: [
      { seq: 1, type: 'case.created', actor: 'Agent Ana', at: AT, summary: 'Case captured' },
    ],
    ...overrides,
  } as Case;
}

function fakeApi(item: Case) {
  const patch = vi.fn(async () => item);
  const api: CasesApi = {
    list: async () => ({ cases: [item], waiting: [] }),
    get: async () => item,
    patch,
  };
  return { api, patch };
}

describe('CaseView', () => {
  it('shows deadline, checklist and timeline', async () => {
    render(<CaseView api={fakeApi(inProgressCase()).api} id={ID} onBack={() => undefined} />);

    expect(await screen.findByText(/28 days left/)).toBeTruthy();
    expect(screen.getByText('Removed from dial queues')).toBeTruthy();
    expect(screen.getByText(/Case captured/)).toBeTruthy();
  });

  it('ticks a checklist item with the version read', async () => {
    const { api, patch } = fakeApi(inProgressCase());
    render(<CaseView api={api} id={ID} onBack={() => undefined} />);

    await userEvent.click(await screen.findByRole('button', { name: 'Done' }));

    expect(patch).toHaveBeenCalledWith(ID, {
      version: 3,
      checklist: [{ itemId: 'dial_queues', status: 'done' }],
    });
  });

  it('names checklist items from the messages', async () => {
    const item = {
      id: 'crm_dnc_flag',
      kind: 'crm_dnc_flag',
      system: 'HubSpot',
      label: 'Mark DNC/unsubscribed in HubSpot',
      status: 'open',
    } as const;
    render(
      <CaseView
        api={fakeApi(inProgressCase({ checklist: [item] })).api}
        id={ID}
        onBack={() => undefined}
      />,
    );

    expect(await screen.findByText('Marked DNC / unsubscribed in the CRM (HubSpot)')).toBeTruthy();
    expect(screen.queryByText('Mark DNC/unsubscribed in HubSpot')).toBeNull();
  });

  it('sends the verification method with the verify step', async () => {
    const { api, patch } = fakeApi(
      inProgressCase({
        status: 'received',
        allowedTransitions: ['verified', 'verification_failed'],
        checklist: [],
      }),
    );
    render(<CaseView api={api} id={ID} onBack={() => undefined} />);

    await userEvent.selectOptions(await screen.findByLabelText('Method'), 'phone_digits');
    await userEvent.click(screen.getByRole('button', { name: 'Identity verified' }));

    expect(patch).toHaveBeenCalledWith(ID, {
      version: 3,
      status: 'verified',
      verification: { method: 'phone_digits', passed: true, at: expect.any(String) },
    });
  });

  it('offers only the allowed next steps', async () => {
    render(<CaseView api={fakeApi(inProgressCase()).api} id={ID} onBack={() => undefined} />);

    expect(await screen.findByRole('button', { name: 'Actions done' })).toBeTruthy();
    expect(screen.getByRole('button', { name: 'Legal review' })).toBeTruthy();
    expect(screen.queryByRole('button', { name: 'Confirmed to the customer' })).toBeNull();
  });

  it('sends the confirmation with the confirm step', async () => {
    const { api, patch } = fakeApi(
      inProgressCase({ status: 'actions_done', allowedTransitions: ['confirmed'], checklist: [] }),
    );
    render(<CaseView api={api} id={ID} onBack={() => undefined} />);

    await userEvent.click(await screen.findByRole('button', { name: 'Confirmed to the customer' }));

    expect(patch).toHaveBeenCalledWith(
      ID,
      expect.objectContaining({
        version: 3,
        status: 'confirmed',
        confirmation: expect.objectContaining({ channel: 'email' }),
      }),
    );
  });

  it('shows the server reason for a refused step', async () => {
    const { api, patch } = fakeApi(inProgressCase());
    patch.mockRejectedValueOnce(
      new Error('Cannot move to actions_done: 1 checklist item is still open'),
    );
    render(<CaseView api={api} id={ID} onBack={() => undefined} />);

    await userEvent.click(await screen.findByRole('button', { name: 'Actions done' }));

    expect((await screen.findByRole('alert')).textContent).toContain(
      'checklist item is still open',
    );
  });
});
