import { useState } from 'react';
import type { SyntheticEvent } from 'react';
import {
  Alert,
  BodyShort,
  Button,
  Heading,
  HStack,
  Radio,
  RadioGroup,
  ReadMore,
  Select,
  Tag,
  TextField,
  Textarea,
  VStack,
} from '@navikt/ds-react';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import type { BodyOf } from '../../../../core/contracts/contract.ts';
import type { CaseDetail } from '../../../../core/contracts/cases.ts';
import {
  changeCounterpart,
  listCounterparts,
  recordCounterpart,
} from '../../../../core/contracts/counterparts.ts';
import type {
  CounterpartDetails,
  CounterpartVersionView,
  CounterpartView,
} from '../../../../core/contracts/counterparts.ts';
import type { FieldError } from '../../../../core/contracts/errors.ts';
import { call } from '../../api/client.ts';
import { fieldId, messageFor } from '../../api/forms.ts';
import { contactKindLabels, identityKindLabels } from '../../app/labels.ts';
import { ApiErrorAlert } from '../../components/ApiErrorAlert.tsx';
import { ChangeErrorAlert } from '../../components/ChangeErrorAlert.tsx';
import { FormActions } from '../../components/FormActions.tsx';
import { FormErrorSummary } from '../../components/FormErrorSummary.tsx';
import { formatDateTime } from '../../components/format.ts';
import { Loading } from '../../components/Loading.tsx';
import { useFormMutation } from '../../components/useFormMutation.ts';
import { caseKey } from '../cases/useCase.ts';
import { counterpartRelationLabels, livesTogetherLabels, recordStatusLabels } from './labels.ts';

/**
 * "Personer som utövar våld och andra närstående" on the case page (issue 14): what the file of
 * the case's person records about them — known by identity number or only by name or
 * description — corrected, ended or marked wrongly recorded as new versions, with the history.
 * Contact details and whereabouts come masked where her file is protected and the reader may not
 * see her protected details; the server decides (core/policy/rules/counterparts.ts).
 */

const counterpartsKey = (caseId: string) => [...caseKey(caseId), 'counterparts'] as const;

/** The counterparts of a case's file: this section's, and the orosanmälan's prefill. */
export const counterpartsQuery = (caseId: string) => ({
  queryKey: counterpartsKey(caseId),
  queryFn: () => call(listCounterparts, { params: { caseId } }),
});

export function CounterpartsSection({ detail }: { detail: CaseDetail }) {
  const caseId = detail.id;
  const query = useQuery(counterpartsQuery(caseId));
  const [adding, setAdding] = useState(false);
  const [announcement, setAnnouncement] = useState<string | null>(null);

  return (
    <section aria-labelledby="motparter-rubrik">
      <VStack gap="space-16">
        <Heading level="2" size="medium" id="motparter-rubrik">
          Personer som utövar våld och andra närstående
        </Heading>
        <div role="status">
          {announcement ? <BodyShort weight="semibold">{announcement}</BodyShort> : null}
        </div>
        {query.isPending ? <Loading label="Hämtar närstående…" /> : null}
        {query.isError ? <ApiErrorAlert error={query.error} /> : null}
        {query.data ? (
          <>
            {query.data.current.length === 0 ? (
              <BodyShort>Inga personer är registrerade.</BodyShort>
            ) : (
              <ul className="counterpart-list" aria-label="Registrerade personer">
                {query.data.current.map((c) => (
                  <li key={c.id}>
                    <CounterpartCard
                      caseId={caseId}
                      counterpart={c}
                      canWrite={query.data.abilities.write}
                      onDone={setAnnouncement}
                    />
                  </li>
                ))}
              </ul>
            )}
            {query.data.abilities.write ? (
              adding ? (
                <CounterpartForm
                  caseId={caseId}
                  onCancel={() => {
                    setAdding(false);
                  }}
                  onDone={(message) => {
                    setAdding(false);
                    setAnnouncement(message);
                  }}
                />
              ) : (
                <div>
                  <Button
                    type="button"
                    variant="secondary"
                    onClick={() => {
                      setAdding(true);
                      setAnnouncement(null);
                    }}
                  >
                    Registrera person
                  </Button>
                </div>
              )
            ) : null}
            {query.data.past.length > 0 ? (
              <VStack gap="space-8">
                <Heading level="3" size="small">
                  Avslutade och felregistrerade
                </Heading>
                <ul className="counterpart-list" aria-label="Avslutade och felregistrerade">
                  {query.data.past.map((c) => (
                    <li key={c.id}>
                      <CounterpartCard
                        caseId={caseId}
                        counterpart={c}
                        canWrite={false}
                        onDone={setAnnouncement}
                      />
                    </li>
                  ))}
                </ul>
              </VStack>
            ) : null}
          </>
        ) : null}
      </VStack>
    </section>
  );
}

