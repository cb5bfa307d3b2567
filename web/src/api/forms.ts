import type { z } from 'zod';
import type { FieldError } from '../../../core/contracts/errors.ts';
import { ApiError } from './client.ts';

/**
 * Checks a request body against its contract before it is sent, so a person sees the same
 * Swedish messages at once that the server would answer with. Paths are the server's:
 * `body.number`, `body.reason`.
 */
export function validateBody(schema: z.ZodType | undefined, body: unknown): FieldError[] {
  if (!schema) return [];
  const result = schema.safeParse(body);
  if (result.success) return [];
  return result.error.issues.map((issue) => ({
    path: ['body', ...issue.path.map(String)].join('.'),
    message: issue.message,
  }));
}

/** The field errors of a failed call, or none. */
export function fieldErrorsOf(error: unknown): FieldError[] {
  return error instanceof ApiError ? error.fields : [];
}

/** The message for one field, if any. */
export function messageFor(errors: readonly FieldError[], path: string): string | undefined {
  return errors.find((e) => e.path === path)?.message;
}

/** The id of the input a field path belongs to, for ErrorSummary links: `body.number` → `falt-number`. */
export function fieldId(formId: string, path: string): string {
  return `${formId}-${path.replace(/^body\./, '').replace(/\./g, '-')}`;
}
