import { useState } from 'react';
import {
  BodyLong,
  BodyShort,
  Button,
  Checkbox,
  Fieldset,
  Heading,
  HStack,
  Link,
  Radio,
  RadioGroup,
  Select,
  Table,
  Tag,
  Textarea,
  VStack,
} from '@navikt/ds-react';
import {
  CheckmarkCircleIcon,
  ExclamationmarkTriangleIcon,
  PieChartIcon,
} from '@navikt/aksel-icons';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { Link as RouterLink } from 'react-router';
import type { CaseDetail } from '../../../../core/contracts/cases.ts';
import {
  changeFollowUpDue,
  correctFollowUp,
  listFollowUps,
  recordFollowUp,
  setFollowUpDue,
} from '../../../../core/contracts/follow-ups.ts';
import type {
  CommissionForFollowUp,
  FollowUpDueView,
  FollowUpView,
  FollowUps,
} from '../../../../core/contracts/follow-ups.ts';
import {
  followUpProblems,
  followUpMethodLabels,
  followUpMethods,
  goalFulfilmentLabels,
  goalFulfilments,
} from '../../../../core/domain/follow-ups.ts';
import type { FollowUpMethod, GoalFulfilment } from '../../../../core/domain/follow-ups.ts';
import { call } from '../../api/client.ts';
import { interventionLabels } from '../../app/labels.ts';
import { ApiErrorAlert } from '../../components/ApiErrorAlert.tsx';
import { DateField } from '../../components/DateField.tsx';
import { stockholmToday } from '../../components/dates.ts';
import { formatDate, formatDateTime } from '../../components/format.ts';
import { FormErrorSummary } from '../../components/FormErrorSummary.tsx';
import { Loading } from '../../components/Loading.tsx';
import { VersionsButton } from '../../components/VersionsButton.tsx';
import { useContractForm } from '../../components/useContractForm.ts';
import type { FieldBindings, FlagKey, TextKey } from '../../components/useContractForm.ts';
import { caseKey } from '../cases/useCase.ts';

/** Under the case's key: a date set or an uppföljning recorded refreshes the case's deadlines. */
const followUpsKey = (caseId: string) => [...caseKey(caseId), 'follow-ups'] as const;

const interventionName = (code: string) =>
  (interventionLabels as Record<string, string | undefined>)[code] ?? code;

const commissionStatusLabels: Record<CommissionForFollowUp['status'], string> = {
  sent: 'Skickat till utföraren',
  accepted: 'Accepterat av utföraren',
  declined: 'Utföraren har tackat nej',
  ended: 'Avslutat',
};

const commissionName = (c: CommissionForFollowUp) =>
  `${interventionName(c.intervention)} hos ${c.providerName}`;

const period = (p: CommissionForFollowUp['period']) =>
  `${formatDate(p.from)} – ${p.to ? formatDate(p.to) : 'tills vidare'}`;

/**
 * Uppföljning: the case's uppdrag, the dates by which each is to be followed up, the form for an
 * uppföljning, and those recorded with every version. The måluppfyllelse is shown in words.
 */
export function FollowUpsTab({ detail }: { detail: CaseDetail }) {
  const followUps = useQuery({
    queryKey: followUpsKey(detail.id),
    queryFn: () => call(listFollowUps, { params: { caseId: detail.id } }),
  });
  const [recorded, setRecorded] = useState(false);
  if (followUps.isPending) return <Loading label="Hämtar uppföljningarna…" />;
  if (followUps.isError) return <ApiErrorAlert error={followUps.error} />;
  const data = followUps.data;
  const write = data.abilities.write && detail.status === 'open';
  return (
    <VStack gap="space-32">
      <VStack gap="space-12">
        <Heading level="2" size="large">
          Uppföljning
        </Heading>
        <BodyLong>
          Insatser som beslutas ska följas upp, med både personen och utföraren: hur personen själv
          ser på insatsen, när och hur den följdes upp, din bedömning, vilka åtgärder som beslutas
          och om målen är uppfyllda.
        </BodyLong>
      </VStack>
      <SafetyPlanReview detail={detail} />
      {data.commissions.length === 0 ? (
        <BodyShort textColor="subtle">
          Det finns inga uppdrag i ärendet. En insats följs upp när ett uppdrag har lämnats till en
          utförare.
        </BodyShort>
      ) : (
        <>
          {data.commissions.map((c) => (
            <CommissionDues key={c.id} caseId={detail.id} commission={c} write={write} />
          ))}
          {write ? (
            // Starts again when the open dates change, so it offers the earliest still open.
            <RecordFollowUpForm
              key={openDueKey(data)}
              caseId={detail.id}
              data={data}
              onRecorded={() => {
                setRecorded(true);
              }}
            />
          ) : null}
          {/* Outside the form, which starts again once the uppföljning answers its date. */}
          <div role="status">{recorded ? 'Uppföljningen är registrerad.' : null}</div>
          <FollowUpList caseId={detail.id} data={data} write={write} />
        </>
      )}
    </VStack>
  );
}

