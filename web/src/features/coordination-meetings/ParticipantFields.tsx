import { HGrid, Select, TextField, VStack } from '@navikt/ds-react';
import type { ParticipantIn } from '../../../../core/contracts/coordination-meetings.ts';
import type { CaseConsents } from '../../../../core/contracts/consents.ts';
import { rowLabel } from './RowList.tsx';

/**
 * One participant of a samråd as the holder names them: for whom they come — a unit of the
 * municipality, a provider, an agency such as the school, or a person on their own — and the
 * attendee's name and role, as the minutes will name them.
 */

export type ParticipantKind = ParticipantIn['kind'];

export const participantKindLabels: Record<ParticipantKind, string> = {
  unit: 'Enhet i kommunen',
  provider: 'Utförare',
  agency: 'Myndighet eller verksamhet, till exempel skola',
  person: 'Enskild person',
};

export interface ParticipantRow {
  kind: ParticipantKind;
  unitId: string;
  providerId: string;
  organisation: string;
  name: string;
  role: string;
}

export const newParticipant = (): ParticipantRow => ({
  kind: 'unit',
  unitId: '',
  providerId: '',
  organisation: '',
  name: '',
  role: '',
});

/** The body's participant a row stands for. */
export function participantBody(row: ParticipantRow): ParticipantIn {
  const attendee = { name: row.name, role: row.role };
  switch (row.kind) {
    case 'unit':
      return { kind: 'unit', unitId: row.unitId, ...attendee };
    case 'provider':
      return { kind: 'provider', providerId: row.providerId, ...attendee };
    case 'agency':
      return { kind: 'agency', organisation: row.organisation, ...attendee };
    case 'person':
      return { kind: 'person', ...attendee };
  }
}

export type Options = NonNullable<CaseConsents['options']>;

export function ParticipantFields({
  row,
  onChange,
  field,
  options,
  rowName,
  nameDescription = 'Den som kommer till samrådet',
}: {
  row: ParticipantRow;
  onChange: (patch: Partial<ParticipantRow>) => void;
  /** The id and error of a field of the row, by its name in the body's participant. */
  field: (name: string) => { id: string; error: string | undefined };
  options: Options;
  /** "deltagare 2", for the labels of a list of rows. */
  rowName?: string;
  /** Who the name is: the attendee of a samråd by default. */
  nameDescription?: string;
}) {
  return (
    <VStack gap="space-16">
      <Select
        {...field('kind')}
        label={rowLabel('Typ av deltagare', rowName)}
        value={row.kind}
        onChange={(e) => {
          onChange({ kind: e.target.value as ParticipantKind });
        }}
      >
        {(Object.keys(participantKindLabels) as ParticipantKind[]).map((k) => (
          <option key={k} value={k}>
            {participantKindLabels[k]}
          </option>
        ))}
      </Select>
      {row.kind === 'unit' ? (
        <Select
          {...field('unitId')}
          label={rowLabel('Enhet', rowName)}
          value={row.unitId}
          onChange={(e) => {
            onChange({ unitId: e.target.value });
          }}
        >
          <option value="">Välj enhet</option>
          {options.units.map((u) => (
            <option key={u.id} value={u.id}>
              {u.name}
            </option>
          ))}
        </Select>
      ) : null}
      {row.kind === 'provider' ? (
        <Select
          {...field('providerId')}
          label={rowLabel('Utförare', rowName)}
          value={row.providerId}
          onChange={(e) => {
            onChange({ providerId: e.target.value });
          }}
        >
          <option value="">Välj utförare</option>
          {options.providers.map((p) => (
            <option key={p.id} value={p.id}>
              {p.name}
            </option>
          ))}
        </Select>
      ) : null}
      {row.kind === 'agency' ? (
        <TextField
          {...field('organisation')}
          label={rowLabel('Myndighet eller verksamhet', rowName)}
          description="Till exempel Exempelskolan eller Vårdcentralen Centrum"
          autoComplete="off"
          value={row.organisation}
          onChange={(e) => {
            onChange({ organisation: e.target.value });
          }}
        />
      ) : null}
      <HGrid gap="space-16" columns={{ xs: 1, md: 2 }}>
        <TextField
          {...field('name')}
          label={rowLabel('Namn', rowName)}
          description={nameDescription}
          autoComplete="off"
          value={row.name}
          onChange={(e) => {
            onChange({ name: e.target.value });
          }}
        />
        <TextField
          {...field('role')}
          label={rowLabel('Roll', rowName)}
          description="Till exempel kurator eller socialsekreterare"
          autoComplete="off"
          value={row.role}
          onChange={(e) => {
            onChange({ role: e.target.value });
          }}
        />
      </HGrid>
    </VStack>
  );
}
