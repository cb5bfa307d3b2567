import { Select, TextField } from '@navikt/ds-react';
import type { IdentityKind } from '../../../../core/domain/personal-identity.ts';
import { IDENTITY_KINDS } from '../../../../core/domain/personal-identity.ts';
import { identityKindLabels } from '../../app/labels.ts';

export const identityHints: Record<IdentityKind, string> = {
  personnummer: 'ÅÅÅÅMMDD-NNNN',
  samordningsnummer: 'ÅÅÅÅMMDD-NNNN, där dagen är 61–91',
  reservnummer: 'Som det är skrivet i ärendet',
};

/** The kind of identity number and the number itself. */
export function IdentityFields({
  idPrefix,
  kind,
  number,
  onKind,
  onNumber,
  kindError,
  numberError,
}: {
  idPrefix: string;
  kind: IdentityKind;
  number: string;
  onKind: (kind: IdentityKind) => void;
  onNumber: (number: string) => void;
  kindError?: string | undefined;
  numberError?: string | undefined;
}) {
  return (
    <>
      <Select
        className="field-narrow"
        id={`${idPrefix}-kind`}
        label="Typ av nummer"
        value={kind}
        onChange={(e) => {
          onKind(e.target.value as IdentityKind);
        }}
        error={kindError}
      >
        {IDENTITY_KINDS.map((k) => (
          <option key={k} value={k}>
            {identityKindLabels[k]}
          </option>
        ))}
      </Select>
      <TextField
        id={`${idPrefix}-number`}
        label={identityKindLabels[kind]}
        description={identityHints[kind]}
        autoComplete="off"
        spellCheck={false}
        htmlSize={20}
        value={number}
        onChange={(e) => {
          onNumber(e.target.value);
        }}
        error={numberError}
      />
    </>
  );
}
