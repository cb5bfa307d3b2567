import { useRef, useState } from 'react';
import {
  BodyLong,
  BodyShort,
  Button,
  Heading,
  HStack,
  Link,
  Modal,
  Radio,
  RadioGroup,
  Tag,
  Textarea,
  VStack,
} from '@navikt/ds-react';
import { FilePdfIcon } from '@navikt/aksel-icons';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import {
  decisionPdfPath,
  listDecisions,
  recordDecision,
  reviseDecision,
} from '../../../../core/contracts/case-documents.ts';
import type { Decision } from '../../../../core/contracts/case-documents.ts';
import type { CaseDetail } from '../../../../core/contracts/cases.ts';
import { buildPath } from '../../../../core/contracts/contract.ts';
import { call } from '../../api/client.ts';
import {
  decisionVersionKindLabels,
  interventionLabels,
  notifiedHowLabels,
  outcomeLabels,
} from '../../app/labels.ts';
import { ApiErrorAlert } from '../../components/ApiErrorAlert.tsx';
import { ChangeErrorAlert } from '../../components/ChangeErrorAlert.tsx';
import { formatDateTime } from '../../components/format.ts';
import { FormErrorSummary } from '../../components/FormErrorSummary.tsx';
import { Loading } from '../../components/Loading.tsx';
import { useContractForm } from '../../components/useContractForm.ts';
import { useRefreshCase } from '../cases/useCase.ts';
import { TurnedAwayList } from '../cases/ShelterPlace.tsx';
import { AcuteDecisionSection } from './AcuteDecisionForm.tsx';
import { CommunicationSection } from './CommunicationSection.tsx';
import {
  DecisionFields,
  decisionFields,
  decisionPaths,
  decisionProblems,
  decisionUnchosen,
  decisionValuesOf,
  emptyDecision,
} from './DecisionFields.tsx';
import type { DecisionValues } from './DecisionFields.tsx';
import { ConditionFacts } from './RuleFields.tsx';
import { AccompanyingChildren } from './AccompanyingChildren.tsx';
import { decisionsKey } from './keys.ts';

/** Kommunicering, then beslut: each with its versions, a rättelse or ändring, and the PDF. */
export function DecisionsTab({ detail }: { detail: CaseDetail }) {
  const decisions = useQuery({
    queryKey: decisionsKey(detail.id),
    queryFn: () => call(listDecisions, { params: { caseId: detail.id } }),
  });
  // Deciding needs delegation, not a work relation alone: the server says on which insatser.
  const decide = detail.abilities.decide;
  const canDecide = decide.length > 0 && detail.status === 'open';

  return (
    <VStack gap="space-40">
      <CommunicationSection detail={detail} />
      <section aria-labelledby="beslut-rubrik">
        <VStack gap="space-16">
          <Heading level="2" size="medium" id="beslut-rubrik">
            Beslut
          </Heading>
          {decisions.isPending ? <Loading label="Hämtar beslut…" /> : null}
          <ApiErrorAlert error={decisions.error} />
          {decisions.isSuccess && decisions.data.items.length === 0 ? (
            <BodyShort textColor="subtle">Inga beslut är fattade i ärendet.</BodyShort>
          ) : null}
          {decisions.data?.items.map((d) => (
            <DecisionView
              key={d.id}
              caseId={detail.id}
              targetGroup={detail.targetGroup}
              decision={d}
              decide={detail.status === 'open' ? decide : []}
            />
          ))}
          {!canDecide && detail.abilities.work && detail.status === 'open' ? (
            <BodyLong>
              Du har inte delegation att fatta beslut om någon insats i ärendet. Den som har
              delegation fattar beslutet.
            </BodyLong>
          ) : null}
          {canDecide ? (
            // The case flow's own answer (the same sentence as the server's 409), never the phase.
            detail.abilities.steps.decision.message === null ? (
              <NewDecisionForm detail={detail} />
            ) : (
              <BodyLong>{detail.abilities.steps.decision.message}</BodyLong>
            )
          ) : null}
          <AcuteDecisionSection detail={detail} />
          <AccompanyingChildren detail={detail} />
          <TurnedAwayList caseId={detail.id} />
        </VStack>
      </section>
    </VStack>
  );
}