function DetailsFacts({ details }: { details: CounterpartDetails }) {
  if (details.masked) {
    return (
      <>
        <dt>Kontaktuppgifter och vistelseort</dt>
        <dd>
          {details.contactCount > 0 || details.hasWhereabouts
            ? 'Skyddade uppgifter: visas bara för handläggaren som är tilldelad ärendet.'
            : 'Inga uppgifter'}
        </dd>
      </>
    );
  }
  return (
    <>
      <dt>Kontaktuppgifter</dt>
      <dd>
        {details.contact.length === 0
          ? 'Inga kända'
          : details.contact.map((c) => `${contactKindLabels[c.kind]}: ${c.value}`).join(', ')}
      </dd>
      <dt>Vistelseort</dt>
      <dd className="preserve-lines">{details.whereabouts ?? 'Inte känd'}</dd>
    </>
  );
}

function VersionFacts({ v }: { v: CounterpartVersionView }) {
  return (
    <dl className="facts">
      <dt>Identitet</dt>
      <dd>
        {v.identity ? `${identityKindLabels[v.identity.kind]} ${v.identity.display}` : 'Inte känd'}
      </dd>
      {v.description ? (
        <>
          <dt>Beskrivning</dt>
          <dd className="preserve-lines">{v.description}</dd>
        </>
      ) : null}
      <dt>Relation</dt>
      <dd>{counterpartRelationLabels[v.relation]}</dd>
      <dt>Utövar våld</dt>
      <dd>{v.usesViolence ? 'Ja' : 'Nej'}</dd>
      <dt>Bor tillsammans</dt>
      <dd>{livesTogetherLabels[v.livesTogether]}</dd>
      <DetailsFacts details={v.details} />
    </dl>
  );
}

function CounterpartCard({
  caseId,
  counterpart: c,
  canWrite,
  onDone,
}: {
  caseId: string;
  counterpart: CounterpartView;
  canWrite: boolean;
  onDone: (message: string) => void;
}) {
  const [mode, setMode] = useState<'view' | 'correct' | 'end'>('view');
  const headingId = `motpart-${c.id}`;
  return (
    <article aria-labelledby={headingId} className="counterpart">
      <VStack gap="space-8">
        <HStack gap="space-8" align="center">
          <Heading level="3" size="small" id={headingId}>
            {c.name}
          </Heading>
          {c.usesViolence ? (
            <Tag variant="error" size="small">
              Utövar våld
            </Tag>
          ) : null}
          {c.status !== 'current' ? (
            <Tag variant="neutral" size="small">
              {recordStatusLabels[c.status]}
            </Tag>
          ) : null}
        </HStack>
        <VersionFacts v={c} />
        {c.status !== 'current' && c.changeReason ? (
          <BodyShort size="small">Skäl: {c.changeReason}</BodyShort>
        ) : null}
        <ReadMore header={`Historik (${c.history.length} versioner)`} size="small">
          <ol className="history">
            {[...c.history].reverse().map((v) => (
              <li key={v.version}>
                <BodyShort size="small" textColor="subtle">
                  Version {v.version} ·{' '}
                  <time dateTime={v.recordedAt}>{formatDateTime(v.recordedAt)}</time>
                  {` · ${v.recordedBy.displayName} · ${recordStatusLabels[v.status]}`}
                </BodyShort>
                {v.changeReason ? <BodyShort size="small">Skäl: {v.changeReason}</BodyShort> : null}
                <VersionFacts v={v} />
              </li>
            ))}
          </ol>
        </ReadMore>
        {canWrite && mode === 'view' ? (
          <HStack gap="space-8">
            <Button
              type="button"
              size="small"
              variant="secondary"
              onClick={() => {
                setMode('correct');
              }}
            >
              Rätta uppgifter om {c.name}
            </Button>
            <Button
              type="button"
              size="small"
              variant="tertiary"
              onClick={() => {
                setMode('end');
              }}
            >
              Avsluta eller markera som felregistrerad
            </Button>
          </HStack>
        ) : null}
        {mode === 'correct' ? (
          <CounterpartForm
            caseId={caseId}
            correcting={c}
            onCancel={() => {
              setMode('view');
            }}
            onDone={(message) => {
              setMode('view');
              onDone(message);
            }}
          />
        ) : null}
        {mode === 'end' ? (
          <StatusForm
            caseId={caseId}
            counterpart={c}
            onCancel={() => {
              setMode('view');
            }}
            onDone={(message) => {
              setMode('view');
              onDone(message);
            }}
          />
        ) : null}
      </VStack>
    </article>
  );
}

