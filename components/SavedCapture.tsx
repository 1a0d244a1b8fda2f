import { t, tCount, type MessageKey } from '@/lib/i18n';
import type { VerificationOutcome } from './VerifyIdentity';
import { focusWhenShown } from './focus';

/** A request the capture form saved: the case id, whose it is, and what the save did. */
export interface SavedCase {
  id: string;
  name: string;
  /** How many numbers are blocked now. */
  blocked: number;
  verification: VerificationOutcome | null;
}

/**
 * Takes the form's place once a request is saved, so the same request cannot
 * be saved again as a new case. The agent starts the next request from here.
 */
export function SavedCapture({ saved, onNext }: { saved: SavedCase; onNext: () => void }) {
  return (
    <section className="capture">
      <h1>{t('captureTitle')}</h1>
      <p role="status" tabIndex={-1} ref={focusWhenShown}>
        {tCount('captureSaved', saved.blocked)}
      </p>
      <p>{t('captureSavedCase', [saved.id.slice(0, 8), saved.name])}</p>
      {saved.verification && (
        <p>
          {t(
            saved.verification.passed ? 'verifyResultPassed' : 'verifyResultFailed',
            t(`method_${saved.verification.method}` as MessageKey),
          )}
        </p>
      )}
      <div className="actions">
        <button type="button" onClick={onNext}>
          {t('captureAnother')}
        </button>
      </div>
    </section>
  );
}