/** While she stays in skyddat boende: when the safety plan is next to be reviewed, and where. */
function SafetyPlanReview({ detail }: { detail: CaseDetail }) {
  const review = detail.deadlines.find((d) => d.kind === 'safety_plan_review');
  if (!review) return null;
  return (
    <section aria-labelledby="sakerhetsplan-rubrik">
      <VStack gap="space-8">
        <Heading level="3" size="medium" id="sakerhetsplan-rubrik">
          Säkerhetsplanen under vistelsen i skyddat boende
        </Heading>
        <BodyShort>
          Säkerhetsplanen ses över regelbundet under vistelsen, ofta tillsammans med boendet. Nästa
          översyn senast {formatDate(review.dueOn)}
          {review.status === 'overdue' ? ' – den är försenad' : ''}.
        </BodyShort>
        <div>
          <Link as={RouterLink} to={`/arenden/${detail.id}?flik=risk`}>
            Öppna säkerhetsplanen under Risk och säkerhet
          </Link>
        </div>
      </VStack>
    </section>
  );
}

const openDueKey = (data: FollowUps) =>
  data.commissions
    .flatMap((c) => c.dues.filter((d) => !d.cancelled && !d.answeredBy).map((d) => d.id))
    .join(',');

function dueState(due: FollowUpDueView, today: string) {
  if (due.cancelled) return 'Inställd';
  if (due.answeredBy) return 'Uppföljd';
  return due.dueOn < today ? 'Försenad' : 'Planerad';
}

/** One uppdrag: its period and status, and the dates set for following it up. */
function CommissionDues({
  caseId,
  commission,
  write,
}: {
  caseId: string;
  commission: CommissionForFollowUp;
  write: boolean;
}) {
  const headingId = `uppdrag-${commission.id}`;
  const today = stockholmToday();
  const [changing, setChanging] = useState<string | null>(null);
  return (
    <section aria-labelledby={headingId}>
      <VStack gap="space-12">
        <Heading level="3" size="medium" id={headingId}>
          {commissionName(commission)}
        </Heading>
        <BodyShort>
          Period {period(commission.period)} · {commissionStatusLabels[commission.status]}
        </BodyShort>
        {commission.dues.length === 0 ? (
          <BodyShort textColor="subtle">Inget datum för uppföljning är satt.</BodyShort>
        ) : (
          <Table size="small" aria-labelledby={headingId}>
            <caption className="visually-hidden">Datum för uppföljning</caption>
            <Table.Header>
              <Table.Row>
                <Table.HeaderCell scope="col">Följs upp senast</Table.HeaderCell>
                <Table.HeaderCell scope="col">Läge</Table.HeaderCell>
                <Table.HeaderCell scope="col">Ändringar</Table.HeaderCell>
                {write ? <Table.HeaderCell scope="col">Ändra</Table.HeaderCell> : null}
              </Table.Row>
            </Table.Header>
            <Table.Body>
              {commission.dues.map((d) => (
                <Table.Row key={d.id}>
                  <Table.DataCell>{formatDate(d.dueOn)}</Table.DataCell>
                  <Table.DataCell>{dueState(d, today)}</Table.DataCell>
                  <Table.DataCell>
                    {d.history.length === 1 ? (
                      'Inga'
                    ) : (
                      <ul className="plain-list">
                        {d.history.slice(1).map((h) => (
                          <li key={h.version}>
                            {h.cancelled ? 'Inställd' : `Flyttad till ${formatDate(h.dueOn)}`} (
                            {formatDateTime(h.recordedAt)}, {h.recordedBy.displayName}):{' '}
                            {h.changeReason}
                          </li>
                        ))}
                      </ul>
                    )}
                  </Table.DataCell>
                  {write ? (
                    <Table.DataCell>
                      {!d.cancelled && !d.answeredBy ? (
                        <Button
                          size="small"
                          variant="secondary"
                          aria-expanded={changing === d.id}
                          aria-controls={`andra-${d.id}`}
                          onClick={() => {
                            setChanging((shown) => (shown === d.id ? null : d.id));
                          }}
                        >
                          Flytta eller ställ in
                          <span className="visually-hidden"> uppföljningen {d.dueOn}</span>
                        </Button>
                      ) : null}
                    </Table.DataCell>
                  ) : null}
                </Table.Row>
              ))}
            </Table.Body>
          </Table>
        )}
        {commission.dues.map((d) =>
          changing === d.id ? (
            <div key={d.id} id={`andra-${d.id}`}>
              <ChangeDueForm
                caseId={caseId}
                due={d}
                onDone={() => {
                  setChanging(null);
                }}
              />
            </div>
          ) : null,
        )}
        {write && commission.status !== 'declined' ? (
          <SetDueForm caseId={caseId} commission={commission} />
        ) : null}
      </VStack>
    </section>
  );
}