type RecordBody = BodyOf<typeof recordCounterpart>;
interface FormValues {
  identityKind: '' | 'personnummer' | 'samordningsnummer';
  number: string;
  givenName: string;
  familyName: string;
  description: string;
  relation: string;
  usesViolence: '' | 'yes' | 'no';
  livesTogether: 'yes' | 'no' | 'unknown';
  contact: { kind: 'phone' | 'email' | 'address' | 'digital_mailbox'; value: string }[];
  whereabouts: string;
  reason: string;
}

function initialValues(c: CounterpartView | undefined): FormValues {
  const details = c && !c.details.masked ? c.details : null;
  return {
    identityKind: c?.identity && c.identity.kind !== 'reservnummer' ? c.identity.kind : '',
    number: c?.identity?.display ?? '',
    givenName: c?.givenName ?? '',
    familyName: c?.familyName ?? '',
    description: c?.description ?? '',
    relation: c?.relation ?? '',
    usesViolence: c ? (c.usesViolence ? 'yes' : 'no') : '',
    livesTogether: c?.livesTogether ?? 'unknown',
    contact: details?.contact.map((k) => ({ kind: k.kind, value: k.value })) ?? [],
    whereabouts: details?.whereabouts ?? '',
    reason: '',
  };
}

function toBody(v: FormValues): RecordBody {
  return {
    identity: v.identityKind && v.number.trim() ? { kind: v.identityKind, number: v.number } : null,
    givenName: v.givenName,
    familyName: v.familyName,
    description: v.description,
    relation: v.relation as RecordBody['relation'],
    usesViolence: v.usesViolence === 'yes',
    livesTogether: v.livesTogether,
    contact: v.contact.filter((k) => k.value.trim() !== ''),
    whereabouts: v.whereabouts,
  };
}

function ownProblems(v: FormValues): FieldError[] {
  const problems: FieldError[] = [];
  if (!v.relation) problems.push({ path: 'body.relation', message: 'Välj relation.' });
  if (!v.usesViolence) {
    problems.push({ path: 'body.usesViolence', message: 'Ange om personen utövar våld.' });
  }
  if (v.identityKind && !v.number.trim()) {
    problems.push({ path: 'body.identity.number', message: 'Fyll i numret.' });
  }
  return problems;
}

