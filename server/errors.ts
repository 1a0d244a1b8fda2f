import type { ZodError } from 'zod';
import type { ApiError, Case, CaseStatus, ErrorCode } from '../lib/api/schemas.ts';

export type HttpStatus = 400 | 401 | 403 | 404 | 409 | 413 | 422 | 429 | 500;

/** An error that becomes a `{ error: { code, message, … } }` response with its status. */
export class HttpError extends Error {
  constructor(
    readonly status: HttpStatus,
    readonly code: ErrorCode,
    message: string,
    readonly extra: {
      fields?: Array<{ path: string; message: string }>;
      current?: Case;
      cases?: Array<{ id: string; status: CaseStatus }>;
    } = {},
  ) {
    super(message);
    this.name = 'HttpError';
  }

  toBody(): ApiError {
    return { error: { code: this.code, message: this.message, ...this.extra } };
  }
}

export function zodFields(error: ZodError): Array<{ path: string; message: string }> {
  return error.issues.map((issue) => ({
    path: issue.path.map(String).join('.'),
    message: issue.message,
  }));
}
