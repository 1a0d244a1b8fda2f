import { fireEvent, render, screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { fakeBrowser } from '@webext-core/fake-browser';
import { describe, expect, it, vi } from 'vitest';
import { CaseList, type CasesApi } from '../../components/CaseList';
import { CaseView } from '../../components/CaseView';
import { dateInputToIso } from '../../components/date-input';
import { formatTime } from '../../components/format';
import type { Case, TimelineEntry } from '../../lib/api/schemas';
import { SyncError } from '../../lib/sync/errors';
import { messagesOf } from '../setup/english-messages';

/** A date as the case view shows one the agent entered, in the tests' English UI. */
const dayOf = (iso: string): string =>
  new Date(Date.parse(iso)).toLocaleDateString('en', { dateStyle: 'medium' });

/** A deadline as the case view shows it for a case in UTC, in the tests' English UI. */
const utcDate = (iso: string) =>
  new Date(iso).toLocaleDateString('en', { dateStyle: 'medium', timeZone: 'UTC' });

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

// Each checklist button's accessible name names its item.
const DONE = 'Done: Remove from dial queues';
const NOT_APPLICABLE = 'Not applicable: Remove from dial queues';
const SAVE_REASON = 'Save reason: Remove from dial queues';

const CLOSED_CHECKLIST: Case['checklist'] = [
  { id: 'dial_queues', kind: 'dial_queues', status: 'done', by: 'Agent Ana', at: AT },
];

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
    expect(screen.getByText('Remove from dial queues')).toBeTruthy();
    expect(screen.getByText(/Case captured/)).toBeTruthy();
  });

  it("shows deadlines as dates in the case's zone", async () => {
    // The end of 4 January in Los Angeles is already 5 January in UTC.
    const item = inProgressCase({
      timeZone: 'America/Los_Angeles',
      dueAt: '2027-01-05T07:59:59.999Z',
      telemarketingDueAt: '2026-12-16T07:59:59.999Z',
    });
    render(<CaseView api={fakeApi(item).api} id={ID} onBack={() => undefined} />);

    expect(await screen.findByText('Reply due Jan 4, 2027')).toBeTruthy();
    expect(screen.getByText('DNC entry must be honoured by Dec 15, 2026')).toBeTruthy();
  });

  it("names an unnamed case by its zone's day", async () => {
    const item = inProgressCase({
      timeZone: 'Asia/Shanghai',
      receivedAt: '2026-12-04T20:00:00.000Z',
      subject: { phones: ['+8613800138000'] },
    });
    render(<CaseView api={fakeApi(item).api} id={ID} onBack={() => undefined} />);

    expect((await screen.findByRole('heading', { level: 1 })).textContent).toBe(
      'Case · received Dec 5, 2026 · EU GDPR',
    );
  });

  it('names other open cases for the numbers', async () => {
    const item = inProgressCase({
      sameNumberCases: [
        { id: '3f1dac95-0000-4000-8000-000000000001', status: 'received', createdBy: 'Agent Bo' },
      ],
    });
    render(<CaseView api={fakeApi(item).api} id={ID} onBack={() => undefined} />);

    expect((await screen.findByTestId('same-number-cases')).textContent).toBe(
      'Another open case lists these numbers: Case 3f1dac95 (captured by Agent Bo, Received).',
    );
  });

  it('ticks a checklist item with the version read', async () => {
    const { api, patch } = fakeApi(inProgressCase());
    render(<CaseView api={api} id={ID} onBack={() => undefined} />);

    await userEvent.click(await screen.findByRole('button', { name: DONE }));

    expect(patch).toHaveBeenCalledWith(ID, {
      version: 3,
      checklist: [{ itemId: 'dial_queues', status: 'done' }],
    });
  });

  it('closes the note box after saving', async () => {
    const { api, patch } = fakeApi(inProgressCase());
    const saved = inProgressCase({
      version: 4,
      checklist: [
        {
          id: 'dial_queues',
          kind: 'dial_queues',
          status: 'not_applicable',
          note: 'No dial queues in this team',
          by: 'Agent Ana',
          at: AT,
        },
      ],
    });
    api.get = vi.fn().mockResolvedValueOnce(inProgressCase()).mockResolvedValue(saved);
    render(<CaseView api={api} id={ID} onBack={() => undefined} />);

    await userEvent.click(await screen.findByRole('button', { name: NOT_APPLICABLE }));
    await userEvent.type(
      screen.getByLabelText('Why does it not apply?'),
      '  No dial queues in this team ',
    );
    await userEvent.click(screen.getByRole('button', { name: SAVE_REASON }));

    expect(patch).toHaveBeenCalledWith(ID, {
      version: 3,
      checklist: [
        { itemId: 'dial_queues', status: 'not_applicable', note: 'No dial queues in this team' },
      ],
    });
    expect(await screen.findByText('Note: No dial queues in this team')).toBeTruthy();
    expect(screen.queryByLabelText('Why does it not apply?')).toBeNull();
    expect(screen.queryByRole('button', { name: NOT_APPLICABLE })).toBeNull();
  });

  it('keeps the note box when saving fails', async () => {
    const { api, patch } = fakeApi(inProgressCase());
    patch.mockRejectedValueOnce(new Error('Case changed elsewhere'));
    render(<CaseView api={api} id={ID} onBack={() => undefined} />);

    await userEvent.click(await screen.findByRole('button', { name: NOT_APPLICABLE }));
    await userEvent.type(screen.getByLabelText('Why does it not apply?'), 'No queues');
    await userEvent.click(screen.getByRole('button', { name: SAVE_REASON }));

    expect((await screen.findByRole('alert')).textContent).toBe('Case changed elsewhere');
    expect((screen.getByLabelText('Why does it not apply?') as HTMLInputElement).value).toBe(
      'No queues',
    );
  });

  it('saves the reason on Enter', async () => {
    const { api, patch } = fakeApi(inProgressCase());
    render(<CaseView api={api} id={ID} onBack={() => undefined} />);

    await userEvent.click(await screen.findByRole('button', { name: NOT_APPLICABLE }));
    await userEvent.type(screen.getByLabelText('Why does it not apply?'), 'No queues{Enter}');

    expect(patch).toHaveBeenCalledWith(ID, {
      version: 3,
      checklist: [{ itemId: 'dial_queues', status: 'not_applicable', note: 'No queues' }],
    });
  });

  it('ignores Enter in an empty note box', async () => {
    const { api, patch } = fakeApi(inProgressCase());
    render(<CaseView api={api} id={ID} onBack={() => undefined} />);

    await userEvent.click(await screen.findByRole('button', { name: NOT_APPLICABLE }));
    await userEvent.type(screen.getByLabelText('Why does it not apply?'), '  {Enter}');

    expect(patch).not.toHaveBeenCalled();
    expect(screen.getByRole('button', { name: SAVE_REASON }).textContent).toBe('Save reason');
  });

  it('names a closed case by date and law', async () => {
    const closed = inProgressCase({
      status: 'confirmed',
      jurisdiction: 'uk_gdpr',
      receivedAt: '2026-12-05T10:00:00.000Z',
      subject: { phones: ['+442079460018'] },
      minimisedAt: AT,
      daysLeft: null,
      allowedTransitions: [],
      checklist: CLOSED_CHECKLIST,
    });
    const date = new Date('2026-12-05T10:00:00.000Z').toLocaleDateString('en', {
      dateStyle: 'medium',
    });
    render(<CaseView api={fakeApi(closed).api} id={ID} onBack={() => undefined} />);

    const heading = await screen.findByRole('heading', { level: 1 });
    expect(heading.textContent).toBe(`Closed case · received ${date} · UK GDPR`);
  });

  it('shows the full case id', async () => {
    render(<CaseView api={fakeApi(inProgressCase()).api} id={ID} onBack={() => undefined} />);

    const id = await screen.findByText(ID);
    expect(id.tagName).toBe('CODE');
    expect(id.parentElement?.textContent).toContain(`Case id: ${ID}`);
  });

  it('copies the full case id', async () => {
    const user = userEvent.setup();
    render(<CaseView api={fakeApi(inProgressCase()).api} id={ID} onBack={() => undefined} />);

    await user.click(await screen.findByRole('button', { name: 'Copy case id' }));

    expect(await navigator.clipboard.readText()).toBe(ID);
    expect(screen.getByRole('status').textContent).toBe(' Case id copied.');
  });

  it('explains a failed copy', async () => {
    const user = userEvent.setup();
    vi.spyOn(navigator.clipboard, 'writeText').mockRejectedValueOnce(new Error('Denied'));
    render(<CaseView api={fakeApi(inProgressCase()).api} id={ID} onBack={() => undefined} />);

    await user.click(await screen.findByRole('button', { name: 'Copy case id' }));

    expect((await screen.findByRole('status')).textContent).toBe(
      ' Copying failed: select the case id and copy it yourself.',
    );
  });

  it('tells closed cases apart in lists', async () => {
    const closed = inProgressCase({
      status: 'rejected',
      subject: { phones: ['+442079460018'] },
      minimisedAt: AT,
      daysLeft: null,
      allowedTransitions: [],
    });
    render(<CaseList api={fakeApi(closed).api} onOpen={() => undefined} />);

    const button = await screen.findByRole('button', {
      name: /^Closed case · received .* · EU GDPR$/,
    });
    expect(button).toBeTruthy();
    expect(screen.getByText('Case 7d8f4f0e')).toBeTruthy();
  });

  it('names removed data in words', async () => {
    const removed = [
      'subject.name',
      'subject.emails',
      'subject.crm.url',
      'notes',
      'checklist.label',
      'checklist.note',
      'statusHistory.reason',
    ];
    const closed = inProgressCase({
      status: 'confirmed',
      subject: { phones: ['+442079460018'] },
      minimisedAt: AT,
      daysLeft: null,
      allowedTransitions: [],
      checklist: CLOSED_CHECKLIST,
      timeline: [
        {
          seq: 9,
          type: 'case.minimised',
          actor: 'lead-lou',
          at: AT,
          summary: 'x',
          details: { removed },
        },
      ],
    });

    expect(await timelineTextOf(closed)).toBe(
      "lead-lou: Personal data removed from the case: the customer's name, email addresses, " +
        'the link to the CRM record, case notes, checklist notes, and reasons given for status ' +
        'changes. The numbers stay on the do-not-call list.',
    );
    expect(screen.getByText('Remove from dial queues')).toBeTruthy();
  });

  it('names removed data in Chinese', async () => {
    Object.assign(fakeBrowser.i18n, {
      getMessage: messagesOf('zh_CN'),
      getUILanguage: () => 'zh-CN',
    });
    const details = { removed: ['subject.name', 'subject.emails', 'checklist.label', 'notes'] };
    const timeline = [
      { seq: 9, type: 'case.minimised', actor: 'lead-lou', at: AT, summary: 'x', details },
    ];

    const text = await timelineTextOf(inProgressCase({ timeline }));

    expect(text).toBe(
      'lead-lou：已从工单中删除个人数据：客户姓名、电子邮件地址和工单备注。号码仍保留在禁止呼叫名单上。',
    );
    expect(text).not.toMatch(/[a-z]+\.[a-z]+/);
  });

  it('names the legal basis unnested', async () => {
    const details = { basis: 'legal_obligation', reviewer: 'lead-lou' };
    const timeline = [
      { seq: 1, type: 'case.legal_exception', actor: 'lead-lou', at: AT, summary: 'x', details },
    ];

    const text = await timelineTextOf(inProgressCase({ timeline }));

    expect(text).toBe(
      'lead-lou: Legal exception reviewed by lead-lou: Legal obligation (e.g. tax or anti-money-laundering records).',
    );
    expect(text).not.toMatch(/\([^)]*\(/);
  });

  it('closes the note box on cancel', async () => {
    const { api, patch } = fakeApi(inProgressCase());
    render(<CaseView api={api} id={ID} onBack={() => undefined} />);

    await userEvent.click(await screen.findByRole('button', { name: NOT_APPLICABLE }));
    await userEvent.click(screen.getByRole('button', { name: 'Cancel' }));

    expect(screen.queryByLabelText('Why does it not apply?')).toBeNull();
    expect(screen.getByRole('button', { name: DONE })).toBeTruthy();
    expect(patch).not.toHaveBeenCalled();
  });

  it('names the item in each checklist button', async () => {
    const checklist: Case['checklist'] = [
      { id: 'dial_queues', kind: 'dial_queues', status: 'open' },
      { id: 'campaigns', kind: 'campaigns', status: 'open' },
    ];
    render(
      <CaseView
        api={fakeApi(inProgressCase({ checklist })).api}
        id={ID}
        onBack={() => undefined}
      />,
    );

    expect(await screen.findByRole('button', { name: DONE })).toBeTruthy();
    expect(screen.getByRole('button', { name: NOT_APPLICABLE })).toBeTruthy();
    expect(
      screen.getByRole('button', { name: 'Done: Remove from running campaigns' }),
    ).toBeTruthy();
    await userEvent.click(
      screen.getByRole('button', { name: 'Not applicable: Remove from running campaigns' }),
    );
    expect(
      screen.getByRole('button', { name: 'Save reason: Remove from running campaigns' }),
    ).toBeTruthy();
  });

  it('hides the note the server wrote', async () => {
    const internal = {
      id: 'internal_dnc',
      kind: 'internal_dnc',
      status: 'done',
      note: 'Added by the server when the case was created',
    } as const;
    render(
      <CaseView
        api={fakeApi(inProgressCase({ checklist: [internal] })).api}
        id={ID}
        onBack={() => undefined}
      />,
    );

    expect(await screen.findByText('Add to the internal DNC list')).toBeTruthy();
    expect(screen.queryByText(/Added by the server/)).toBeNull();
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

    expect(await screen.findByText('Mark DNC / unsubscribed in the CRM (HubSpot)')).toBeTruthy();
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
    await userEvent.click(screen.getByRole('button', { name: 'Mark identity verified' }));

    expect(patch).toHaveBeenCalledWith(ID, {
      version: 3,
      status: 'verified',
      verification: { method: 'phone_digits', passed: true, at: expect.any(String) },
    });
  });

  it('offers only the allowed next steps', async () => {
    render(<CaseView api={fakeApi(inProgressCase()).api} id={ID} onBack={() => undefined} />);

    expect(await screen.findByRole('button', { name: 'Mark actions done' })).toBeTruthy();
    expect(screen.getByRole('button', { name: 'Send to legal review' })).toBeTruthy();
    expect(
      screen.queryByRole('button', { name: 'Record confirmation to the customer' }),
    ).toBeNull();
  });

  it.each<[string, Case['status'], Case['allowedTransitions'], string[]]>([
    ['a verified case', 'verified', ['in_progress'], ['开始处理']],
    [
      'a case in progress',
      'in_progress',
      ['actions_done', 'legal_review'],
      ['标记为处理措施已完成', '提交法律审核'],
    ],
    [
      'a case in legal review',
      'legal_review',
      ['in_progress', 'rejected'],
      ['结束法律审核，继续处理', '拒绝此申请'],
    ],
    [
      'a new case',
      'received',
      ['verified', 'verification_failed'],
      ['标记为身份已核实', '标记为身份核实失败'],
    ],
    ['a case with actions done', 'actions_done', ['confirmed'], ['记录已向客户发送确认']],
  ])(
    'names the next steps of %s as actions in Chinese',
    async (_, status, allowedTransitions, names) => {
      Object.assign(fakeBrowser.i18n, { getMessage: messagesOf('zh_CN') });
      const item = inProgressCase({ status, allowedTransitions, checklist: CLOSED_CHECKLIST });
      const { container } = render(
        <CaseView api={fakeApi(item).api} id={ID} onBack={() => undefined} />,
      );

      await screen.findByRole('heading', { name: '下一步' });
      const buttons = [...container.querySelectorAll('.next-steps .actions button')];
      expect(buttons.map((button) => button.textContent)).toEqual(names);
    },
  );

  it.each([
    [
      'en',
      'Mark actions done',
      '2 checklist items are still open. Mark each Done or Not applicable first.',
    ],
    [
      'zh_CN',
      '标记为处理措施已完成',
      '还有 2 个核对项未完成。请先将每一项标记为“已完成”或“不适用”。',
    ],
  ] as const)('disables actions done with open items in %s', async (locale, name, hint) => {
    Object.assign(fakeBrowser.i18n, { getMessage: messagesOf(locale) });
    const checklist: Case['checklist'] = [
      { id: 'dial_queues', kind: 'dial_queues', status: 'open' },
      { id: 'erase_crm', kind: 'erase_crm', status: 'open' },
      { id: 'internal_dnc', kind: 'internal_dnc', status: 'done' },
    ];
    const { api, patch } = fakeApi(inProgressCase({ checklist }));
    render(<CaseView api={api} id={ID} onBack={() => undefined} />);

    const button = (await screen.findByRole('button', { name })) as HTMLButtonElement;
    await userEvent.click(button);

    expect(button.disabled).toBe(true);
    expect(screen.getByText(hint)).toBeTruthy();
    expect(button.getAttribute('aria-describedby')).toBe(screen.getByText(hint).id);
    expect(patch).not.toHaveBeenCalled();
  });

  it('names one open item in the singular', async () => {
    render(<CaseView api={fakeApi(inProgressCase()).api} id={ID} onBack={() => undefined} />);

    expect(
      await screen.findByText(
        '1 checklist item is still open. Mark it Done or Not applicable first.',
      ),
    ).toBeTruthy();
  });

  it('offers actions done once every item is closed', async () => {
    const { api, patch } = fakeApi(inProgressCase({ checklist: CLOSED_CHECKLIST }));
    render(<CaseView api={api} id={ID} onBack={() => undefined} />);

    await userEvent.click(await screen.findByRole('button', { name: 'Mark actions done' }));

    expect(patch).toHaveBeenCalledWith(ID, { version: 3, status: 'actions_done' });
    expect(screen.queryByText(/still open/)).toBeNull();
  });

  it('disables reject until a reason is given', async () => {
    const { api, patch } = fakeApi(
      inProgressCase({
        status: 'verification_failed',
        allowedTransitions: ['rejected'],
        checklist: [],
      }),
    );
    render(<CaseView api={api} id={ID} onBack={() => undefined} />);

    const button = (await screen.findByRole('button', {
      name: 'Reject the request',
    })) as HTMLButtonElement;
    expect(button.disabled).toBe(true);
    expect(screen.getByText('Fill in the fields above before you reject the case.')).toBeTruthy();

    await userEvent.type(screen.getByLabelText('Reason'), 'Could not verify the caller');
    await userEvent.click(button);

    expect(button.disabled).toBe(false);
    expect(patch).toHaveBeenCalledWith(ID, {
      version: 3,
      status: 'rejected',
      rejection: { reason: 'Could not verify the caller' },
    });
  });

  it('sends the confirmation with the confirm step', async () => {
    const { api, patch } = fakeApi(
      inProgressCase({ status: 'actions_done', allowedTransitions: ['confirmed'], checklist: [] }),
    );
    render(<CaseView api={api} id={ID} onBack={() => undefined} />);

    await userEvent.click(
      await screen.findByRole('button', { name: 'Record confirmation to the customer' }),
    );

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
    // The view saw every item closed, but the server found one open.
    const { api, patch } = fakeApi(inProgressCase({ checklist: CLOSED_CHECKLIST }));
    patch.mockRejectedValueOnce(
      new Error('Cannot move to actions_done: 1 checklist item is still open'),
    );
    render(<CaseView api={api} id={ID} onBack={() => undefined} />);

    await userEvent.click(await screen.findByRole('button', { name: 'Mark actions done' }));

    expect((await screen.findByRole('alert')).textContent).toContain(
      'checklist item is still open',
    );
  });

  it.each<[string, TimelineEntry['details'], string]>([
    [
      'case.created',
      { channel: 'phone_call', scope: 'phone_only', jurisdiction: 'eu_gdpr', dueAt: AT },
      `Request captured (Phone call, The phone number only, EU GDPR). Reply due ${utcDate(AT)}.`,
    ],
    [
      'suppressions.added',
      { added: 1, alreadyPresent: 0 },
      '1 number added to the do-not-call list, 0 already on it.',
    ],
    [
      'suppressions.added',
      { added: 0, addedBeforeCase: 1, alreadyPresent: 2 },
      '1 number added to the do-not-call list, 2 already on it.',
    ],
    [
      'case.verification',
      { method: 'phone_digits', passed: false },
      'Identity not verified (Last 4 digits of the phone number).',
    ],
    [
      'case.status_changed',
      { from: 'in_progress', to: 'actions_done' },
      'Status changed from In progress to Actions done.',
    ],
    [
      'case.checklist_item',
      { itemId: 'dial_queues', kind: 'dial_queues', status: 'done' },
      'Checklist: Remove from dial queues set to Done.',
    ],
    ['case.processor', { name: 'Mailer Ltd' }, 'Processor Mailer Ltd recorded.'],
    [
      'case.processor',
      { name: 'Mailer Ltd', notifiedAt: AT },
      `Processor Mailer Ltd: notified on ${dayOf(AT)}.`,
    ],
    ['case.notes_changed', {}, 'Notes changed.'],
    ['case.extension', { extendedDueAt: AT }, `Reply deadline extended to ${utcDate(AT)}.`],
    [
      'case.legal_exception',
      { basis: 'legal_claims', reviewer: 'lead-lou' },
      'Legal exception reviewed by lead-lou: Establishing, exercising or defending legal claims.',
    ],
    [
      'case.confirmation',
      { channel: 'letter', sentAt: AT },
      `Confirmation sent to the customer (Letter) on ${dayOf(AT)}.`,
    ],
    [
      'case.minimised',
      { removed: ['subject.name', 'notes'] },
      "Personal data removed from the case: the customer's name and case notes. The numbers stay on the do-not-call list.",
    ],
    [
      'case.suppression_removed',
      { e164: '+442079460018', reason: 'Number of another customer' },
      '+442079460018 taken off the do-not-call list. Reason: Number of another customer',
    ],
  ])('describes a %s entry from its details', async (type, details, expected) => {
    const timeline = [
      { seq: 1, type, actor: 'Agent Ana', at: AT, summary: 'English summary', details },
    ];

    expect(await timelineTextOf(inProgressCase({ timeline }))).toBe(`Agent Ana: ${expected}`);
  });

  it('names the checklist item with its system', async () => {
    const checklist = [
      { id: 'crm_dnc_flag', kind: 'crm_dnc_flag', system: 'HubSpot', status: 'open' },
    ] as const;
    const details = { itemId: 'crm_dnc_flag', kind: 'crm_dnc_flag', status: 'not_applicable' };
    const timeline = [
      { seq: 1, type: 'case.checklist_item', actor: 'Agent Ana', at: AT, summary: 'x', details },
    ];

    expect(await timelineTextOf(inProgressCase({ checklist: [...checklist], timeline }))).toBe(
      'Agent Ana: Checklist: Mark DNC / unsubscribed in the CRM (HubSpot) set to Not applicable.',
    );
  });

  it('adds the note of a not-applicable item', async () => {
    const checklist = [
      {
        id: 'crm_dnc_flag',
        kind: 'crm_dnc_flag',
        system: 'HubSpot',
        status: 'not_applicable',
        note: 'The contact was never in HubSpot.',
        by: 'Agent Ana',
        at: AT,
      },
    ] as const;
    const details = {
      itemId: 'crm_dnc_flag',
      kind: 'crm_dnc_flag',
      status: 'not_applicable',
      withNote: true,
    };
    const timeline = [
      { seq: 1, type: 'case.checklist_item', actor: 'Agent Ana', at: AT, summary: 'x', details },
    ];

    expect(await timelineTextOf(inProgressCase({ checklist: [...checklist], timeline }))).toBe(
      'Agent Ana: Checklist: Mark DNC / unsubscribed in the CRM (HubSpot) set to Not applicable. ' +
        'Note: The contact was never in HubSpot.',
    );
  });

  it('shows timeline entries in Chinese', async () => {
    Object.assign(fakeBrowser.i18n, {
      getMessage: messagesOf('zh_CN'),
      getUILanguage: () => 'zh-CN',
    });
    const details = { from: 'in_progress', to: 'actions_done' };
    const timeline = [
      {
        seq: 1,
        type: 'case.status_changed',
        actor: 'Agent Ana',
        at: AT,
        summary: 'Status changed',
        details,
      },
    ];

    expect(await timelineTextOf(inProgressCase({ timeline }))).toBe(
      'Agent Ana：状态由“处理中”变为“处理措施已完成”。',
    );
  });

  it('names who ticked an item with Chinese punctuation', async () => {
    Object.assign(fakeBrowser.i18n, {
      getMessage: messagesOf('zh_CN'),
      getUILanguage: () => 'zh-CN',
    });
    const { container } = render(
      <CaseView
        api={fakeApi(inProgressCase({ checklist: CLOSED_CHECKLIST })).api}
        id={ID}
        onBack={() => undefined}
      />,
    );

    const item = await waitFor(() => {
      const found = container.querySelector('[data-item="dial_queues"]');
      if (!found) throw new Error('no checklist item rendered yet');
      return found;
    });
    expect(item.textContent).toContain(`Agent Ana，${formatTime(Date.parse(AT))}`);
    expect(item.textContent).not.toContain('Agent Ana,');
  });

  it.each<[string, string, TimelineEntry['details']]>([
    ['an unknown type', 'case.archived', { reason: 'retention' }],
    ['an unknown removed field', 'case.minimised', { removed: ['subject.name', 'subject.age'] }],
    ['an unknown status', 'case.status_changed', { from: 'in_progress', to: 'escalated' }],
    ['a missing field', 'case.confirmation', { channel: 'email' }],
    ['no details', 'case.status_changed', undefined],
  ])('falls back to the summary for %s', async (_, type, details) => {
    const timeline = [
      { seq: 1, type, actor: 'Agent Ana', at: AT, summary: 'Summary from the server', details },
    ];

    expect(await timelineTextOf(inProgressCase({ timeline }))).toBe(
      'Agent Ana: Summary from the server',
    );
  });
});