function DecisionView({
  caseId,
  targetGroup,
  decision,
  decide,
}: {
  caseId: string;
  targetGroup: string;
  decision: Decision;
  decide: CaseDetail['abilities']['decide'];
}) {
  const [revising, setRevising] = useState(false);
  const [showHistory, setShowHistory] = useState(false);
  const [status, setStatus] = useState<string | null>(null);
  const queryClient = useQueryClient();
  const current = decision.current;
  const canRevise = decide.includes(current.intervention);
  const headingId = `beslut-${decision.id}`;
  const revised = decision.history.length > 1;

  return (
    <article aria-labelledby={headingId} className="decision">
      <VStack gap="space-12">
        <HStack gap="space-8" align="center" wrap>
          <Heading level="3" size="small" id={headingId}>
            {interventionLabels[current.intervention]}: {outcomeLabels[current.outcome]}
          </Heading>
          {decision.acute ? (
            <Tag variant="moderate" data-color="warning" size="small">
              Akut beslut
            </Tag>
          ) : null}
          {current.kind !== 'original' ? (
            <Tag variant="moderate" data-color="info" size="small">
              {decisionVersionKindLabels[current.kind]}
            </Tag>
          ) : null}
        </HStack>
        <DecisionVersionFacts version={current} />
        {decision.acute ? (
          <dl className="facts">
            <dt>Utan föregående kommunicering</dt>
            <dd>{decision.acute.groundReference}</dd>
            <dt>Varför det inte kunde vänta</dt>
            <dd className="preserve-lines">{decision.acute.groundReason}</dd>
          </dl>
        ) : null}
        <HStack gap="space-16" align="center" wrap>
          <Link href={buildPath(decisionPdfPath, { decisionId: decision.id })} target="_blank">
            <FilePdfIcon aria-hidden />
            Beslutet som PDF
            <span className="visually-hidden">
              {' '}
              ({interventionLabels[current.intervention]}, öppnas i en ny flik)
            </span>
          </Link>
          {canRevise ? (
            <Button
              size="small"
              variant="secondary"
              onClick={() => {
                setStatus(null);
                setRevising(true);
              }}
            >
              Rätta eller ändra beslutet
            </Button>
          ) : null}
          {revised ? (
            <Button
              size="small"
              variant="tertiary"
              aria-expanded={showHistory}
              aria-controls={`${headingId}-versioner`}
              onClick={() => {
                setShowHistory((s) => !s);
              }}
            >
              {showHistory ? 'Dölj versionerna' : `Visa alla ${decision.history.length} versioner`}
            </Button>
          ) : null}
        </HStack>
        <div role="status">{status}</div>
        <div id={`${headingId}-versioner`}>
          {showHistory ? (
            <ol className="version-list" aria-label="Beslutets versioner">
              {decision.history.map((v) => (
                <li key={v.version}>
                  <VStack gap="space-4">
                    <BodyShort weight="semibold">
                      {decisionVersionKindLabels[v.kind]} · {formatDateTime(v.recordedAt)} ·{' '}
                      {v.decidedBy}
                    </BodyShort>
                    {v.changeReason ? (
                      <BodyShort size="small">Skäl: {v.changeReason}</BodyShort>
                    ) : null}
                    <DecisionVersionFacts version={v} />
                  </VStack>
                </li>
              ))}
            </ol>
          ) : null}
        </div>
      </VStack>
      {revising ? (
        <ReviseDialog
          key={decision.version}
          caseId={caseId}
          targetGroup={targetGroup}
          decision={decision}
          decide={decide}
          onClose={(result) => {
            setRevising(false);
            if (result === 'saved') {
              setStatus('Beslutet har en ny version. Den tidigare finns kvar i historiken.');
            }
            if (result !== 'cancelled') {
              void queryClient.invalidateQueries({ queryKey: decisionsKey(caseId) });
            }
          }}
        />
      ) : null}
    </article>
  );
}

function DecisionVersionFacts({ version }: { version: Decision['current'] }) {
  return (
    <dl className="facts">
      <dt>Ansökt om</dt>
      <dd className="preserve-lines">{version.requested}</dd>
      <dt>Motivering</dt>
      <dd className="preserve-lines">{version.motivation}</dd>
      <dt>Lagrum</dt>
      <dd>{version.legalBasis}</dd>
      <dt>Beslutsdatum</dt>
      <dd>{version.decidedOn}</dd>
      {version.period ? (
        <>
          <dt>Period</dt>
          <dd>
            {version.period.to
              ? `${version.period.from}–${version.period.to}`
              : `Från och med ${version.period.from}, tills vidare`}
          </dd>
        </>
      ) : null}
      {version.place || version.placeWithheld ? (
        <>
          <dt>Plats (utförare)</dt>
          <dd>{version.place?.name ?? 'Skyddad uppgift'}</dd>
        </>
      ) : null}
      <dt>Beslutsfattare</dt>
      <dd>{version.decidedBy}</dd>
      <dt>Underrättad</dt>
      <dd>
        {version.notified
          ? `${notifiedHowLabels[version.notified.how]}, ${version.notified.on}`
          : 'Inte än'}
      </dd>
      <ConditionFacts conditions={version.conditions} />
      {version.appealInstructions ? (
        <>
          <dt>Överklagande</dt>
          <dd>{version.appealInstructions}</dd>
        </>
      ) : null}
    </dl>
  );
}

const newFormId = 'nytt-beslut';

