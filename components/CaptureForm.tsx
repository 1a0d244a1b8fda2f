import { useEffect, useId, useRef, useState, type FormEvent } from 'react';
import { t, tCount, type MessageKey } from '@/lib/i18n';
import { formatSeries } from '@/lib/locale-format';
import {
  CHANNELS,
  JURISDICTIONS,
  SCOPES,
  caseCaptureSchema,
  type CaseCapture,
  type Channel,
  type Jurisdiction,
  type Scope,
} from '@/lib/cases/model';
import { localTimeZone } from '@/lib/cases/calendar';
import { jurisdictionForRegion } from '@/lib/cases/jurisdiction';
import { normalizePhone, phoneRegion, type CountryCode } from '@/lib/phone/normalize';
import { SNAPSHOT_LIMITS, type RecordSnapshot } from '@/lib/sites/types';
import { captureIssueText } from './capture-issues';
import { formatCountry } from './format';
import { SavedCapture, type SavedCase } from './SavedCapture';
import { VerifyIdentity, type VerificationOutcome } from './VerifyIdentity';

export interface CaptureApi {
  /** Resolves with the record on screen, or null when no page of the window shows one. */
  readRecord(): Promise<RecordSnapshot | null>;
  /** Suppresses the phones at once and queues the case; resolves with how many numbers are now blocked. */
  capture(capture: CaseCapture, verification: VerificationOutcome | null): Promise<number>;
  defaultCountry(): Promise<string>;
  newId(): string;
}

interface Draft {
  receivedAt: string;
  channel: Channel;
  scope: Scope;
  /** Null until the agent picks one; the form shows the one guessed from the numbers until then. */
  jurisdiction: Jurisdiction | null;
  name: string;
  phones: string;
  emails: string;
  system: string;
  recordId: string;
  url: string;
  notes: string;
}

/** Returns the current local time as a datetime-local value. */
function localNow(): string {
  const now = new Date();
  return new Date(now.getTime() - now.getTimezoneOffset() * 60_000).toISOString().slice(0, 16);
}

const lines = (text: string) =>
  text
    .split('\n')
    .map((line) => line.trim())
    .filter(Boolean);

/**
 * Splits the numbers read from a page into those valid in `country`, kept as
 * written, and the rest. Saving reads every line in the same country, so the
 * numbers the form fills in pass its check.
 */
function splitRecordPhones(
  phones: readonly string[],
  country: CountryCode,
): { valid: string[]; invalid: string[] } {
  const valid: string[] = [];
  const invalid: string[] = [];
  for (const phone of phones) {
    (normalizePhone(phone, country) ? valid : invalid).push(phone);
  }
  return { valid, invalid };
}

interface JurisdictionGuess {
  jurisdiction: Jurisdiction;
  region: string;
  /** The number as written that the guess came from, or null when it came from the default country. */
  phone: string | null;
}

/** Guesses the jurisdiction from the first valid number's region, or from the default country when no number is valid. */
function guessJurisdiction(phones: readonly string[], country: CountryCode): JurisdictionGuess {
  for (const written of phones) {
    const normalized = normalizePhone(written, country);
    const region = normalized ? phoneRegion(normalized.e164) : null;
    if (region) return { jurisdiction: jurisdictionForRegion(region), region, phone: written };
  }
  return { jurisdiction: jurisdictionForRegion(country), region: country, phone: null };
}

/**
 * The capture form: prefilled from the record on screen, corrected by the
 * agent, validated with the case schema. Nothing beyond these fields is
 * collected.
 *
 * One case id belongs to one request: every attempt to save it sends the same
 * id, so a retry after a failure cannot make a second case. Once saved, the
 * form gives way to the saved case, and a new request starts with a new id.
 */