const GDPR_RULE = {
  label: 'EU GDPR',
  response: { count: 1, unit: 'calendar_months' },
  responseIsSetting: false,
  extension: { count: 2, unit: 'calendar_months' },
  acknowledgement: null,
  telemarketing: null,
  source: 'GDPR Art. 12(3)',
} as const;

const CONFLICT = new SyncError('rejected', 'Changing the case failed (HTTP 409).', {
  status: 409,
  apiCode: 'version_conflict',
  detail: 'case is at version 4, not 3; reread it and retry',
});

/** A date field's value: jsdom takes no typing into `type="date"`. */
function pickDate(label: string, value: string) {
  fireEvent.change(screen.getByLabelText(label), { target: { value } });
}

describe('deadline extension', () => {
  const open = (overrides: Partial<Case> = {}) =>
    inProgressCase({ deadlineRule: GDPR_RULE, ...overrides });

  it('extends the deadline for a lead', async () => {
    const { api, patch } = fakeApi(open());
    const extended = open({
      version: 4,
      extensions: [{ extendedAt: AT, noticeSentAt: AT, reason: 'Many systems to search' }],
      extendedDueAt: '2027-03-01T23:59:59.999Z',
      timeline: [
        {
          seq: 2,
          type: 'case.extension',
          actor: 'lead-lou',
          at: AT,
          summary: 'x',
          details: { extendedDueAt: '2027-03-01T23:59:59.999Z' },
        },
      ],
    });
    api.get = vi.fn().mockResolvedValueOnce(open()).mockResolvedValue(extended);
    render(<CaseView api={api} id={ID} role="lead" onBack={() => undefined} />);

    const button = (await screen.findByRole('button', {
      name: 'Extend the deadline',
    })) as HTMLButtonElement;
    expect(button.disabled).toBe(true);
    pickDate('Customer told on', '2026-12-02');
    await userEvent.type(
      screen.getByLabelText('Reason given to the customer'),
      'Many systems to search',
    );
    await userEvent.click(button);

    expect(patch).toHaveBeenCalledWith(ID, {
      version: 3,
      extension: {
        extendedAt: expect.any(String),
        noticeSentAt: dateInputToIso('2026-12-02'),
        reason: 'Many systems to search',
      },
    });
    expect(
      await screen.findByText(
        `Extended: reply due ${utcDate('2027-03-01T12:00:00Z')} instead of ${utcDate('2027-01-01T12:00:00Z')}.`,
      ),
    ).toBeTruthy();
    expect(screen.getByText(/Reply deadline extended to/)).toBeTruthy();
    expect(screen.queryByRole('button', { name: 'Extend the deadline' })).toBeNull();
    expect(screen.getByText('The one extension the law allows is already recorded.')).toBeTruthy();
  });

  it('leaves the extension to a lead', async () => {
    render(<CaseView api={fakeApi(open()).api} id={ID} role="agent" onBack={() => undefined} />);

    expect(await screen.findByText('A lead or admin can extend the reply deadline.')).toBeTruthy();
    expect(screen.queryByRole('button', { name: 'Extend the deadline' })).toBeNull();
  });

  it.each([
    ['en', 'The law of this case (China PIPL) gives no extension of the reply period.'],
    ['zh_CN', '本工单适用的法律（中国《个人信息保护法》）不允许延长答复期限。'],
  ] as const)('says in %s when the law gives no extension', async (locale, reason) => {
    Object.assign(fakeBrowser.i18n, { getMessage: messagesOf(locale) });
    const item = open({
      jurisdiction: 'china_pipl',
      deadlineRule: { ...GDPR_RULE, label: 'China PIPL', extension: null },
    });
    render(<CaseView api={fakeApi(item).api} id={ID} role="lead" onBack={() => undefined} />);

    expect(await screen.findByText(reason)).toBeTruthy();
    expect(screen.queryByLabelText('Customer told on')).toBeNull();
  });

  it('refuses a notice sent after the reply date', async () => {
    const { api, patch } = fakeApi(open({ dueAt: '2026-11-30T23:59:59.999Z' }));
    render(<CaseView api={api} id={ID} role="admin" onBack={() => undefined} />);

    const button = (await screen.findByRole('button', {
      name: 'Extend the deadline',
    })) as HTMLButtonElement;
    pickDate('Customer told on', '2026-12-02');
    await userEvent.type(screen.getByLabelText('Reason given to the customer'), 'Busy');
    await userEvent.click(button);

    const hint = screen.getByText(
      `The customer must be told by ${utcDate('2026-11-30T12:00:00Z')}; a later notice does not extend the deadline.`,
    );
    expect(button.disabled).toBe(true);
    expect(button.getAttribute('aria-describedby')).toBe(hint.id);
    expect(patch).not.toHaveBeenCalled();
  });
});

