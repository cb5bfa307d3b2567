import { useState } from 'react';
import {
  Alert,
  BodyLong,
  BodyShort,
  Button,
  Checkbox,
  CheckboxGroup,
  Heading,
  HStack,
  Select,
  Table,
  TextField,
  Textarea,
  VStack,
} from '@navikt/ds-react';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import {
  listActiveProviders,
  listTurnedAway,
  recordTurnedAway,
  searchShelters,
} from '../../../../core/contracts/providers.ts';
import type { PlaceNeeds, ShelterHit } from '../../../../core/contracts/providers.ts';
import type { FieldError } from '../../../../core/contracts/errors.ts';
import type { Intervention } from '../../../../core/domain/decisions.ts';
import {
  securityLevelLabels,
  securityLevels,
  turnedAwayReasonLabels,
  turnedAwayReasons,
} from '../../../../core/domain/shelters.ts';
import type { SecurityLevel, TurnedAwayReason } from '../../../../core/domain/shelters.ts';
import { ApiError, call } from '../../api/client.ts';
import { ApiErrorAlert } from '../../components/ApiErrorAlert.tsx';
import { formatDateTime } from '../../components/format.ts';
import type { FieldBindings, TextKey } from '../../components/useContractForm.ts';

/**
 * The beslut's place: which provider carries out the insats. For skyddat boende the handläggare
 * searches the shelters for what the person needs — children, a teenage boy, pets, a wheelchair,
 * a language, the protection she needs — and picks one with a free place now; when none can be
 * arranged, that is recorded on the case ("Ingen plats kunde ordnas") with the reason and what
 * was needed, so the unit can count who was turned away.
 */

const activeProvidersKey = ['providers', 'active'] as const;

/**
 * The value of the place field for a place the reader may not see (a protected person's
 * shelter): sent as "not given", so a new version of the beslut keeps it.
 */
export const keptPlace = 'kept';

/** The place as a beslut's body takes it: null for none, left out to keep a withheld one. */
export const placeOf = (values: { providerId: string; outcome: string }) =>
  values.outcome === 'refused' || values.providerId === ''
    ? null
    : values.providerId === keptPlace
      ? undefined
      : values.providerId;

/** The place field of a beslut form: a provider that carries out the insats. */
export function PlaceField<V extends { providerId: string }>({
  form,
  caseId,
  intervention,
}: {
  form: FieldBindings<V>;
  /** Without it, no search: the place is picked from the list. */
  caseId?: string | undefined;
  intervention: Intervention | '';
}) {
  const providers = useQuery({
    queryKey: activeProvidersKey,
    queryFn: () => call(listActiveProviders),
  });
  const [searching, setSearching] = useState(false);
  if (intervention === '') return null;
  const fitting = (providers.data?.items ?? []).filter((p) =>
    p.interventions.includes(intervention),
  );
  const providerId = form.values.providerId;
  const known = providerId === '' || fitting.some((p) => p.id === providerId);
  return (
    <VStack gap="space-8">
      <Select
        {...form.select('providerId' as TextKey<V>)}
        className="field-narrow"
        label="Plats (utförare)"
        description="Den utförare som ska utföra insatsen, om den är bestämd."
      >
        <option value="">Ingen vald ännu</option>
        {known ? null : (
          <option value={providerId}>
            {providerId === keptPlace ? 'Skyddad uppgift (behålls)' : 'Vald utförare'}
          </option>
        )}
        {fitting.map((p) => (
          <option key={p.id} value={p.id}>
            {p.name}
          </option>
        ))}
      </Select>
      {intervention === 'shelter' && caseId ? (
        searching ? (
          <ShelterSearch
            caseId={caseId}
            onPick={(hit) => {
              form.set({ providerId: hit.providerId } as Partial<V>);
              setSearching(false);
            }}
            onClose={() => {
              setSearching(false);
            }}
          />
        ) : (
          <div>
            <Button
              type="button"
              variant="secondary"
              size="small"
              onClick={() => {
                setSearching(true);
              }}
            >
              Sök plats i skyddat boende
            </Button>
          </div>
        )
      ) : null}
    </VStack>
  );
}

const initialNeeds: PlaceNeeds = {
  children: 0,
  teenageBoy: false,
  pets: false,
  wheelchair: false,
  language: null,
  minSecurityLevel: 1,
};

const errorOf = (error: unknown, path: string) =>
  error instanceof ApiError
    ? error.fields.find((f: FieldError) => f.path === path)?.message
    : undefined;

/**
 * The search itself. Not a form of its own: it sits inside the beslut's form, so its buttons are
 * plain buttons and Enter in its fields does not submit the beslut.
 */