function NewDecisionForm({ detail }: { detail: CaseDetail }) {
  const refresh = useRefreshCase(detail.id);
  const save = useContractForm(recordDecision, {
    formId: newFormId,
    initial: emptyDecision(),
    paths: decisionPaths,
    unchosen: decisionUnchosen,
    check: decisionProblems,
    toBody: (v) => ({ ...decisionFields(v, detail.targetGroup), version: detail.version }),
    send: (body) => call(recordDecision, { params: { caseId: detail.id }, body }),
    clearOnSuccess: true,
    onSuccess: () => {
      refresh();
    },
  });
  const saved = save.saved ? save.mutation.variables : undefined;

  return (
    <form {...save.formProps} aria-labelledby={`${newFormId}-rubrik`} className="step-form">
      <VStack gap="space-16">
        <Heading level="3" size="small" id={`${newFormId}-rubrik`}>
          Nytt beslut
        </Heading>
        <BodyShort>Du behöver delegation för den insats du beslutar om.</BodyShort>
        <FormErrorSummary {...save.summaryProps} />
        <ChangeErrorAlert
          error={save.generalError}
          onReload={() => {
            save.reset();
            refresh('detail');
          }}
        />
        <DecisionFields
          form={save}
          interventions={detail.abilities.decide}
          caseId={detail.id}
          targetGroup={detail.targetGroup}
        />
        <div>
          <Button type="submit" loading={save.mutation.isPending}>
            Fatta beslutet
          </Button>
        </div>
        <div role="status">
          {saved
            ? `Beslutet om ${interventionLabels[saved.intervention].toLowerCase()} är fattat: ${outcomeLabels[saved.outcome].toLowerCase()}.`
            : null}
        </div>
      </VStack>
    </form>
  );
}

const reviseFormId = 'andra-beslut';
type Result = 'saved' | 'cancelled' | 'reload';
type ReviseKind = 'correction' | 'change' | '';

/**
 * The current version to start from; what kind of revision and why is for the person to say.
 * In the order of the dialog's fields.
 */
const revisionOf = (decision: Decision): DecisionValues & { kind: ReviseKind; reason: string } => ({
  kind: '',
  ...decisionValuesOf(decision.current),
  reason: '',
});

/** Rättelse (36 § FL) or ändring (37–39 §§ FL): a new version with the reason. */
function ReviseDialog({
  caseId,
  targetGroup,
  decision,
  decide,
  onClose,
}: {
  caseId: string;
  targetGroup: string;
  decision: Decision;
  decide: CaseDetail['abilities']['decide'];
  onClose: (result: Result) => void;
}) {
  const [open, setOpen] = useState(true);
  const result = useRef<Result>('cancelled');
  const finish = (how: Result) => {
    result.current = how;
    setOpen(false);
  };
  const save = useContractForm(reviseDecision, {
    formId: reviseFormId,
    initial: revisionOf(decision),
    paths: decisionPaths,
    unchosen: { ...decisionUnchosen, kind: 'Välj rättelse eller ändring.' },
    // A new version of an acute beslut stays acute: its period keeps an end.
    check: (v) => decisionProblems(v, decision.acute !== null),
    toBody: (v) => ({
      ...decisionFields(v, targetGroup, decision.acute !== null),
      kind: v.kind,
      reason: v.reason,
      version: decision.version,
    }),
    send: (body) => call(reviseDecision, { params: { decisionId: decision.id }, body }),
    onSuccess: () => {
      finish('saved');
    },
  });

  return (
    <Modal
      open={open}
      onClose={() => {
        onClose(result.current);
      }}
      header={{ heading: 'Rätta eller ändra beslutet' }}
      width="medium"
    >
      <Modal.Body>
        <form id={reviseFormId} {...save.formProps}>
          <VStack gap="space-16">
            <BodyLong>
              Det ursprungliga beslutet finns kvar. Den nya versionen visar vem som ändrade, när och
              varför.
            </BodyLong>
            <FormErrorSummary {...save.summaryProps} />
            <ChangeErrorAlert
              error={save.generalError}
              onReload={() => {
                finish('reload');
              }}
            />
            <RadioGroup {...save.choice('kind')} legend="Vad gör du?">
              <Radio value="correction" description="Ett uppenbart fel, till exempel ett skrivfel">
                Rättelse
              </Radio>
              <Radio value="change" description="Beslutet ändras i sak">
                Ändring
              </Radio>
            </RadioGroup>
            <DecisionFields
              form={save}
              interventions={decide}
              caseId={caseId}
              targetGroup={targetGroup}
            />
            <Textarea {...save.longText('reason')} label="Skäl" minRows={2} />
          </VStack>
        </form>
      </Modal.Body>
      <Modal.Footer>
        <Button type="submit" form={reviseFormId} loading={save.mutation.isPending}>
          Spara den nya versionen
        </Button>
        <Button
          type="button"
          variant="secondary"
          onClick={() => {
            finish('cancelled');
          }}
        >
          Avbryt
        </Button>
      </Modal.Footer>
    </Modal>
  );
}
