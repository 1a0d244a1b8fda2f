import type { VerificationMethod, VerificationRecord } from './model.ts';

// Identity checks against the record on screen. The customer's answer is a
// parameter only: it is compared and then dropped, never returned, logged or
// put in a VerificationRecord.

/** Methods the extension can check itself because the record contains the expected value. */
export type ComparableMethod = Extract<VerificationMethod, 'email_on_file' | 'phone_digits'>;

export function isComparableMethod(method: VerificationMethod): method is ComparableMethod {
  return method === 'email_on_file' || method === 'phone_digits';
}

/** Contact details of the record on screen; phones may be E.164 or any written form. */
export interface VerificationRecordSide {
  emails: readonly string[];
  phones: readonly string[];
}

export interface VerifyOptions {
  /** How many trailing digits the agent asked for with `phone_digits`; default 4. */
  lastDigits?: number;
}

export const DEFAULT_LAST_DIGITS = 4;

function normaliseEmail(value: string): string {
  // Email addresses contain no whitespace, so spaces typed while the customer
  // spells the address out are noise. Dots and plus tags are kept: whether
  // they matter is up to the mail provider, so dropping them could match
  // another person's address.
  return value.normalize('NFC').replace(/\s+/gu, '').toLowerCase();
}

function digitsOf(value: string): string {
  return value.replace(/\D+/gu, '');
}

/**
 * Compares the customer's answer with the record. `email_on_file` matches an
 * email on the record, ignoring case and whitespace. `phone_digits` matches
 * when the answer contains exactly `lastDigits` digits (other characters are
 * ignored) and they equal the end of a phone on the record.
 *
 * `security_question` and `authenticated_channel` cannot be compared here:
 * the expected security answer never reaches the extension, and an
 * authenticated channel is asserted by the agent. Calling this with them
 * throws; record the agent's pass or fail with `verificationRecord` instead.
 */
export function verifyIdentity(
  method: ComparableMethod,
  customerAnswer: string,
  record: VerificationRecordSide,
  options: VerifyOptions = {},
): boolean {
  if (!isComparableMethod(method)) {
    throw new Error(
      `verifyIdentity cannot check ${String(method)}: the agent records pass or fail for it`,
    );
  }

  if (method === 'email_on_file') {
    const answer = normaliseEmail(customerAnswer);
    if (answer === '') return false;
    return record.emails.some((email) => normaliseEmail(email) === answer);
  }

  const count = options.lastDigits ?? DEFAULT_LAST_DIGITS;
  if (!Number.isInteger(count) || count < 1 || count > 15) {
    throw new RangeError(`lastDigits must be an integer from 1 to 15, got ${count}`);
  }

  const answer = digitsOf(customerAnswer);
  if (answer.length !== count) return false;
  return record.phones.some((phone) => {
    const digits = digitsOf(phone);
    return digits.length >= count && digits.slice(-count) === answer;
  });
}

/** Builds the record that is kept: the method and the outcome, never the answer. */
export function verificationRecord(
  method: VerificationMethod,
  passed: boolean,
  by: string,
  at: string,
): VerificationRecord {
  return { method, passed, by, at };
}
