import { HStack, Select, TextField } from '@navikt/ds-react';
import { Source, SourceKind } from '../../../../core/contracts/case-documents.ts';
import { fieldRules } from '../../api/forms.ts';
import { sourceKindLabels } from '../../app/labels.ts';

const detailLength = fieldRules(Source, 'detail').maxLength;

export type SourceKindValue = (typeof SourceKind.options)[number];
export interface SourceValue {
  kind: SourceKindValue;
  detail: string;
}

/** Another person or an agency must be named; the person and one's own observation need not be. */
export const sourceNeedsDetail = (kind: SourceKindValue) =>
  kind === 'other_person' || kind === 'agency';

/** As the API takes it: a detail only where it says something. */
export const sourceForApi = (source: SourceValue) => ({
  kind: source.kind,
  detail: sourceNeedsDetail(source.kind) ? source.detail : null,
});

/** From the API's form back into the fields. */
export const sourceFromApi = (source: { kind: SourceKindValue; detail: string | null }) => ({
  kind: source.kind,
  detail: source.detail ?? '',
});

/**
 * Where a statement comes from ("who said this"): the kind, and who when it is another person or
 * an agency. `idPrefix` gives the fields ids matching the API's error paths: `…-source-kind`,
 * `…-source-detail`.
 */
export function SourceFields({
  idPrefix,
  value,
  onChange,
  kindError,
  detailError,
  size,
}: {
  idPrefix: string;
  value: SourceValue;
  onChange: (value: SourceValue) => void;
  kindError?: string | undefined;
  detailError?: string | undefined;
  size?: 'small' | 'medium';
}) {
  return (
    <HStack gap="space-16" align="start" wrap>
      <Select
        id={`${idPrefix}-kind`}
        label="Källa"
        description="Vem uppgiften kommer från"
        size={size}
        value={value.kind}
        onChange={(e) => {
          onChange({ ...value, kind: e.target.value as SourceKindValue });
        }}
        error={kindError}
      >
        {SourceKind.options.map((k) => (
          <option key={k} value={k}>
            {sourceKindLabels[k]}
          </option>
        ))}
      </Select>
      {sourceNeedsDetail(value.kind) ? (
        <TextField
          id={`${idPrefix}-detail`}
          label="Vem?"
          description={
            value.kind === 'agency' ? 'Till exempel Polisen eller BVC' : 'Till exempel mamman'
          }
          size={size}
          autoComplete="off"
          maxLength={detailLength}
          value={value.detail}
          onChange={(e) => {
            onChange({ ...value, detail: e.target.value });
          }}
          error={detailError}
        />
      ) : null}
    </HStack>
  );
}
