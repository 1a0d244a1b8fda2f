import { fireEvent, render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { fakeBrowser } from '@webext-core/fake-browser';
import { describe, expect, it, vi } from 'vitest';
import { CaptureForm, type CaptureApi } from '../../components/CaptureForm';
import type { RecordSnapshot } from '../../lib/sites/types';
import { messagesOf } from '../setup/english-messages';

const RECORD: RecordSnapshot = {
  system: 'crm.example',
  recordId: '003XX0000012345',
  url: 'https://crm.example/contacts/003XX0000012345',
  name: 'Ana García',
  phones: ['+44 20 7946 0018', '(212) 555-0187'],
  emails: ['ana.garcia@example.com'],
  phonesCut: 0,
  leftOutPhones: [],
  people: [],
  title: 'Ana García | Contact | Example CRM',
};

const CASE_ID = '7d8f4f0e-2b7c-4c52-9a49-2f4f3f7d9a10';
const NEXT_CASE_ID = '0b6a53c1-9f4e-4d0a-8c1e-5a7b2e9d4f21';

function fakeApi(record: RecordSnapshot | Error | null = RECORD, country = 'US') {
  const capture = vi.fn<CaptureApi['capture']>(async () => 2);
  const newId = vi
    .fn<CaptureApi['newId']>()
    .mockReturnValueOnce(CASE_ID)
    .mockReturnValue(NEXT_CASE_ID);
  const api: CaptureApi = {
    readRecord: async () => {
      if (record instanceof Error) throw record;
      return record;
    },
    capture,
    defaultCountry: async () => country,
    newId,
  };
  return { api, capture };
}

const savedIds = (capture: ReturnType<typeof fakeApi>['capture']) =>
  capture.mock.calls.map(([body]) => body.id);

const saveButton = () => screen.getByRole('button', { name: 'Save and suppress now' });

describe('CaptureForm', () => {
  it('prefills the form from the record on screen', async () => {
    render(<CaptureForm api={fakeApi().api} />);

    expect(await screen.findByDisplayValue('Ana García')).toBeTruthy();
    expect(
      (screen.getByLabelText('Phone numbers (one per line)') as HTMLTextAreaElement).value,
    ).toBe('+44 20 7946 0018\n(212) 555-0187');
    expect(screen.getByDisplayValue('003XX0000012345')).toBeTruthy();
  });

  it('says the record link needs a record id', async () => {
    render(<CaptureForm api={fakeApi({ ...RECORD, recordId: null }).api} />);
    await screen.findByDisplayValue('Ana García');

    const recordId = screen.getByLabelText('Record id');
    const hint = screen.getByText(/Without a record id/);
    expect(recordId.getAttribute('aria-describedby')).toBe(hint.id);

    await userEvent.type(recordId, '003XX0000012345');
    expect(screen.queryByText(/Without a record id/)).toBeNull();
  });

  it('submits normalised numbers and the chosen fields', async () => {
    const { api, capture } = fakeApi();
    render(<CaptureForm api={api} />);
    await screen.findByDisplayValue('Ana García');

    await userEvent.selectOptions(screen.getByLabelText('Channel'), 'email');
    await userEvent.click(screen.getByLabelText('All personal data'));
    await userEvent.selectOptions(screen.getByLabelText('Jurisdiction'), 'us_ccpa_cpra');
    await userEvent.click(screen.getByRole('button', { name: 'Save and suppress now' }));

    expect(await screen.findByText(/2 numbers are blocked now/)).toBeTruthy();
    const [body] = capture.mock.calls[0] as unknown as [Record<string, unknown>];
    expect(body).toMatchObject({
      channel: 'email',
      scope: 'all_personal_data',
      jurisdiction: 'us_ccpa_cpra',
      subject: {
        name: 'Ana García',
        phones: ['+442079460018', '+12125550187'],
        emails: ['ana.garcia@example.com'],
        crm: { system: 'crm.example', recordId: '003XX0000012345', url: RECORD.url },
      },
    });
  });

  it("sends the time zone of the agent's clock", async () => {
    const resolved = Intl.DateTimeFormat.prototype.resolvedOptions;
    vi.spyOn(Intl.DateTimeFormat.prototype, 'resolvedOptions').mockImplementation(function (
      this: Intl.DateTimeFormat,
    ) {
      return { ...resolved.call(this), timeZone: 'Asia/Shanghai' };
    });
    const { api, capture } = fakeApi();
    render(<CaptureForm api={api} />);
    await screen.findByDisplayValue('Ana García');

    await userEvent.click(saveButton());

    await screen.findByText(/2 numbers are blocked now/);
    vi.restoreAllMocks();
    expect(capture.mock.calls[0]?.[0].timeZone).toBe('Asia/Shanghai');
  });

  it('refuses a typed phone that is not a number', async () => {
    const { api, capture } = fakeApi({ ...RECORD, phones: [] });
    render(<CaptureForm api={api} />);
    await screen.findByDisplayValue('Ana García');

    await userEvent.type(screen.getByLabelText('Phone numbers (one per line)'), '12345');
    await userEvent.click(screen.getByRole('button', { name: 'Save and suppress now' }));

    expect((await screen.findByRole('alert')).textContent).toBe(
      '"12345" is not a valid phone number in the default country (United States). ' +
        'Write it with its country code, such as +44 20 7946 0018.',
    );
    expect(capture).not.toHaveBeenCalled();
  });

  it.each<[string, Partial<RecordSnapshot>, string]>([
    [
      'an invalid email',
      { emails: ['王芳的邮箱'] },
      'Check the form: The email address "王芳的邮箱" is not valid.',
    ],
    [
      'too many emails',
      { emails: Array.from({ length: 21 }, (_, n) => `ana${n}@example.com`) },
      'Check the form: "Email addresses" has too many entries: enter at most 20.',
    ],
    ['a blank name', { name: '   ' }, 'Check the form: Fill in "Name".'],
    [
      'an invalid record URL',
      { url: 'http://crm example/contacts/1' },
      'Check the form: The record URL "http://crm example/contacts/1" is not a valid web address.',
    ],
    [
      'a long CRM system',
      { system: 'x'.repeat(101) },
      'Check the form: "CRM system" is too long: enter at most 100 characters.',
    ],
    ['a blank record id', { recordId: '  ' }, 'Check the form: Fill in "Record id".'],
  ])('names the field of %s', async (_, record, expected) => {
    const { api, capture } = fakeApi({ ...RECORD, ...record });
    const { container } = render(<CaptureForm api={api} />);
    await screen.findByText(/^Filled in from/);

    // Submitted past the browser's own checks of required and URL fields, which the schema repeats.
    fireEvent.submit(container.querySelector('form') as HTMLFormElement);

    expect((await screen.findByRole('alert')).textContent).toBe(expected);
    expect(capture).not.toHaveBeenCalled();
  });

  it('asks for a phone when only spaces are typed', async () => {
    const { api, capture } = fakeApi({ ...RECORD, phones: [] });
    const { container } = render(<CaptureForm api={api} />);
    await screen.findByDisplayValue('Ana García');

    await userEvent.type(screen.getByLabelText('Phone numbers (one per line)'), '   ');
    fireEvent.submit(container.querySelector('form') as HTMLFormElement);

    expect((await screen.findByRole('alert')).textContent).toBe(
      'Check the form: Fill in "Phone numbers".',
    );
    expect(capture).not.toHaveBeenCalled();
  });

  it('asks for the time received when it is cleared', async () => {
    const { api, capture } = fakeApi();
    const { container } = render(<CaptureForm api={api} />);
    await screen.findByDisplayValue('Ana García');

    fireEvent.change(screen.getByLabelText('Received at'), { target: { value: '' } });
    fireEvent.submit(container.querySelector('form') as HTMLFormElement);

    expect((await screen.findByRole('alert')).textContent).toBe(
      'Check the form: Enter the date and time the request was received.',
    );
    expect(capture).not.toHaveBeenCalled();
  });

  it('names an invalid email in Chinese', async () => {
    Object.assign(fakeBrowser.i18n, {
      getMessage: messagesOf('zh_CN'),
      getUILanguage: () => 'zh-CN',
    });
    const { api } = fakeApi({ ...RECORD, emails: ['王芳的邮箱'] });
    render(<CaptureForm api={api} />);
    await screen.findByDisplayValue('王芳的邮箱');

    await userEvent.click(screen.getByRole('button', { name: '保存并立即禁呼' }));

    expect((await screen.findByRole('alert')).textContent).toBe(
      '请检查表单：电子邮箱“王芳的邮箱”格式不正确。',
    );
  });

  it('asks for a record page in Chinese', async () => {
    Object.assign(fakeBrowser.i18n, {
      getMessage: messagesOf('zh_CN'),
      getUILanguage: () => 'zh-CN',
    });
    render(<CaptureForm api={fakeApi(null).api} />);

    expect((await screen.findByRole('alert')).textContent).toBe(
      '此窗口中没有打开的 CRM 记录页。请打开客户的记录，再点击“读取当前页面的记录”，或手动填写。',
    );
  });

  it('names the numbers of other people', async () => {
    const record = { ...RECORD, leftOutPhones: ['+1 617 555 0141', '+1 617 555 0149'] };
    render(<CaptureForm api={fakeApi(record).api} />);
    await screen.findByDisplayValue('Ana García');

    const note = screen.getByText(
      'Left out 2 numbers of other people on this record: +1 617 555 0141, +1 617 555 0149. ' +
        'If one belongs to this person, add it.',
    );
    const phones = screen.getByLabelText('Phone numbers (one per line)');
    expect(phones.getAttribute('aria-describedby')).toBe(note.id);
  });

  it('says how many numbers were not read', async () => {
    render(<CaptureForm api={fakeApi({ ...RECORD, phonesCut: 3 }).api} />);
    await screen.findByDisplayValue('Ana García');

    const note = screen.getByText(
      'The record shows 3 more numbers than a request can hold (20), so the first 20 were read. ' +
        'Put the others in a second request.',
    );
    const phones = screen.getByLabelText('Phone numbers (one per line)');
    expect(phones.getAttribute('aria-describedby')).toBe(note.id);
  });

  it('asks which of several people asked', async () => {
    const record = { ...RECORD, name: null, people: ['Olivia Brennan', 'Marcus Feld'] };
    render(<CaptureForm api={fakeApi(record).api} />);
    await screen.findByDisplayValue('+44 20 7946 0018', { exact: false });

    const note = screen.getByText(
      'This record lists several people (Olivia Brennan, Marcus Feld). Type the name of the one ' +
        'who asked, or click their card on the page and choose "Read the record on screen" again.',
    );
    const name = screen.getByLabelText('Name');
    expect(name.getAttribute('aria-describedby')).toBe(note.id);
  });

  it('lists several people and numbers with Chinese punctuation', async () => {
    Object.assign(fakeBrowser.i18n, {
      getMessage: messagesOf('zh_CN'),
      getUILanguage: () => 'zh-CN',
    });
    const record = {
      ...RECORD,
      name: null,
      people: ['王芳', '刘洋'],
      leftOutPhones: ['+1 617 555 0141', '+1 617 555 0149'],
    };
    render(<CaptureForm api={fakeApi(record).api} />);
    await screen.findByDisplayValue('+44 20 7946 0018', { exact: false });

    expect(screen.getByText(/^此记录列出了多位联系人（王芳、刘洋）。/)).toBeTruthy();
    expect(
      screen.getByText(
        /^已略去此记录中其他联系人的 2 个号码：\+1 617 555 0141、\+1 617 555 0149。/,
      ),
    ).toBeTruthy();
  });

  it('leaves out record numbers invalid in the default country', async () => {
    const { api, capture } = fakeApi(RECORD, 'GB');
    render(<CaptureForm api={api} />);
    await screen.findByDisplayValue('Ana García');

    const phones = screen.getByLabelText('Phone numbers (one per line)') as HTMLTextAreaElement;
    expect(phones.value).toBe('+44 20 7946 0018');
    expect(
      screen.getByText(
        'Left out 1 number on the record that is not valid in the default country ' +
          '(United Kingdom): (212) 555-0187. If it belongs to this person, add it with its country code.',
      ),
    ).toBeTruthy();

    await userEvent.click(screen.getByRole('button', { name: 'Save and suppress now' }));

    expect(await screen.findByRole('status')).toBeTruthy();
    expect(screen.queryByRole('alert')).toBeNull();
    const [body] = capture.mock.calls[0] as unknown as [{ subject: { phones: string[] } }];
    expect(body.subject.phones).toEqual(['+442079460018']);
  });

  it('saves national record numbers read in the default country', async () => {
    const { api, capture } = fakeApi({ ...RECORD, phones: ['020 7946 0018'] }, 'GB');
    render(<CaptureForm api={api} />);
    await screen.findByDisplayValue('020 7946 0018');

    await userEvent.click(screen.getByRole('button', { name: 'Save and suppress now' }));

    expect(await screen.findByText(/blocked now/)).toBeTruthy();
    const [body] = capture.mock.calls[0] as unknown as [{ subject: { phones: string[] } }];
    expect(body.subject.phones).toEqual(['+442079460018']);
  });

  it('still opens when the record cannot be read', async () => {
    render(
      <CaptureForm api={fakeApi(new Error('the page sent a record DNC Guard cannot read')).api} />,
    );

    expect((await screen.findByRole('alert')).textContent).toContain('Fill in the fields by hand');
  });

  it('keeps only the method and outcome of a verification', async () => {
    const { api, capture } = fakeApi();
    render(<CaptureForm api={api} />);
    await screen.findByDisplayValue('Ana García');

    await userEvent.type(screen.getByLabelText("Customer's answer"), '  ANA.GARCIA@example.com ');
    await userEvent.click(screen.getByRole('button', { name: 'Compare' }));
    expect(await screen.findByText('Identity verified (Email on file).')).toBeTruthy();
    expect((screen.getByLabelText("Customer's answer") as HTMLInputElement).value).toBe('');

    await userEvent.click(screen.getByRole('button', { name: 'Save and suppress now' }));

    const call = capture.mock.calls[0] as unknown as [unknown, unknown];
    expect(call[1]).toEqual({ method: 'email_on_file', passed: true });
    expect(JSON.stringify(call)).not.toContain('ANA.GARCIA');
  });

  it('records a failed verification', async () => {
    const { api, capture } = fakeApi();
    render(<CaptureForm api={api} />);
    await screen.findByDisplayValue('Ana García');

    await userEvent.selectOptions(screen.getByLabelText('Method'), 'phone_digits');
    await userEvent.type(screen.getByLabelText("Customer's answer"), '9999');
    await userEvent.click(screen.getByRole('button', { name: 'Compare' }));
    await userEvent.click(screen.getByRole('button', { name: 'Save and suppress now' }));

    expect(
      await screen.findByText('Identity not verified (Last 4 digits of the phone number).'),
    ).toBeTruthy();
    expect((capture.mock.calls[0] as unknown as [unknown, unknown])[1]).toEqual({
      method: 'phone_digits',
      passed: false,
    });
  });

  it('lets the agent record a security question outcome', async () => {
    const { api, capture } = fakeApi();
    render(<CaptureForm api={api} />);
    await screen.findByDisplayValue('Ana García');

    await userEvent.selectOptions(screen.getByLabelText('Method'), 'security_question');
    await userEvent.click(screen.getByRole('button', { name: 'Passed' }));
    await userEvent.click(screen.getByRole('button', { name: 'Save and suppress now' }));

    expect(await screen.findByText(/numbers are blocked now/)).toBeTruthy();
    expect((capture.mock.calls[0] as unknown as [unknown, unknown])[1]).toEqual({
      method: 'security_question',
      passed: true,
    });
  });

  it('disables saving during a save', async () => {
    const { api, capture } = fakeApi();
    let finish: (blocked: number) => void = () => undefined;
    capture.mockImplementationOnce(() => new Promise((resolve) => (finish = resolve)));
    render(<CaptureForm api={api} />);
    await screen.findByDisplayValue('Ana García');

    await userEvent.dblClick(saveButton());

    expect((saveButton() as HTMLButtonElement).disabled).toBe(true);
    finish(2);
    expect(await screen.findByText(/2 numbers are blocked now/)).toBeTruthy();
    expect(capture).toHaveBeenCalledTimes(1);
  });

  it('shows the saved case in place of the form', async () => {
    const { api, capture } = fakeApi();
    render(<CaptureForm api={api} />);
    await screen.findByDisplayValue('Ana García');

    await userEvent.click(saveButton());

    expect(await screen.findByText('Case 7d8f4f0e for Ana García.')).toBeTruthy();
    expect(screen.queryByRole('button', { name: 'Save and suppress now' })).toBeNull();
    expect(capture).toHaveBeenCalledTimes(1);
    expect(document.activeElement).toBe(screen.getByRole('status'));
  });

  it('quotes the record and joins the name in Chinese', async () => {
    Object.assign(fakeBrowser.i18n, {
      getMessage: messagesOf('zh_CN'),
      getUILanguage: () => 'zh-CN',
    });
    const record = { ...RECORD, name: '王芳', title: '客户详情 - 王芳' };
    render(<CaptureForm api={fakeApi(record).api} />);

    expect(
      await screen.findByText('已根据“客户详情 - 王芳”填写。保存前请核对每个字段。'),
    ).toBeTruthy();
    await userEvent.click(screen.getByRole('button', { name: '保存并立即禁呼' }));
    expect(await screen.findByText('王芳的删除申请（编号 7d8f4f0e）。')).toBeTruthy();
  });

  it('starts the next request with a new case id', async () => {
    const { api, capture } = fakeApi();
    render(<CaptureForm api={api} />);
    await screen.findByDisplayValue('Ana García');
    await userEvent.click(saveButton());

    await userEvent.click(await screen.findByRole('button', { name: 'Capture another request' }));
    await screen.findByDisplayValue('Ana García');
    await userEvent.click(saveButton());

    await screen.findByText('Case 0b6a53c1 for Ana García.');
    expect(savedIds(capture)).toEqual([CASE_ID, NEXT_CASE_ID]);
  });

  it('retries a failed save with the same case id', async () => {
    const { api, capture } = fakeApi();
    capture.mockRejectedValueOnce(new Error('The extension was reloaded; try again.'));
    render(<CaptureForm api={api} />);
    await screen.findByDisplayValue('Ana García');

    await userEvent.click(saveButton());
    expect((await screen.findByRole('alert')).textContent).toBe(
      'The extension was reloaded; try again.',
    );
    expect(screen.getByDisplayValue('Ana García')).toBeTruthy();
    await userEvent.click(saveButton());

    expect(await screen.findByText(/2 numbers are blocked now/)).toBeTruthy();
    expect(savedIds(capture)).toEqual([CASE_ID, CASE_ID]);
  });

  it.each([
    ['+86 139 8765 4321', 'china_pipl', 'Guessed from +86 139 8765 4321 (China).'],
    ['(212) 555-0187', 'us_telemarketing', 'Guessed from (212) 555-0187 (United States).'],
    ['+91 98765 43210', 'india_dpdp', 'Guessed from +91 98765 43210 (India).'],
    ['+44 20 7946 0018', 'uk_gdpr', 'Guessed from +44 20 7946 0018 (United Kingdom).'],
    ['+33 1 42 68 53 00', 'eu_gdpr', 'Guessed from +33 1 42 68 53 00 (France).'],
  ])('guesses the jurisdiction of %s', async (phone, jurisdiction, hint) => {
    const { api, capture } = fakeApi({ ...RECORD, phones: [phone] });
    render(<CaptureForm api={api} />);
    await screen.findByDisplayValue('Ana García');

    const select = screen.getByLabelText('Jurisdiction') as HTMLSelectElement;
    expect(select.value).toBe(jurisdiction);
    expect(screen.getByText(hint, { exact: false }).id).toBe(
      select.getAttribute('aria-describedby'),
    );
    await userEvent.click(saveButton());

    await screen.findByText(/blocked now/);
    expect(capture.mock.calls[0]?.[0].jurisdiction).toBe(jurisdiction);
  });

  it('points US numbers to CCPA/CPRA', async () => {
    render(<CaptureForm api={fakeApi({ ...RECORD, phones: ['(212) 555-0187'] }).api} />);
    await screen.findByDisplayValue('Ana García');

    expect(screen.getByText(/choose US CCPA\/CPRA for a California resident/).textContent).toBe(
      'Guessed from (212) 555-0187 (United States). Change it if another law covers this customer. ' +
        'A US number does not show the state: choose US CCPA/CPRA for a California resident.',
    );
  });

  it('falls back to the default country', async () => {
    render(<CaptureForm api={fakeApi({ ...RECORD, phones: [] }, 'GB').api} />);
    await screen.findByDisplayValue('Ana García');

    expect((screen.getByLabelText('Jurisdiction') as HTMLSelectElement).value).toBe('uk_gdpr');
    expect(screen.getByText(/Guessed from the default country \(United Kingdom\)/)).toBeTruthy();
  });

  it('keeps the jurisdiction the agent picked', async () => {
    const { api, capture } = fakeApi({ ...RECORD, phones: [] });
    render(<CaptureForm api={api} />);
    await screen.findByDisplayValue('Ana García');
    const select = screen.getByLabelText('Jurisdiction') as HTMLSelectElement;
    const phones = screen.getByLabelText('Phone numbers (one per line)');

    await userEvent.type(phones, '+86 139 8765 4321');
    expect(select.value).toBe('china_pipl');
    await userEvent.selectOptions(select, 'other');
    await userEvent.clear(phones);
    await userEvent.type(phones, '+44 20 7946 0018');

    expect(select.value).toBe('other');
    expect(screen.queryByText(/Guessed from/)).toBeNull();
    await userEvent.click(saveButton());
    await screen.findByText(/blocked now/);
    expect(capture.mock.calls[0]?.[0].jurisdiction).toBe('other');
  });
});
