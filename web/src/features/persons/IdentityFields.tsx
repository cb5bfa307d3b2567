import { Select, TextField } from '@navikt/ds-react';
import type { FieldError } from '../../../../core/contracts/errors.ts';
import type { IdentityKind } from '../../../../core/domain/personal-identity.ts';
import { IDENTITY_KINDS, parseIdentityNumber } from '../../../../core/domain/personal-identity.ts';
import { identityKindLabels } from '../../app/labels.ts';
import { stockholmToday } from '../../components/dates.ts';
import type { SelectBinding, TextBinding } from '../../components/useContractForm.ts';

export const identityHints: Record<IdentityKind, string> = {
  personnummer: 'ÅÅÅÅMMDD-NNNN',
  samordningsnummer: 'ÅÅÅÅMMDD-NNNN, där dagen är 60–91 (60 om dagen är okänd)',
  reservnummer: 'Som det är skrivet i ärendet',
};

/** The kind of identity number and the number itself, each bound to its field of the body. */
export function IdentityFields({ kind, number }: { kind: SelectBinding; number: TextBinding }) {
  const chosen = IDENTITY_KINDS.find((k) => k === kind.value) ?? 'personnummer';
  return (
    <>
      <Select {...kind} className="field-narrow" label="Typ av nummer">
        {IDENTITY_KINDS.map((k) => (
          <option key={k} value={k}>
            {identityKindLabels[k]}
          </option>
        ))}
      </Select>
      <TextField
        {...number}
        label={identityKindLabels[chosen]}
        description={identityHints[chosen]}
        autoComplete="off"
        spellCheck={false}
        htmlSize={20}
      />
    </>
  );
}

/**
 * The number's own check (date, control digit) before it is sent, on the field at `path`; an
 * empty number is the contract's to judge.
 */
export function identityNumberErrors(
  path: string,
  kind: IdentityKind,
  number: string,
): FieldError[] {
  if (number.trim() === '') return [];
  const parsed = parseIdentityNumber(number, kind, stockholmToday());
  return parsed.ok ? [] : [{ path, message: parsed.message }];
}
