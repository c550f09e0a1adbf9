/**
 * One error vocabulary. Use cases throw AppError with a stable code; the HTTP layer maps codes to status
 * in one place (src/app/plugins/errors.ts). Messages are safe to show to the user who caused them.
 */
export const errorStatus = {
  unauthenticated: 401,
  forbidden: 403,
  not_found: 404,
  validation: 400,
  conflict: 409,
  invalid_state: 422,
  locked: 423,
  rate_limited: 429,
  unavailable: 503,
} as const;

export type ErrorCode = keyof typeof errorStatus;

export type FieldErrors = Record<string, string>;

export class AppError extends Error {
  readonly code: ErrorCode;
  readonly fields: FieldErrors | undefined;

  constructor(code: ErrorCode, message: string, fields?: FieldErrors) {
    super(message);
    this.name = 'AppError';
    this.code = code;
    this.fields = fields;
  }

  get status(): number {
    return errorStatus[this.code];
  }
}

/** A refused read must look exactly like a missing record. */
export function notFound(what = 'record'): AppError {
  return new AppError('not_found', `No such ${what}.`);
}

export function staleVersion(): AppError {
  return new AppError('conflict', 'Someone else changed this record since you opened it. Reload it and try again.');
}