function SetDueForm({ caseId, commission }: { caseId: string; commission: CommissionForFollowUp }) {
  const queryClient = useQueryClient();
  const formId = `nytt-datum-${commission.id}`;
  const form = useContractForm(setFollowUpDue, {
    formId,
    initial: { commissionId: commission.id, dueOn: '' },
    send: (body) => call(setFollowUpDue, { params: { caseId }, body }),
    clearOnSuccess: ['dueOn'],
    onSuccess: () => {
      void queryClient.invalidateQueries({ queryKey: caseKey(caseId) });
    },
  });
  return (
    <form {...form.formProps} aria-labelledby={`${formId}-rubrik`} className="step-form">
      <VStack gap="space-12">
        <Heading level="4" size="small" id={`${formId}-rubrik`}>
          Sätt datum för uppföljning
        </Heading>
        <FormErrorSummary {...form.summaryProps} />
        <ApiErrorAlert error={form.generalError} />
        <DateField {...form.text('dueOn')} label="Följs upp senast" />
        <div>
          <Button type="submit" size="small" loading={form.mutation.isPending}>
            Sätt datum
          </Button>
        </div>
        <div role="status">{form.saved ? 'Datumet är satt.' : null}</div>
      </VStack>
    </form>
  );
}

function ChangeDueForm({
  caseId,
  due,
  onDone,
}: {
  caseId: string;
  due: FollowUpDueView;
  onDone: () => void;
}) {
  const queryClient = useQueryClient();
  const formId = `andra-datum-${due.id}`;
  const form = useContractForm(changeFollowUpDue, {
    formId,
    initial: { dueOn: due.dueOn, cancel: 'no', reason: '', version: due.version },
    toBody: ({ dueOn, cancel, reason, version }) => ({
      dueOn,
      cancelled: cancel === 'yes',
      reason,
      version,
    }),
    paths: { cancel: 'cancelled' },
    send: (body) => call(changeFollowUpDue, { params: { caseId, dueId: due.id }, body }),
    onSuccess: () => {
      void queryClient.invalidateQueries({ queryKey: caseKey(caseId) });
      onDone();
    },
  });
  return (
    <form {...form.formProps} aria-labelledby={`${formId}-rubrik`} className="step-form">
      <VStack gap="space-12">
        <Heading level="4" size="small" id={`${formId}-rubrik`}>
          Ändra uppföljningen {formatDate(due.dueOn)}
        </Heading>
        <FormErrorSummary {...form.summaryProps} />
        <ApiErrorAlert error={form.generalError} />
        <RadioGroup {...form.choice('cancel')} legend="Vad ändras?">
          <Radio value="no">Datumet flyttas</Radio>
          <Radio value="yes">Uppföljningen ställs in</Radio>
        </RadioGroup>
        {form.values.cancel !== 'yes' ? (
          <DateField {...form.text('dueOn')} label="Nytt datum" />
        ) : null}
        <Textarea {...form.longText('reason')} label="Varför ändras det?" minRows={2} />
        <HStack gap="space-8">
          <Button type="submit" size="small" loading={form.mutation.isPending}>
            Spara ändringen
          </Button>
          <Button type="button" size="small" variant="tertiary" onClick={onDone}>
            Avbryt
          </Button>
        </HStack>
      </VStack>
    </form>
  );
}