describe('processors', () => {
  const localDate = (value: string) =>
    new Date(dateInputToIso(value)).toLocaleDateString('en', { dateStyle: 'medium' });

  it('adds a notified processor', async () => {
    const { api, patch } = fakeApi(inProgressCase());
    render(<CaseView api={api} id={ID} onBack={() => undefined} />);

    expect(await screen.findByText('No processors recorded.')).toBeTruthy();
    await userEvent.type(screen.getByLabelText('Processor name'), ' Mailer Ltd ');
    pickDate('Notified on', '2026-12-02');
    await userEvent.click(screen.getByRole('button', { name: 'Add processor' }));

    expect(patch).toHaveBeenCalledWith(ID, {
      version: 3,
      processors: [{ name: 'Mailer Ltd', notifiedAt: dateInputToIso('2026-12-02') }],
    });
  });

  it('confirms a notified processor', async () => {
    const notifiedAt = dateInputToIso('2026-12-02');
    const { api, patch } = fakeApi(
      inProgressCase({ processors: [{ name: 'Mailer Ltd', notifiedAt }] }),
    );
    render(<CaseView api={api} id={ID} onBack={() => undefined} />);

    expect(
      await screen.findByText(`notified ${localDate('2026-12-02')}`, { exact: false }),
    ).toBeTruthy();
    await userEvent.click(
      screen.getByRole('button', { name: 'Confirmation received: Mailer Ltd' }),
    );
    pickDate('Confirmation received on', '2026-12-01');
    const save = screen.getByRole('button', { name: 'Save' }) as HTMLButtonElement;
    expect(save.disabled).toBe(true);
    expect(
      screen.getByText(
        `The confirmation cannot be dated before the notification (${localDate('2026-12-02')}).`,
      ),
    ).toBeTruthy();

    pickDate('Confirmation received on', '2026-12-03');
    await userEvent.click(save);

    expect(patch).toHaveBeenCalledWith(ID, {
      version: 3,
      processors: [{ name: 'Mailer Ltd', confirmedAt: dateInputToIso('2026-12-03') }],
    });
  });

  it('refuses a processor already listed', async () => {
    const { api, patch } = fakeApi(inProgressCase({ processors: [{ name: 'Mailer Ltd' }] }));
    render(<CaseView api={api} id={ID} onBack={() => undefined} />);

    await userEvent.type(await screen.findByLabelText('Processor name'), 'mailer ltd{Enter}');

    expect(screen.getByText('Mailer Ltd is already listed.')).toBeTruthy();
    expect(patch).not.toHaveBeenCalled();
  });

  it('records processors only in progress', async () => {
    const item = inProgressCase({
      status: 'verified',
      allowedTransitions: ['in_progress'],
      processors: [{ name: 'Mailer Ltd' }],
    });
    render(<CaseView api={fakeApi(item).api} id={ID} onBack={() => undefined} />);

    expect(
      await screen.findByText('Processors can be recorded while the case is in progress.'),
    ).toBeTruthy();
    expect(screen.getByText('not notified yet')).toBeTruthy();
    expect(screen.queryByLabelText('Processor name')).toBeNull();
    expect(screen.queryByRole('button', { name: 'Record notification: Mailer Ltd' })).toBeNull();
  });
});

