import { parseIdentityNumber } from '../../core/domain/personal-identity.ts';
import type { IdentityKind } from '../../core/domain/personal-identity.ts';
import { AppError } from '../errors.ts';

/** Parses an identity number at the boundary; a bad one is a field error on `body.<field>`. */
export function parseIdentityOrFail(
  kind: IdentityKind,
  number: string,
  today: string,
  field = 'body.number',
) {
  const parsed = parseIdentityNumber(number, kind, today);
  if (!parsed.ok)
    throw new AppError('VALIDATION', { fields: [{ path: field, message: parsed.message }] });
  return parsed.value;
}