/** Records a counterpart, or corrects one (a new version, with why). */
function CounterpartForm({
  caseId,
  correcting,
  onCancel,
  onDone,
}: {
  caseId: string;
  correcting?: CounterpartView;
  onCancel: () => void;
  onDone: (message: string) => void;
}) {
  const queryClient = useQueryClient();
  const formId = correcting ? `ratta-motpart-${correcting.id}` : 'ny-motpart';
  const [values, setValues] = useState<FormValues>(() => initialValues(correcting));
  const set = (patch: Partial<FormValues>) => {
    setValues((v) => ({ ...v, ...patch }));
  };
  // Where her file is protected and his details are masked to this reader, the correction leaves
  // them out, and the server keeps them as they were.
  const masked = correcting?.details.masked === true;
  const form = useFormMutation<
    BodyOf<typeof recordCounterpart> | BodyOf<typeof changeCounterpart>,
    unknown
  >(correcting ? changeCounterpart.body : recordCounterpart.body, {
    mutationFn: (body) =>
      correcting
        ? call(changeCounterpart, {
            params: { caseId, counterpartId: correcting.id },
            body: body as BodyOf<typeof changeCounterpart>,
          })
        : call(recordCounterpart, { params: { caseId }, body: body as RecordBody }),
    onSuccess: () => {
      void queryClient.invalidateQueries({ queryKey: counterpartsKey(caseId) });
      onDone(correcting ? 'Uppgifterna är rättade.' : 'Personen är registrerad.');
    },
  });
  const errorOf = (path: string) => messageFor(form.fieldErrors, path);
  const idOf = (path: string) => fieldId(formId, path);
  const submit = (event: SyntheticEvent) => {
    event.preventDefault();
    const body = toBody(values);
    const problems = ownProblems(values);
    if (correcting) {
      if (!values.reason.trim()) {
        problems.push({ path: 'body.reason', message: 'Ange varför uppgifterna rättas.' });
      }
      form.submit(
        { change: 'correction', ...body, reason: values.reason, version: correcting.version },
        problems,
      );
    } else {
      form.submit(body, problems);
    }
  };
  return (
    <form
      onSubmit={submit}
      noValidate
      aria-label={correcting ? `Rätta uppgifter om ${correcting.name}` : 'Registrera person'}
    >
      <VStack gap="space-16">
        <FormErrorSummary formId={formId} errors={form.fieldErrors} />
        <HStack gap="space-16" align="end">
          <Select
            id={idOf('body.identity.kind')}
            label="Identitetsnummer"
            value={values.identityKind}
            onChange={(e) => {
              set({ identityKind: e.target.value as FormValues['identityKind'] });
            }}
          >
            <option value="">Inte känt</option>
            <option value="personnummer">Personnummer</option>
            <option value="samordningsnummer">Samordningsnummer</option>
          </Select>
          {values.identityKind ? (
            <TextField
              id={idOf('body.identity.number')}
              label="Nummer"
              description="ÅÅÅÅMMDD-NNNN"
              value={values.number}
              error={errorOf('body.identity.number')}
              onChange={(e) => {
                set({ number: e.target.value });
              }}
            />
          ) : null}
        </HStack>
        <HStack gap="space-16">
          <TextField
            id={idOf('body.givenName')}
            label="Förnamn"
            value={values.givenName}
            error={errorOf('body.givenName')}
            onChange={(e) => {
              set({ givenName: e.target.value });
            }}
          />
          <TextField
            id={idOf('body.familyName')}
            label="Efternamn"
            value={values.familyName}
            error={errorOf('body.familyName')}
            onChange={(e) => {
              set({ familyName: e.target.value });
            }}
          />
        </HStack>
        <Textarea
          id={idOf('body.description')}
          label="Beskrivning"
          description="Om namnet inte är känt: hur hon beskriver personen."
          minRows={2}
          maxLength={2000}
          value={values.description}
          error={errorOf('body.description')}
          onChange={(e) => {
            set({ description: e.target.value });
          }}
        />
        <Select
          id={idOf('body.relation')}
          label="Relation till personen"
          value={values.relation}
          error={errorOf('body.relation')}
          onChange={(e) => {
            set({ relation: e.target.value });
          }}
        >
          <option value="">Välj</option>
          {Object.entries(counterpartRelationLabels).map(([value, label]) => (
            <option key={value} value={value}>
              {label}
            </option>
          ))}
        </Select>
        <RadioGroup
          id={idOf('body.usesViolence')}
          legend="Utövar personen våld mot henne?"
          value={values.usesViolence}
          error={errorOf('body.usesViolence')}
          onChange={(value: string) => {
            set({ usesViolence: value as FormValues['usesViolence'] });
          }}
        >
          <Radio value="yes">Ja</Radio>
          <Radio value="no">Nej</Radio>
        </RadioGroup>
        <RadioGroup
          id={idOf('body.livesTogether')}
          legend="Bor de tillsammans?"
          value={values.livesTogether}
          onChange={(value: string) => {
            set({ livesTogether: value as FormValues['livesTogether'] });
          }}
        >
          {Object.entries(livesTogetherLabels).map(([value, label]) => (
            <Radio key={value} value={value}>
              {label}
            </Radio>
          ))}
        </RadioGroup>
        {masked ? (
          <Alert variant="info" size="small" inline>
            Kontaktuppgifter och vistelseort är skyddade och ändras inte här. Bara handläggaren som
            är tilldelad ärendet kan se och rätta dem.
          </Alert>
        ) : null}
        {masked ? null : (
          <fieldset className="plain-fieldset">
            <legend>Kända kontaktuppgifter till personen</legend>
            <VStack gap="space-8">
              {values.contact.map((k, i) => (
                <HStack key={i} gap="space-8" align="end">
                  <Select
                    label={`Slag, kontaktuppgift ${i + 1}`}
                    value={k.kind}
                    onChange={(e) => {
                      const contact = [...values.contact];
                      contact[i] = { ...k, kind: e.target.value as typeof k.kind };
                      set({ contact });
                    }}
                  >
                    {Object.entries(contactKindLabels).map(([value, label]) => (
                      <option key={value} value={value}>
                        {label}
                      </option>
                    ))}
                  </Select>
                  <TextField
                    id={idOf(`body.contact.${i}.value`)}
                    label={`Uppgift, kontaktuppgift ${i + 1}`}
                    value={k.value}
                    error={errorOf(`body.contact.${i}.value`)}
                    onChange={(e) => {
                      const contact = [...values.contact];
                      contact[i] = { ...k, value: e.target.value };
                      set({ contact });
                    }}
                  />
                  <Button
                    type="button"
                    variant="tertiary"
                    size="small"
                    onClick={() => {
                      set({ contact: values.contact.filter((_, j) => j !== i) });
                    }}
                  >
                    Ta bort kontaktuppgift {i + 1}
                  </Button>
                </HStack>
              ))}
              <div>
                <Button
                  type="button"
                  variant="secondary"
                  size="small"
                  onClick={() => {
                    set({ contact: [...values.contact, { kind: 'phone', value: '' }] });
                  }}
                >
                  Lägg till kontaktuppgift
                </Button>
              </div>
            </VStack>
          </fieldset>
        )}
        {masked ? null : (
          <Textarea
            id={idOf('body.whereabouts')}
            label="Var personen finns eller bor"
            minRows={2}
            maxLength={2000}
            value={values.whereabouts}
            error={errorOf('body.whereabouts')}
            onChange={(e) => {
              set({ whereabouts: e.target.value });
            }}
          />
        )}
        {correcting ? (
          <Textarea
            id={idOf('body.reason')}
            label="Varför rättas uppgifterna?"
            minRows={2}
            maxLength={2000}
            value={values.reason}
            error={errorOf('body.reason')}
            onChange={(e) => {
              set({ reason: e.target.value });
            }}
          />
        ) : null}
        <ChangeErrorAlert
          error={form.generalError}
          size="small"
          onReload={() => {
            void queryClient.invalidateQueries({ queryKey: counterpartsKey(caseId) });
            onCancel();
          }}
        />
        <FormActions
          submit={correcting ? 'Spara rättelsen' : 'Registrera'}
          pending={form.mutation.isPending}
          onCancel={onCancel}
        />
      </VStack>
    </form>
  );
}

