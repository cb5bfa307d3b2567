import { errorCatalogue } from '../core/contracts/errors.ts';
import type { ErrorCode, FieldError } from '../core/contracts/errors.ts';
import type { Refusal } from '../core/policy/policy.ts';

/** Why the policy refused an attempt, and what it was about: the security.refused row. */
export interface RefusalRecord extends Partial<Refusal> {
  reason: string;
}

/**
 * The one error type services throw on purpose. The code picks status and Swedish message from
 * the catalogue; `fields` points at the inputs to fix. Never put personal data in either.
 */
export class AppError extends Error {
  readonly code: ErrorCode;
  readonly fields: FieldError[] | undefined;
  /**
   * A more precise Swedish message than the catalogue's, from a fixed text in the domain rules
   * (which step is missing, why a channel is unsafe). Never built from personal data.
   */
  readonly detail: string | undefined;
  /** A refused attempt: the error handler records it as a security.refused audit row. */
  readonly refusal: RefusalRecord | undefined;
  /** The service has already audited this outcome itself (no security.refused row). */
  readonly audited: boolean;
  constructor(
    code: ErrorCode,
    options: {
      fields?: FieldError[];
      cause?: unknown;
      detail?: string;
      refusal?: RefusalRecord;
      audited?: boolean;
    } = {},
  ) {
    super(options.detail ?? errorCatalogue[code].message, { cause: options.cause });
    this.detail = options.detail;
    this.refusal = options.refusal;
    this.audited = options.audited ?? false;
    this.name = 'AppError';
    this.code = code;
    this.fields = options.fields;
  }

  get status(): number {
    return errorCatalogue[this.code].status;
  }
}