export function ShelterSearch({
  caseId,
  onPick,
  onClose,
}: {
  caseId: string;
  onPick: (hit: ShelterHit) => void;
  onClose: () => void;
}) {
  const [needs, setNeeds] = useState<PlaceNeeds>(initialNeeds);
  const [children, setChildren] = useState('0');
  const search = useMutation({
    mutationFn: (body: PlaceNeeds) => call(searchShelters, { params: { caseId }, body }),
  });
  const edit = (patch: Partial<PlaceNeeds>) => {
    setNeeds((n) => ({ ...n, ...patch }));
  };
  const run = () => {
    search.mutate({ ...needs, children: Number(children) });
  };
  const found = search.data;
  const id = (name: string) => `platssok-${name}`;
  return (
    <section aria-labelledby={id('rubrik')} className="indented">
      <VStack gap="space-16">
        <Heading level="4" size="xsmall" id={id('rubrik')}>
          Sök plats i skyddat boende
        </Heading>
        <BodyLong size="small">
          Välj inte automatiskt den högsta skyddsnivån: utgå från personens situation. Boenden med
          lägst tillräcklig skyddsnivå visas först.
        </BodyLong>
        <HStack gap="space-16" align="start" wrap>
          <TextField
            id={id('children')}
            label="Antal barn som följer med"
            inputMode="numeric"
            className="field-narrow"
            value={children}
            error={errorOf(search.error, 'body.children')}
            onChange={(e) => {
              setChildren(e.target.value);
            }}
            onKeyDown={(e) => {
              if (e.key === 'Enter') {
                e.preventDefault();
                run();
              }
            }}
          />
          <Select
            id={id('niva')}
            label="Lägsta skyddsnivå"
            value={String(needs.minSecurityLevel)}
            onChange={(e) => {
              edit({ minSecurityLevel: Number(e.target.value) as SecurityLevel });
            }}
          >
            {securityLevels.map((l) => (
              <option key={l} value={l}>
                {securityLevelLabels[l]}
              </option>
            ))}
          </Select>
          <TextField
            id={id('sprak')}
            label="Språk personalen behöver tala (valfritt)"
            value={needs.language ?? ''}
            error={errorOf(search.error, 'body.language')}
            onChange={(e) => {
              edit({ language: e.target.value.trim() === '' ? null : e.target.value });
            }}
            onKeyDown={(e) => {
              if (e.key === 'Enter') {
                e.preventDefault();
                run();
              }
            }}
          />
        </HStack>
        <CheckboxGroup
          legend="Behöver boendet ta emot"
          size="small"
          error={errorOf(search.error, 'body.teenageBoy')}
          value={[
            ...(needs.teenageBoy ? ['teenageBoy'] : []),
            ...(needs.pets ? ['pets'] : []),
            ...(needs.wheelchair ? ['wheelchair'] : []),
          ]}
          onChange={(value: string[]) => {
            edit({
              teenageBoy: value.includes('teenageBoy'),
              pets: value.includes('pets'),
              wheelchair: value.includes('wheelchair'),
            });
          }}
        >
          <Checkbox value="teenageBoy">En tonårspojke bland barnen</Checkbox>
          <Checkbox value="pets">Husdjur</Checkbox>
          <Checkbox value="wheelchair">Rullstol</Checkbox>
        </CheckboxGroup>
        <HStack gap="space-8">
          <Button type="button" size="small" loading={search.isPending} onClick={run}>
            Sök
          </Button>
          <Button type="button" size="small" variant="tertiary" onClick={onClose}>
            Stäng sökningen
          </Button>
        </HStack>
        {search.error && !(search.error instanceof ApiError && search.error.fields.length) ? (
          <ApiErrorAlert error={search.error} />
        ) : null}
        <div role="status">
          {found
            ? `${found.available.length} boenden med ledig plats, ${found.full.length} som passar men är fulla.`
            : null}
        </div>
        {found ? (
          <>
            <ShelterTable
              caption="Passar och har ledig plats nu"
              hits={found.available}
              onPick={onPick}
            />
            {found.full.length > 0 ? (
              <ShelterTable caption="Passar men är fulla just nu" hits={found.full} />
            ) : null}
            <TurnedAwayForm
              caseId={caseId}
              needs={{ ...needs, children: Number(children) }}
              suggested={found.suggestedReason}
            />
          </>
        ) : null}
      </VStack>
    </section>
  );
}

const takes = (h: ShelterHit) =>
  [
    h.takesChildren ? 'barn' : null,
    h.takesTeenageBoys ? 'tonårspojkar' : null,
    h.takesPets ? 'husdjur' : null,
    h.wheelchairAccessible ? 'rullstol' : null,
  ]
    .filter(Boolean)
    .join(', ') || '–';