describe('processor checklist item', () => {
  const NOTIFIED = dateInputToIso('2026-12-02');
  const CONFIRMED = dateInputToIso('2026-12-03');
  const DONE_ACME = 'Done: Tell the processor to delete (Acme Dialer Inc.)';

  function processorCase(processors: Case['processors']): Case {
    return inProgressCase({
      checklist: [
        {
          id: 'processor:acme dialer inc.',
          kind: 'processor_notified',
          system: 'Acme Dialer Inc.',
          status: 'open',
        },
      ],
      processors,
    });
  }

  it.each<[string, Case['processors'], string]>([
    [
      'not listed',
      [],
      'Before marking this done, add Acme Dialer Inc. under Processors with the date it was notified, then choose Confirmation received once it confirms deletion.',
    ],
    [
      'not notified',
      [{ name: 'Acme Dialer Inc.' }],
      'Before marking this done, record when Acme Dialer Inc. was notified (Record notification, under Processors), then choose Confirmation received once it confirms deletion.',
    ],
    [
      'not confirmed',
      [{ name: 'Acme Dialer Inc.', notifiedAt: NOTIFIED }],
      'Before marking this done, record when Acme Dialer Inc. confirmed deletion: choose Confirmation received under Processors.',
    ],
  ])('disables Done while %s', async (_state, processors, hint) => {
    render(
      <CaseView api={fakeApi(processorCase(processors)).api} id={ID} onBack={() => undefined} />,
    );

    const done = (await screen.findByRole('button', { name: DONE_ACME })) as HTMLButtonElement;
    expect(done.disabled).toBe(true);
    expect(done.getAttribute('aria-describedby')).toBe(screen.getByText(hint).id);
    const notApplicable = screen.getByRole('button', {
      name: 'Not applicable: Tell the processor to delete (Acme Dialer Inc.)',
    }) as HTMLButtonElement;
    expect(notApplicable.disabled).toBe(false);
  });

  it('explains the wait in Chinese', async () => {
    Object.assign(fakeBrowser.i18n, { getMessage: messagesOf('zh_CN') });
    const item = processorCase([{ name: 'Acme Dialer Inc.', notifiedAt: NOTIFIED }]);
    render(<CaseView api={fakeApi(item).api} id={ID} onBack={() => undefined} />);

    expect(
      await screen.findByText(
        '标记为已完成之前，请记录“Acme Dialer Inc.”确认删除的日期：在“受托处理方”下点击“已收到确认”。',
      ),
    ).toBeTruthy();
  });

  it('offers Done once confirmed', async () => {
    const item = processorCase([
      { name: 'Acme Dialer Inc.', notifiedAt: NOTIFIED, confirmedAt: CONFIRMED },
    ]);
    const { api, patch } = fakeApi(item);
    render(<CaseView api={api} id={ID} onBack={() => undefined} />);

    const done = (await screen.findByRole('button', { name: DONE_ACME })) as HTMLButtonElement;
    expect(done.disabled).toBe(false);
    expect(done.getAttribute('aria-describedby')).toBeNull();
    await userEvent.click(done);

    expect(patch).toHaveBeenCalledWith(ID, {
      version: 3,
      checklist: [{ itemId: 'processor:acme dialer inc.', status: 'done' }],
    });
  });

  it('explains a rejected tick', async () => {
    const item = processorCase([
      { name: 'Acme Dialer Inc.', notifiedAt: NOTIFIED, confirmedAt: CONFIRMED },
    ]);
    const onServer = processorCase([{ name: 'Acme Dialer Inc.', notifiedAt: NOTIFIED }]);
    const { api, patch } = fakeApi(item);
    api.get = vi.fn().mockResolvedValueOnce(item).mockResolvedValue(onServer);
    patch.mockRejectedValueOnce(
      new SyncError('rejected', 'Changing the case failed (HTTP 409).', {
        status: 409,
        apiCode: 'missing_field',
        detail:
          'Record when Acme Dialer Inc. was notified and when it confirmed deletion before ticking this item',
      }),
    );
    render(<CaseView api={api} id={ID} onBack={() => undefined} />);

    await userEvent.click(await screen.findByRole('button', { name: DONE_ACME }));

    expect((await screen.findByRole('alert')).textContent).toBe(
      'The server has no deletion confirmation from Acme Dialer Inc. yet. Record when it was notified and when it confirmed deletion under Processors (Confirmation received), then mark this done.',
    );
    const done = screen.getByRole('button', { name: DONE_ACME }) as HTMLButtonElement;
    await waitFor(() => expect(done.disabled).toBe(true));
  });
});