/** Ended, or recorded by mistake: a new version with why. Nothing is erased. */
function StatusForm({
  caseId,
  counterpart: c,
  onCancel,
  onDone,
}: {
  caseId: string;
  counterpart: CounterpartView;
  onCancel: () => void;
  onDone: (message: string) => void;
}) {
  const queryClient = useQueryClient();
  const formId = `avsluta-motpart-${c.id}`;
  const [status, setStatus] = useState<'' | 'ended' | 'wrongly_recorded'>('');
  const [reason, setReason] = useState('');
  const form = useFormMutation<BodyOf<typeof changeCounterpart>, unknown>(changeCounterpart.body, {
    mutationFn: (body) =>
      call(changeCounterpart, { params: { caseId, counterpartId: c.id }, body }),
    onSuccess: () => {
      void queryClient.invalidateQueries({ queryKey: counterpartsKey(caseId) });
      onDone(
        status === 'ended'
          ? `${c.name} är markerad som avslutad.`
          : `${c.name} är markerad som felregistrerad.`,
      );
    },
  });
  const errorOf = (path: string) => messageFor(form.fieldErrors, path);
  return (
    <form
      noValidate
      aria-label={`Avsluta eller markera ${c.name} som felregistrerad`}
      onSubmit={(event) => {
        event.preventDefault();
        const problems: FieldError[] = [];
        if (!status) {
          problems.push({
            path: 'body.status',
            message: 'Välj om relationen har upphört eller var felregistrerad.',
          });
        }
        if (!reason.trim()) problems.push({ path: 'body.reason', message: 'Ange varför.' });
        form.submit(
          {
            change: 'status',
            status: status || 'ended',
            reason,
            version: c.version,
          },
          problems,
        );
      }}
    >
      <VStack gap="space-16">
        <FormErrorSummary formId={formId} errors={form.fieldErrors} />
        <RadioGroup
          id={fieldId(formId, 'body.status')}
          legend="Vad har hänt?"
          value={status}
          error={errorOf('body.status')}
          onChange={(value: string) => {
            setStatus(value as typeof status);
          }}
        >
          <Radio value="ended">Relationen har upphört</Radio>
          <Radio value="wrongly_recorded">Uppgiften var felregistrerad</Radio>
        </RadioGroup>
        <Textarea
          id={fieldId(formId, 'body.reason')}
          label="Varför?"
          minRows={2}
          maxLength={2000}
          value={reason}
          error={errorOf('body.reason')}
          onChange={(e) => {
            setReason(e.target.value);
          }}
        />
        <ChangeErrorAlert
          error={form.generalError}
          size="small"
          onReload={() => {
            void queryClient.invalidateQueries({ queryKey: counterpartsKey(caseId) });
            onCancel();
          }}
        />
        <FormActions submit="Spara" pending={form.mutation.isPending} onCancel={onCancel} />
      </VStack>
    </form>
  );
}
