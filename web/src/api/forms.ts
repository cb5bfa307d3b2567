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

/**
 * The contract's field errors, with the form's own message in place of the generic one where the
 * form knows better (an empty choice: "Välj målgrupp."); own errors the schema did not find are
 * added after.
 */
export function withOwnErrors(
  schemaErrors: readonly FieldError[],
  own: readonly FieldError[],
): FieldError[] {
  const ownByPath = new Map(own.map((e) => [e.path, e] as const));
  const seen = new Set<string>();
  const merged = schemaErrors.flatMap((e) => {
    if (seen.has(e.path)) return [];
    seen.add(e.path);
    return [ownByPath.get(e.path) ?? e];
  });
  return [...merged, ...own.filter((e) => !seen.has(e.path))];
}