describe('case notes', () => {
  it('saves edited notes and shows them', async () => {
    const { api, patch } = fakeApi(inProgressCase({ notes: 'Called twice' }));
    const saved = inProgressCase({
      version: 4,
      notes: 'Called twice\nAsked for email confirmation',
      timeline: [
        {
          seq: 2,
          type: 'case.notes_changed',
          actor: 'Agent Ana',
          at: AT,
          summary: 'x',
          details: {},
        },
      ],
    });
    api.get = vi
      .fn()
      .mockResolvedValueOnce(inProgressCase({ notes: 'Called twice' }))
      .mockResolvedValue(saved);
    render(<CaseView api={api} id={ID} onBack={() => undefined} />);

    await userEvent.click(await screen.findByRole('button', { name: 'Edit notes' }));
    await userEvent.type(screen.getByLabelText('Notes'), '{Enter}Asked for email confirmation');
    await userEvent.click(screen.getByRole('button', { name: 'Save notes' }));

    expect(patch).toHaveBeenCalledWith(ID, {
      version: 3,
      notes: 'Called twice\nAsked for email confirmation',
    });
    expect(await screen.findByText(/Notes changed\./)).toBeTruthy();
    expect(screen.queryByLabelText('Notes')).toBeNull();
    expect(document.querySelector('.case-notes')?.textContent).toBe(
      'Called twice\nAsked for email confirmation',
    );
  });

  it('keeps the notes draft after a conflict', async () => {
    const { api, patch } = fakeApi(inProgressCase({ notes: '' }));
    patch.mockRejectedValueOnce(CONFLICT);
    const changed = inProgressCase({ version: 4, notes: 'Written by a lead' });
    api.get = vi
      .fn()
      .mockResolvedValueOnce(inProgressCase({ notes: '' }))
      .mockResolvedValue(changed);
    render(<CaseView api={api} id={ID} onBack={() => undefined} />);

    expect(await screen.findByText('No notes.')).toBeTruthy();
    await userEvent.click(screen.getByRole('button', { name: 'Edit notes' }));
    await userEvent.type(screen.getByLabelText('Notes'), 'Customer asked twice');
    await userEvent.click(screen.getByRole('button', { name: 'Save notes' }));

    expect((await screen.findByRole('alert')).textContent).toBe(
      'Someone else changed this case meanwhile. Check the case as it is now and try again.',
    );
    expect(await screen.findByText('Written by a lead')).toBeTruthy();
    expect((screen.getByLabelText('Notes') as HTMLTextAreaElement).value).toBe(
      'Customer asked twice',
    );

    await userEvent.click(screen.getByRole('button', { name: 'Save notes' }));

    expect(patch).toHaveBeenLastCalledWith(ID, { version: 4, notes: 'Customer asked twice' });
  });

  it('offers no editing once the case is closed', async () => {
    const closed = inProgressCase({
      status: 'confirmed',
      notes: 'Kept until closing',
      daysLeft: null,
      allowedTransitions: [],
      checklist: CLOSED_CHECKLIST,
    });
    render(<CaseView api={fakeApi(closed).api} id={ID} role="lead" onBack={() => undefined} />);

    expect(await screen.findByText('Kept until closing')).toBeTruthy();
    expect(screen.queryByRole('button', { name: 'Edit notes' })).toBeNull();
    expect(screen.queryByRole('heading', { name: 'Deadline extension' })).toBeNull();
  });
});