export function CaptureForm({ api }: { api: CaptureApi }) {
  const [caseId, setCaseId] = useState(() => api.newId());
  const [saved, setSaved] = useState<SavedCase | null>(null);

  if (saved) {
    return (
      <SavedCapture
        saved={saved}
        onNext={() => {
          setCaseId(api.newId());
          setSaved(null);
        }}
      />
    );
  }
  return <CaptureDraft key={caseId} api={api} caseId={caseId} onSaved={setSaved} />;
}

function CaptureDraft({
  api,
  caseId,
  onSaved,
}: {
  api: CaptureApi;
  caseId: string;
  onSaved: (saved: SavedCase) => void;
}) {
  const id = useId();
  const [draft, setDraft] = useState<Draft>({
    receivedAt: localNow(),
    channel: 'phone_call',
    scope: 'phone_only',
    jurisdiction: null,
    name: '',
    phones: '',
    emails: '',
    system: '',
    recordId: '',
    url: '',
    notes: '',
  });
  const [country, setCountry] = useState<CountryCode>('US');
  // Numbers on the record that the form left out because they are not valid in `country`.
  const [leftOut, setLeftOut] = useState<string[]>([]);
  // Numbers of other people the record lists, left out because the capture is for one person.
  const [othersLeftOut, setOthersLeftOut] = useState<string[]>([]);
  const [phonesCut, setPhonesCut] = useState(0);
  /** People of the record when none was chosen; the agent names the one who asked. */
  const [people, setPeople] = useState<string[]>([]);
  const [verification, setVerification] = useState<VerificationOutcome | null>(null);
  const [message, setMessage] = useState<{ error: boolean; text: string } | null>(null);
  const [saving, setSaving] = useState(false);
  // Set at once, unlike `saving`, so a second click before the next render is ignored too.
  const submitting = useRef(false);

  const change = (patch: Partial<Draft>) => setDraft((current) => ({ ...current, ...patch }));

  /** Reads the default country from Settings, or returns `fallback` when Settings cannot be read. */
  const readCountry = async (fallback: CountryCode): Promise<CountryCode> => {
    try {
      const code = (await api.defaultCountry()) as CountryCode;
      setCountry(code);
      return code;
    } catch {
      return fallback;
    }
  };

  const readRecord = async () => {
    try {
      const defaultCountry = await readCountry(country);
      const record = await api.readRecord();
      if (!record) {
        setMessage({ error: true, text: t('captureNoRecordPage') });
        return;
      }
      const phones = splitRecordPhones(record.phones, defaultCountry);
      setLeftOut(phones.invalid);
      setOthersLeftOut(record.leftOutPhones);
      setPhonesCut(record.phonesCut);
      setPeople(record.people);
      change({
        name: record.name ?? '',
        phones: phones.valid.join('\n'),
        emails: record.emails.join('\n'),
        system: record.system,
        recordId: record.recordId ?? '',
        url: record.url,
      });
      setMessage({ error: false, text: t('captureReadDone', record.title || record.system) });
    } catch (error) {
      setMessage({
        error: true,
        text: t('captureReadFailed', error instanceof Error ? error.message : String(error)),
      });
    }
  };

  useEffect(() => {
    // The record is read once when the panel opens; the button reads it again.
    void readRecord();
  }, [api]);

  const guess = guessJurisdiction(lines(draft.phones), country);
  const jurisdiction = draft.jurisdiction ?? guess.jurisdiction;

  const onSubmit = async (event: FormEvent) => {
    event.preventDefault();
    if (submitting.current) return;
    setMessage(null);

    // An emptied date field gives an invalid date, and toISOString would throw on it.
    const receivedAt = new Date(draft.receivedAt);
    if (Number.isNaN(receivedAt.getTime())) {
      setMessage({ error: true, text: t('captureInvalid', t('captureInvalidReceivedAt')) });
      return;
    }

    const phones: string[] = [];
    for (const written of lines(draft.phones)) {
      const normalized = normalizePhone(written, country);
      if (!normalized) {
        setMessage({
          error: true,
          text: t('captureInvalidPhone', [written, formatCountry(country)]),
        });
        return;
      }
      if (!phones.includes(normalized.e164)) phones.push(normalized.e164);
    }

    const candidate = {
      id: caseId,
      receivedAt: receivedAt.toISOString(),
      channel: draft.channel,
      scope: draft.scope,
      jurisdiction,
      subject: {
        name: draft.name,
        phones,
        emails: lines(draft.emails),
        ...(draft.system && draft.recordId
          ? {
              crm: {
                system: draft.system,
                recordId: draft.recordId,
                ...(draft.url ? { url: draft.url } : {}),
              },
            }
          : {}),
      },
      ...(draft.notes.trim() ? { notes: draft.notes.trim() } : {}),
      // The deadline days are counted on the calendar of the zone the request
      // arrived in. It travels in the queued case, so a case sent later, or
      // from elsewhere, keeps it.
      timeZone: localTimeZone(),
    };
    const parsed = caseCaptureSchema.safeParse(candidate);
    if (!parsed.success) {
      setMessage({ error: true, text: captureIssueText(parsed.error.issues[0], candidate) });
      return;
    }

    submitting.current = true;
    setSaving(true);
    let blocked: number;
    try {
      blocked = await api.capture(parsed.data, verification);
    } catch (error) {
      setMessage({ error: true, text: error instanceof Error ? error.message : String(error) });
      return;
    } finally {
      submitting.current = false;
      setSaving(false);
    }
    onSaved({ id: parsed.data.id, name: parsed.data.subject.name, blocked, verification });
  };

  const field = (
    key: keyof Draft | 'leftOut' | 'othersLeftOut' | 'phonesCut' | 'people' | 'recordIdHint',
  ) => `${id}-${key}`;
  const jurisdictionHint = `${id}-jurisdictionHint`;
  // The case keeps the CRM system and link only together with a record id.
  const linkNeedsId =
    draft.recordId.trim() === '' && (draft.system.trim() !== '' || draft.url.trim() !== '');
  return (
    <form className="capture" onSubmit={onSubmit}>
      <h1>{t('captureTitle')}</h1>
      <button type="button" className="secondary" onClick={() => void readRecord()}>
        {t('captureReadRecord')}
      </button>

      <label htmlFor={field('receivedAt')}>{t('captureReceivedAt')}</label>
      <input
        id={field('receivedAt')}
        type="datetime-local"
        required
        value={draft.receivedAt}
        onChange={(event) => change({ receivedAt: event.target.value })}
      />

      <label htmlFor={field('channel')}>{t('captureChannel')}</label>
      <select
        id={field('channel')}
        value={draft.channel}
        onChange={(event) => change({ channel: event.target.value as Channel })}
      >
        {CHANNELS.map((value) => (
          <option key={value} value={value}>
            {t(`channel_${value}` as MessageKey)}
          </option>
        ))}
      </select>

      <fieldset>
        <legend>{t('captureScope')}</legend>
        {SCOPES.map((value) => (
          <label key={value}>
            <input
              type="radio"
              name="scope"
              checked={draft.scope === value}
              onChange={() => change({ scope: value })}
            />
            {t(`scope_${value}` as MessageKey)}
          </label>
        ))}
      </fieldset>

      <label htmlFor={field('jurisdiction')}>{t('captureJurisdiction')}</label>
      <select
        id={field('jurisdiction')}
        value={jurisdiction}
        aria-describedby={draft.jurisdiction === null ? jurisdictionHint : undefined}
        onChange={(event) => change({ jurisdiction: event.target.value as Jurisdiction })}
      >
        {JURISDICTIONS.map((value) => (
          <option key={value} value={value}>
            {t(`jurisdiction_${value}` as MessageKey)}
          </option>
        ))}
      </select>
      {draft.jurisdiction === null && (
        <p id={jurisdictionHint} className="help">
          {guess.phone === null
            ? t('captureJurisdictionFromCountry', formatCountry(guess.region))
            : t('captureJurisdictionFromPhone', [guess.phone, formatCountry(guess.region)])}
          {guess.jurisdiction === 'us_telemarketing' && ` ${t('captureJurisdictionUs')}`}
        </p>
      )}

      <label htmlFor={field('name')}>{t('captureName')}</label>
      <input
        id={field('name')}
        type="text"
        required
        maxLength={200}
        value={draft.name}
        aria-describedby={people.length > 1 ? field('people') : undefined}
        onChange={(event) => change({ name: event.target.value })}
      />
      {people.length > 1 && (
        <p id={field('people')} className="help">
          {t('captureSeveralPeople', formatSeries(people))}
        </p>
      )}

      <label htmlFor={field('phones')}>{t('capturePhones')}</label>
      <textarea
        id={field('phones')}
        rows={3}
        required
        aria-describedby={
          [
            leftOut.length > 0 ? field('leftOut') : '',
            othersLeftOut.length > 0 ? field('othersLeftOut') : '',
            phonesCut > 0 ? field('phonesCut') : '',
          ]
            .filter(Boolean)
            .join(' ') || undefined
        }
        value={draft.phones}
        onChange={(event) => change({ phones: event.target.value })}
      />
      {leftOut.length > 0 && (
        <p id={field('leftOut')} className="help">
          {tCount('captureLeftOutPhones', leftOut.length, [
            formatCountry(country),
            formatSeries(leftOut),
          ])}
        </p>
      )}
      {othersLeftOut.length > 0 && (
        <p id={field('othersLeftOut')} className="help">
          {tCount('captureOthersLeftOutPhones', othersLeftOut.length, [
            formatSeries(othersLeftOut),
          ])}
        </p>
      )}
      {phonesCut > 0 && (
        <p id={field('phonesCut')} className="help">
          {tCount('capturePhonesCut', phonesCut, [String(SNAPSHOT_LIMITS.phones)])}
        </p>
      )}

      <label htmlFor={field('emails')}>{t('captureEmails')}</label>
      <textarea
        id={field('emails')}
        rows={2}
        value={draft.emails}
        onChange={(event) => change({ emails: event.target.value })}
      />

      <label htmlFor={field('system')}>{t('captureCrmSystem')}</label>
      <input
        id={field('system')}
        type="text"
        value={draft.system}
        onChange={(event) => change({ system: event.target.value })}
      />
      <label htmlFor={field('recordId')}>{t('captureRecordId')}</label>
      <input
        id={field('recordId')}
        type="text"
        value={draft.recordId}
        aria-describedby={linkNeedsId ? field('recordIdHint') : undefined}
        onChange={(event) => change({ recordId: event.target.value })}
      />
      {linkNeedsId && (
        <p id={field('recordIdHint')} className="help">
          {t('captureRecordIdNeeded')}
        </p>
      )}
      <label htmlFor={field('url')}>{t('captureRecordUrl')}</label>
      <input
        id={field('url')}
        type="url"
        value={draft.url}
        onChange={(event) => change({ url: event.target.value })}
      />

      <VerifyIdentity
        record={{ emails: lines(draft.emails), phones: lines(draft.phones) }}
        onResult={setVerification}
      />

      <label htmlFor={field('notes')}>{t('captureNotes')}</label>
      <textarea
        id={field('notes')}
        rows={3}
        maxLength={4000}
        value={draft.notes}
        onChange={(event) => change({ notes: event.target.value })}
      />

      <div className="actions">
        <button type="submit" className="danger" disabled={saving}>
          {t('captureSubmit')}
        </button>
      </div>
      {message && (
        <p
          role={message.error ? 'alert' : 'status'}
          className={message.error ? 'error' : undefined}
        >
          {message.text}
        </p>
      )}
    </form>
  );
}