/** The fields of an uppföljning, shared by recording one and correcting it. */
interface ContentValues extends Record<string, unknown> {
  followedUpOn: string;
  method: FollowUpMethod | '';
  withPerson: boolean;
  withProvider: boolean;
  personView: string;
  assessment: string;
  actions: string;
  goalFulfilment: GoalFulfilment | '';
}

function ContentFields<V extends ContentValues>({ form }: { form: FieldBindings<V> }) {
  const who = form.errorOf('withPerson');
  return (
    <>
      <DateField {...form.text('followedUpOn' as TextKey<V>)} label="Datum för uppföljningen" />
      <RadioGroup {...form.choice('method' as TextKey<V>)} legend="Hur gjordes uppföljningen?">
        {followUpMethods.map((m) => (
          <Radio key={m} value={m}>
            {followUpMethodLabels[m]}
          </Radio>
        ))}
      </RadioGroup>
      <Fieldset
        legend="Med vem?"
        description="Uppföljningen ska innehålla kontakt med både personen och utföraren."
        id={form.idOf('withPerson')}
        error={who}
      >
        <Checkbox {...form.flag('withPerson' as FlagKey<V>)}>Med personen</Checkbox>
        <Checkbox {...form.flag('withProvider' as FlagKey<V>)}>Med utföraren</Checkbox>
      </Fieldset>
      <Textarea
        {...form.longText('personView' as TextKey<V>)}
        label="Personens egen syn på insatsen"
        description="Med hennes egna ord: hur hon upplever insatsen och om den svarar mot hennes behov."
        minRows={3}
      />
      <Textarea
        {...form.longText('assessment' as TextKey<V>)}
        label="Din bedömning av personens situation"
        minRows={3}
      />
      <Textarea
        {...form.longText('actions' as TextKey<V>)}
        label="Åtgärder som beslutas"
        description="Krävs när målen inte är helt uppfyllda."
        minRows={2}
      />
      <RadioGroup {...form.choice('goalFulfilment' as TextKey<V>)} legend="Måluppfyllelse">
        {goalFulfilments.map((g) => (
          <Radio key={g} value={g}>
            {goalFulfilmentLabels[g]}
          </Radio>
        ))}
      </RadioGroup>
    </>
  );
}

const emptyContent = (): ContentValues => ({
  followedUpOn: stockholmToday(),
  method: '',
  withPerson: true,
  withProvider: false,
  personView: '',
  assessment: '',
  actions: '',
  goalFulfilment: '',
});

/**
 * What the server's rule would refuse (core/domain/follow-ups.ts), asked before sending; a choice
 * not made is left to `unchosen`.
 */
const contentCheck = (values: ContentValues) =>
  values.method === '' || values.goalFulfilment === ''
    ? []
    : followUpProblems(
        { ...values, method: values.method, goalFulfilment: values.goalFulfilment },
        stockholmToday(),
      ).map((p) => ({ path: `body.${p.field}`, message: p.message }));

const contentUnchosen = {
  method: 'Välj hur uppföljningen gjordes.',
  goalFulfilment: 'Välj om målen är uppfyllda.',
} as const;