/** Renders the case and returns the text of its first timeline entry after the time. */
async function timelineTextOf(item: Case): Promise<string> {
  const { container } = render(
    <CaseView api={fakeApi(item).api} id={ID} onBack={() => undefined} />,
  );
  const entry = await waitFor(() => {
    const found = container.querySelector('.timeline li');
    if (!found) throw new Error('no timeline entry rendered yet');
    return found;
  });
  const time = entry.querySelector('.help')?.textContent ?? '';
  return (entry.textContent ?? '').slice(time.length).trim();
}

const REFUSED_STEP = new SyncError('rejected', 'Changing the case failed (HTTP 409).', {
  status: 409,
  apiCode: 'incomplete_checklist',
  detail: 'Cannot move to actions_done: 1 checklist item is still open',
});

describe('case error text', () => {
  it.each([
    ['en', 'Mark actions done', 'Some checklist items are still open.'],
    ['zh_CN', '标记为处理措施已完成', '核对清单中仍有未完成的项目。'],
  ] as const)('explains a refused step in %s', async (locale, button, expected) => {
    Object.assign(fakeBrowser.i18n, { getMessage: messagesOf(locale) });
    const { api, patch } = fakeApi(inProgressCase({ checklist: CLOSED_CHECKLIST }));
    patch.mockRejectedValueOnce(REFUSED_STEP);
    render(<CaseView api={api} id={ID} onBack={() => undefined} />);

    await userEvent.click(await screen.findByRole('button', { name: button }));

    expect((await screen.findByRole('alert')).textContent).toBe(expected);
  });

  it('falls back for an unknown problem code', async () => {
    const archived = new SyncError('rejected', 'Reading the case failed (HTTP 410).', {
      status: 410,
      apiCode: 'case_archived',
      detail: 'Case was archived',
    });
    const { api } = fakeApi(inProgressCase());
    api.get = async () => Promise.reject(archived);
    render(<CaseView api={api} id={ID} onBack={() => undefined} />);

    expect((await screen.findByRole('alert')).textContent).toBe(
      'The server rejected the request. Details: HTTP 410: Case was archived',
    );
  });

  it('explains why the case list is missing', async () => {
    const { api } = fakeApi(inProgressCase());
    api.list = async () => ({
      cases: [],
      waiting: [],
      error: 'Reading your cases failed: could not reach the API at dnc.example.com.',
      problem: { code: 'offline', host: 'dnc.example.com' },
    });
    render(<CaseList api={api} onOpen={() => undefined} />);

    expect((await screen.findByRole('alert')).textContent).toBe(
      'Could not read cases from the server: Could not reach the server at dnc.example.com. Check the network connection and the API URL; DNC Guard retries on its own.',
    );
  });

  it('explains why a waiting case was not sent', async () => {
    const { api } = fakeApi(inProgressCase());
    api.list = async () => ({
      cases: [],
      waiting: [
        {
          id: ID,
          name: 'Ana García',
          receivedAt: AT,
          lastError: 'Needs attention: Sending deletion case failed: HTTP 409',
          lastProblem: {
            code: 'rejected',
            status: 409,
            apiCode: 'id_conflict',
            detail: 'case already exists with a different body',
          },
        },
      ],
    });
    render(<CaseList api={api} onOpen={() => undefined} />);

    expect(
      await screen.findByText('The server already has a case with this id and different content.'),
    ).toBeTruthy();
  });
});
