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

/** What the contract says of one field, for the input that edits it. */
export interface FieldRules {
  /** The longest text the contract accepts; undefined where it sets no bound. */
  maxLength: number | undefined;
  /** The contract refuses the body without it: not optional, not nullable, not an empty string. */
  required: boolean;
}

interface SchemaInternals {
  _zod: {
    def: {
      type: string;
      shape?: Record<string, z.ZodType>;
      element?: z.ZodType;
      valueType?: z.ZodType;
      innerType?: z.ZodType;
      in?: z.ZodType;
      options?: z.ZodType[];
      values?: unknown[];
    };
  };
  maxLength?: number | null;
}

const internals = (schema: z.ZodType) => schema as unknown as SchemaInternals;

/**
 * In a union, the option a `kind=text` path segment names by its discriminator; a plain key
 * (`newPerson`) goes on into the first option that has it.
 */
const optionWhere = (options: readonly z.ZodType[], segment: string) => {
  const [key = '', value] = segment.split('=');
  const shapeOf = (o: z.ZodType) => internals(o)._zod.def.shape ?? {};
  if (value === undefined) return options.map((o) => shapeOf(o)[key]).find((f) => f !== undefined);
  return options.find((o) => {
    const discriminator = shapeOf(o)[key];
    return discriminator
      ? internals(discriminator)._zod.def.values?.map(String).includes(value)
      : false;
  });
};

/** The schema under its wrappers, and whether one of them lets the field be left out. */
function unwrapped(schema: z.ZodType): { schema: z.ZodType; optional: boolean } {
  let node = schema;
  let optional = false;
  for (;;) {
    const def = internals(node)._zod.def;
    if (def.type === 'optional' || def.type === 'nullable' || def.type === 'default') {
      optional = true;
      node = def.innerType as z.ZodType;
    } else if (def.type === 'pipe') node = def.in as z.ZodType;
    else if (def.type === 'readonly' || def.type === 'nonoptional') {
      node = def.innerType as z.ZodType;
    } else return { schema: node, optional };
  }
}

/**
 * The rules of the field at `path` (`text`, `body.text`, `items.0.note`; in a union, the option
 * by its discriminator: `answers.any.kind=text.value`) in a body schema, read
 * from the schema itself so that no form copies a number from a contract. Throws on a path the
 * schema does not have: a form bound to a field that is not there is a mistake to see at once.
 */
export function fieldRules(schema: z.ZodType, path: string): FieldRules {
  let node = schema;
  const keys = path.replace(/^body\./, '').split('.');
  for (const key of keys) {
    const def = internals(unwrapped(node).schema)._zod.def;
    const next =
      def.type === 'union'
        ? optionWhere(def.options ?? [], key)
        : def.type === 'object'
          ? def.shape?.[key]
          : def.type === 'array'
            ? def.element
            : def.type === 'record'
              ? def.valueType
              : undefined;
    if (!next) throw new Error(`The schema has no field ${path}`);
    node = next;
  }
  const last = unwrapped(node);
  const field = internals(last.schema);
  const isString = field._zod.def.type === 'string';
  const maxLength = isString ? (field.maxLength ?? undefined) : undefined;
  // A text is required where the contract refuses it empty (a `min(1)`, a format, a pattern).
  const required = !last.optional && (!isString || !last.schema.safeParse('').success);
  return { maxLength, required };
}