function RecordFollowUpForm({
  caseId,
  data,
  onRecorded,
}: {
  caseId: string;
  data: FollowUps;
  onRecorded: () => void;
}) {
  const queryClient = useQueryClient();
  const formId = 'ny-uppfoljning';
  const open = data.commissions.filter((c) => c.status !== 'declined');
  const first = open[0];
  const openDuesOf = (commissionId: string) =>
    data.commissions
      .find((c) => c.id === commissionId)
      ?.dues.filter((d) => !d.cancelled && !d.answeredBy) ?? [];
  const form = useContractForm(recordFollowUp, {
    formId,
    initial: {
      commissionId: first?.id ?? '',
      dueId: first ? (openDuesOf(first.id)[0]?.id ?? '') : '',
      ...emptyContent(),
    },
    toBody: ({ dueId, ...rest }) => ({ ...rest, dueId: dueId === '' ? null : dueId }),
    unchosen: { commissionId: 'Välj uppdrag.', ...contentUnchosen },
    check: contentCheck,
    send: (body) => call(recordFollowUp, { params: { caseId }, body }),
    clearOnSuccess: true,
    onSuccess: () => {
      onRecorded();
      void queryClient.invalidateQueries({ queryKey: caseKey(caseId) });
    },
  });
  if (!first) return null;
  const dues = openDuesOf(form.values.commissionId);
  return (
    <form {...form.formProps} aria-labelledby={`${formId}-rubrik`} className="step-form">
      <VStack gap="space-16">
        <Heading level="3" size="medium" id={`${formId}-rubrik`}>
          Registrera uppföljning
        </Heading>
        <FormErrorSummary {...form.summaryProps} />
        <ApiErrorAlert error={form.generalError} />
        <Select
          {...form.select('commissionId')}
          onChange={(e) => {
            form.set({
              commissionId: e.target.value,
              dueId: openDuesOf(e.target.value)[0]?.id ?? '',
            });
          }}
          label="Uppdrag som följs upp"
        >
          {open.map((c) => (
            <option key={c.id} value={c.id}>
              {commissionName(c)}, {period(c.period)}
            </option>
          ))}
        </Select>
        <Select {...form.select('dueId')} label="Planerat datum som uppföljningen gäller">
          <option value="">Inget planerat datum</option>
          {dues.map((d) => (
            <option key={d.id} value={d.id}>
              {formatDate(d.dueOn)}
            </option>
          ))}
        </Select>
        <ContentFields form={form} />
        <div>
          <Button type="submit" loading={form.mutation.isPending}>
            Registrera uppföljningen
          </Button>
        </div>
      </VStack>
    </form>
  );
}

const goalIcons = {
  fully: CheckmarkCircleIcon,
  partly: PieChartIcon,
  not_met: ExclamationmarkTriangleIcon,
} as const;
const goalColours = { fully: 'success', partly: 'warning', not_met: 'danger' } as const;

/** The måluppfyllelse in words, with an icon; the colour only supports the words. */
function GoalTag({ goal }: { goal: GoalFulfilment }) {
  const Icon = goalIcons[goal];
  return (
    <Tag variant="moderate" data-color={goalColours[goal]} size="small" icon={<Icon aria-hidden />}>
      {goalFulfilmentLabels[goal]}
    </Tag>
  );
}

function FollowUpList({
  caseId,
  data,
  write,
}: {
  caseId: string;
  data: FollowUps;
  write: boolean;
}) {
  return (
    <section aria-labelledby="uppfoljningar-rubrik">
      <VStack gap="space-16">
        <Heading level="3" size="medium" id="uppfoljningar-rubrik">
          Gjorda uppföljningar
        </Heading>
        {data.followUps.length === 0 ? (
          <BodyShort textColor="subtle">Ingen uppföljning är registrerad.</BodyShort>
        ) : (
          data.followUps.map((f) => (
            <FollowUpItem
              key={f.id}
              caseId={caseId}
              followUp={f}
              commission={data.commissions.find((c) => c.id === f.commissionId)}
              write={write}
            />
          ))
        )}
      </VStack>
    </section>
  );
}

