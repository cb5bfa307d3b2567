import type { FastifyInstance, FastifyRequest } from 'fastify';
import { unsafeCharacter, unsafeCharacterMessage } from '../../core/contracts/input.ts';
import type { FieldError } from '../../core/contracts/errors.ts';
import { AppError } from '../errors.ts';

/** At most this many fields are named in one answer; the rest are the same mistake. */
const MAX_FIELDS = 20;

/**
 * Every string a request carries — in the path, the query or the JSON body, keys included — is
 * checked once, before any contract sees it: NUL and lone surrogates cannot be stored, so they are
 * refused with a 400 that names each field. Iterative, so a deeply nested body cannot overflow the
 * stack.
 */
export function findUnsafeStrings(root: unknown, rootPath: string): FieldError[] {
  const found: FieldError[] = [];
  const stack: { value: unknown; path: string }[] = [{ value: root, path: rootPath }];
  while (stack.length > 0 && found.length < MAX_FIELDS) {
    const { value, path } = stack.pop() as { value: unknown; path: string };
    if (typeof value === 'string') {
      const problem = unsafeCharacter(value);
      if (problem) found.push({ path, message: unsafeCharacterMessage[problem] });
    } else if (Array.isArray(value)) {
      for (let i = value.length - 1; i >= 0; i--)
        stack.push({ value: value[i], path: `${path}.${i}` });
    } else if (value !== null && typeof value === 'object') {
      for (const [key, child] of Object.entries(value)) {
        const problem = unsafeCharacter(key);
        // The key itself cannot be quoted back: the field is named by where it sits.
        if (problem) found.push({ path, message: unsafeCharacterMessage[problem] });
        else stack.push({ value: child, path: `${path}.${key}` });
      }
    }
  }
  return found;
}

function guard(request: FastifyRequest) {
  const fields = [
    ...findUnsafeStrings(request.params, 'params'),
    ...findUnsafeStrings(request.query, 'query'),
    ...findUnsafeStrings(request.body, 'body'),
  ];
  if (fields.length > 0) throw new AppError('VALIDATION', { fields: fields.slice(0, MAX_FIELDS) });
}

/** Registered once, before the routes: applies to every route of the application. */
export function registerInputGuard(app: FastifyInstance) {
  app.addHook('preValidation', (request, _reply, done) => {
    try {
      guard(request);
      done();
    } catch (error) {
      done(error as Error);
    }
  });
}
