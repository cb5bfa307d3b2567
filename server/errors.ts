import { errorCatalogue } from '../core/contracts/errors.ts';
import type { ErrorCode, FieldError } from '../core/contracts/errors.ts';

/**
 * The one error type services throw on purpose. The code picks status and Swedish message from
 * the catalogue; `fields` points at the inputs to fix. Never put personal data in either.
 */
export class AppError extends Error {
  readonly code: ErrorCode;
  readonly fields: FieldError[] | undefined;
  constructor(code: ErrorCode, options: { fields?: FieldError[]; cause?: unknown } = {}) {
    super(errorCatalogue[code].message, { cause: options.cause });
    this.name = 'AppError';
    this.code = code;
    this.fields = options.fields;
  }

  get status(): number {
    return errorCatalogue[this.code].status;
  }
}