function FollowUpItem({
  caseId,
  followUp,
  commission,
  write,
}: {
  caseId: string;
  followUp: FollowUpView;
  commission: CommissionForFollowUp | undefined;
  write: boolean;
}) {
  const [correcting, setCorrecting] = useState(false);
  const [showHistory, setShowHistory] = useState(false);
  const headingId = `uppfoljning-${followUp.id}`;
  const corrected = followUp.version > 1;
  return (
    <article aria-labelledby={headingId} className="journal-entry">
      <VStack gap="space-8">
        <Heading level="4" size="small" id={headingId}>
          {formatDate(followUp.followedUpOn)}
          {commission ? `: ${commissionName(commission)}` : ''}
        </Heading>
        <div>
          <GoalTag goal={followUp.goalFulfilment} />
        </div>
        <FollowUpFacts version={followUp} />
        <BodyShort size="small" textColor="subtle">
          Registrerad {formatDateTime(followUp.createdAt)} av {followUp.createdBy.displayName}
          {corrected
            ? `. Rättad ${formatDateTime(followUp.recordedAt)} av ${followUp.recordedBy.displayName}`
            : ''}
        </BodyShort>
        <HStack gap="space-8">
          {write ? (
            <Button
              size="small"
              variant="secondary"
              aria-expanded={correcting}
              aria-controls={`${headingId}-rattelse`}
              onClick={() => {
                setCorrecting((shown) => !shown);
              }}
            >
              Rätta
              <span className="visually-hidden"> uppföljningen {followUp.followedUpOn}</span>
            </Button>
          ) : null}
          {corrected ? (
            <VersionsButton
              shown={showHistory}
              onToggle={() => {
                setShowHistory((shown) => !shown);
              }}
              controls={`${headingId}-versioner`}
              count={followUp.version}
            />
          ) : null}
        </HStack>
        <div id={`${headingId}-rattelse`}>
          {correcting ? (
            <CorrectFollowUpForm
              caseId={caseId}
              followUp={followUp}
              onDone={() => {
                setCorrecting(false);
              }}
            />
          ) : null}
        </div>
        <div id={`${headingId}-versioner`}>
          {showHistory ? (
            <ol
              className="version-list"
              aria-label={`Versioner av uppföljningen, ${followUp.history.length} st`}
            >
              {followUp.history.map((v) => (
                <li key={v.version}>
                  <VStack gap="space-4">
                    <BodyShort weight="semibold">
                      {v.correctionReason === null ? 'Original' : `Rättelse ${v.version - 1}`} ·{' '}
                      {formatDateTime(v.recordedAt)} · {v.recordedBy.displayName}
                    </BodyShort>
                    {v.correctionReason !== null ? (
                      <BodyShort size="small">Skäl till rättelsen: {v.correctionReason}</BodyShort>
                    ) : null}
                    <BodyShort size="small">{goalFulfilmentLabels[v.goalFulfilment]}</BodyShort>
                    <FollowUpFacts version={v} />
                  </VStack>
                </li>
              ))}
            </ol>
          ) : null}
        </div>
      </VStack>
    </article>
  );
}

function FollowUpFacts({ version: v }: { version: FollowUpView['history'][number] }) {
  const who = [v.withPerson ? 'personen' : null, v.withProvider ? 'utföraren' : null]
    .filter((w) => w !== null)
    .join(' och ');
  return (
    <dl className="facts">
      <dt>Hur</dt>
      <dd>
        {followUpMethodLabels[v.method]}, med {who}
      </dd>
      <dt>Personens egen syn</dt>
      <dd className="preserve-lines">{v.personView || 'Inte angiven'}</dd>
      <dt>Bedömning</dt>
      <dd className="preserve-lines">{v.assessment}</dd>
      <dt>Åtgärder</dt>
      <dd className="preserve-lines">{v.actions || 'Inga'}</dd>
    </dl>
  );
}

function CorrectFollowUpForm({
  caseId,
  followUp,
  onDone,
}: {
  caseId: string;
  followUp: FollowUpView;
  onDone: () => void;
}) {
  const queryClient = useQueryClient();
  const formId = `ratta-${followUp.id}`;
  const form = useContractForm(correctFollowUp, {
    formId,
    initial: {
      followedUpOn: followUp.followedUpOn,
      method: followUp.method,
      withPerson: followUp.withPerson,
      withProvider: followUp.withProvider,
      personView: followUp.personView,
      assessment: followUp.assessment,
      actions: followUp.actions,
      goalFulfilment: followUp.goalFulfilment,
      reason: '',
      version: followUp.version,
    },
    unchosen: contentUnchosen,
    check: contentCheck,
    send: (body) => call(correctFollowUp, { params: { caseId, followUpId: followUp.id }, body }),
    onSuccess: () => {
      void queryClient.invalidateQueries({ queryKey: caseKey(caseId) });
      onDone();
    },
  });
  return (
    <form {...form.formProps} aria-labelledby={`${formId}-rubrik`} className="step-form">
      <VStack gap="space-16">
        <Heading level="5" size="xsmall" id={`${formId}-rubrik`}>
          Rätta uppföljningen
        </Heading>
        <BodyShort size="small">
          Rättelsen sparas som en ny version. Det som först skrevs finns kvar.
        </BodyShort>
        <FormErrorSummary {...form.summaryProps} />
        <ApiErrorAlert error={form.generalError} />
        <ContentFields form={form} />
        <Textarea {...form.longText('reason')} label="Varför rättas uppföljningen?" minRows={2} />
        <HStack gap="space-8">
          <Button type="submit" size="small" loading={form.mutation.isPending}>
            Spara rättelsen
          </Button>
          <Button type="button" size="small" variant="tertiary" onClick={onDone}>
            Avbryt
          </Button>
        </HStack>
      </VStack>
    </form>
  );
}