function ShelterTable({
  caption,
  hits,
  onPick,
}: {
  caption: string;
  hits: ShelterHit[];
  onPick?: (hit: ShelterHit) => void;
}) {
  const headingId = `platssok-${onPick ? 'lediga' : 'fulla'}`;
  if (hits.length === 0) return <BodyShort>{caption}: inga boenden.</BodyShort>;
  return (
    <VStack gap="space-8">
      <Heading level="5" size="xsmall" id={headingId}>
        {caption}
      </Heading>
      <Table size="small" aria-labelledby={headingId}>
        <Table.Header>
          <Table.Row>
            <Table.HeaderCell scope="col">Boende</Table.HeaderCell>
            <Table.HeaderCell scope="col">Skyddsnivå</Table.HeaderCell>
            <Table.HeaderCell scope="col">Lediga platser</Table.HeaderCell>
            <Table.HeaderCell scope="col">Tar emot</Table.HeaderCell>
            <Table.HeaderCell scope="col">Språk</Table.HeaderCell>
            <Table.HeaderCell scope="col">Kontakt</Table.HeaderCell>
            {onPick ? <Table.HeaderCell scope="col">Välj</Table.HeaderCell> : null}
          </Table.Row>
        </Table.Header>
        <Table.Body>
          {hits.map((h) => (
            <Table.Row key={h.providerId}>
              <Table.HeaderCell scope="row">{h.name}</Table.HeaderCell>
              <Table.DataCell>{h.securityLevel}</Table.DataCell>
              <Table.DataCell>
                {h.free} av {h.places}
              </Table.DataCell>
              <Table.DataCell>{takes(h)}</Table.DataCell>
              <Table.DataCell>{h.languages.join(', ') || '–'}</Table.DataCell>
              <Table.DataCell>{h.contact ?? '–'}</Table.DataCell>
              {onPick ? (
                <Table.DataCell>
                  <Button
                    type="button"
                    size="xsmall"
                    variant="secondary"
                    onClick={() => {
                      onPick(h);
                    }}
                  >
                    Välj <span className="visually-hidden">{h.name}</span>
                  </Button>
                </Table.DataCell>
              ) : null}
            </Table.Row>
          ))}
        </Table.Body>
      </Table>
    </VStack>
  );
}

/** "Ingen plats kunde ordnas": the request recorded on the case with what was needed. */
function TurnedAwayForm({
  caseId,
  needs,
  suggested,
}: {
  caseId: string;
  needs: PlaceNeeds;
  suggested: TurnedAwayReason;
}) {
  const queryClient = useQueryClient();
  const [reason, setReason] = useState<TurnedAwayReason>(suggested);
  const [note, setNote] = useState('');
  const record = useMutation({
    mutationFn: () =>
      call(recordTurnedAway, {
        params: { caseId },
        body: { reason, needs, note: note.trim() === '' ? null : note },
      }),
    onSuccess: () => {
      void queryClient.invalidateQueries({ queryKey: turnedAwayKey(caseId) });
    },
  });
  const id = (name: string) => `ingen-plats-${name}`;
  return (
    <VStack gap="space-8">
      <Heading level="5" size="xsmall">
        Ingen plats kunde ordnas
      </Heading>
      <BodyShort size="small">
        Registrera förfrågan på ärendet med skälet och behoven ovan, så att enheten kan räkna hur
        många som inte fick plats.
      </BodyShort>
      <HStack gap="space-16" align="start" wrap>
        <Select
          id={id('skal')}
          label="Skäl"
          value={reason}
          onChange={(e) => {
            setReason(e.target.value as TurnedAwayReason);
          }}
        >
          {turnedAwayReasons.map((r) => (
            <option key={r} value={r}>
              {turnedAwayReasonLabels[r]}
            </option>
          ))}
        </Select>
        <Textarea
          id={id('anteckning')}
          label={reason === 'other' ? 'Vilket skäl' : 'Anteckning (valfritt)'}
          minRows={1}
          maxLength={2000}
          value={note}
          error={errorOf(record.error, 'body.note')}
          onChange={(e) => {
            setNote(e.target.value);
          }}
        />
      </HStack>
      <div>
        <Button
          type="button"
          size="small"
          variant="secondary"
          loading={record.isPending}
          onClick={() => {
            record.mutate();
          }}
        >
          Registrera att ingen plats kunde ordnas
        </Button>
      </div>
      {record.error && !errorOf(record.error, 'body.note') ? (
        <ApiErrorAlert error={record.error} />
      ) : null}
      <div role="status">{record.isSuccess ? 'Förfrågan är registrerad på ärendet.' : null}</div>
    </VStack>
  );
}

const turnedAwayKey = (caseId: string) => ['cases', caseId, 'turned-away'] as const;

/** The requests for a place on the case that could not be met. */
export function TurnedAwayList({ caseId }: { caseId: string }) {
  const list = useQuery({
    queryKey: turnedAwayKey(caseId),
    queryFn: () => call(listTurnedAway, { params: { caseId } }),
  });
  if (!list.data || list.data.items.length === 0) return null;
  return (
    <Alert variant="warning" size="small">
      <VStack gap="space-4">
        <BodyShort weight="semibold">Förfrågningar om plats som inte kunde ordnas</BodyShort>
        <ul>
          {list.data.items.map((t) => (
            <li key={t.id}>
              {formatDateTime(t.recordedAt)}: {turnedAwayReasonLabels[t.reason]}
              {t.note ? ` – ${t.note}` : ''} ({t.recordedBy})
            </li>
          ))}
        </ul>
      </VStack>
    </Alert>
  );
}
