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
import type { BodyOf } from '../../../../core/contracts/contract.ts';
import { buildPath } from '../../../../core/contracts/contract.ts';
import { call } from '../../api/client.ts';
import { fieldId, messageFor, validateBody, withOwnErrors } from '../../api/forms.ts';
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
import { useFormMutation } from '../../components/useFormMutation.ts';
import { useRefreshCase } from '../cases/useCase.ts';
import { CommunicationSection } from './CommunicationSection.tsx';
import {
  decisionBody,
  DecisionFields,
  decisionValuesOf,
  emptyDecision,
} from './DecisionFields.tsx';
import type { DecisionValues } from './DecisionFields.tsx';
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
            detail.phase === 'investigation' ? (
              <BodyLong>Kommunicera materialet med personen innan beslut fattas.</BodyLong>
            ) : detail.phase === 'communicated' || detail.phase === 'decided' ? (
              <NewDecisionForm detail={detail} />
            ) : null
          ) : null}
        </VStack>
      </section>
    </VStack>
  );
}

function DecisionView({
  caseId,
  decision,
  decide,
}: {
  caseId: string;
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
          {current.kind !== 'original' ? (
            <Tag variant="moderate" data-color="info" size="small">
              {decisionVersionKindLabels[current.kind]}
            </Tag>
          ) : null}
        </HStack>
        <DecisionVersionFacts version={current} />
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
      <dt>Beslutsfattare</dt>
      <dd>{version.decidedBy}</dd>
      <dt>Underrättad</dt>
      <dd>
        {version.notified
          ? `${notifiedHowLabels[version.notified.how]}, ${version.notified.on}`
          : 'Inte än'}
      </dd>
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
  const [values, setValues] = useState<DecisionValues>(emptyDecision());
  const [saved, setSaved] = useState<string | null>(null);
  type Body = BodyOf<typeof recordDecision>;
  const save = useFormMutation(recordDecision.body, {
    mutationFn: (body: Body) => call(recordDecision, { params: { caseId: detail.id }, body }),
    onSuccess: (_r, body) => {
      setSaved(
        `Beslutet om ${interventionLabels[body.intervention].toLowerCase()} är fattat: ${outcomeLabels[body.outcome].toLowerCase()}.`,
      );
      setValues(emptyDecision());
      refresh();
    },
  });

  return (
    <form
      noValidate
      aria-labelledby={`${newFormId}-rubrik`}
      className="step-form"
      onSubmit={(event) => {
        event.preventDefault();
        setSaved(null);
        const { fields, own } = decisionBody(values);
        const body = { ...fields, version: detail.version };
        save.submit(body, withOwnErrors(validateBody(recordDecision.body, body), own));
      }}
    >
      <VStack gap="space-16">
        <Heading level="3" size="small" id={`${newFormId}-rubrik`}>
          Nytt beslut
        </Heading>
        <BodyShort>Du behöver delegation för den insats du beslutar om.</BodyShort>
        <FormErrorSummary formId={newFormId} errors={save.fieldErrors} />
        <ChangeErrorAlert
          error={save.generalError}
          onReload={() => {
            save.reset();
            refresh('detail');
          }}
        />
        <DecisionFields
          formId={newFormId}
          interventions={detail.abilities.decide}
          values={values}
          onChange={setValues}
          errors={save.fieldErrors}
        />
        <div>
          <Button type="submit" loading={save.mutation.isPending}>
            Fatta beslutet
          </Button>
        </div>
        <div role="status">{saved}</div>
      </VStack>
    </form>
  );
}

const reviseFormId = 'andra-beslut';
type Result = 'saved' | 'cancelled' | 'reload';

/** Rättelse (36 § FL) or ändring (37–39 §§ FL): a new version with the reason. */
function ReviseDialog({
  decision,
  decide,
  onClose,
}: {
  decision: Decision;
  decide: CaseDetail['abilities']['decide'];
  onClose: (result: Result) => void;
}) {
  const [values, setValues] = useState<DecisionValues>(decisionValuesOf(decision.current));
  const [kind, setKind] = useState<'correction' | 'change' | ''>('');
  const [reason, setReason] = useState('');
  const [open, setOpen] = useState(true);
  const result = useRef<Result>('cancelled');
  const finish = (how: Result) => {
    result.current = how;
    setOpen(false);
  };
  type Body = BodyOf<typeof reviseDecision>;
  const save = useFormMutation(reviseDecision.body, {
    mutationFn: (body: Body) => call(reviseDecision, { params: { decisionId: decision.id }, body }),
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
        <form
          id={reviseFormId}
          noValidate
          onSubmit={(event) => {
            event.preventDefault();
            const { fields, own } = decisionBody(values);
            if (kind === '') {
              own.push({ path: 'body.kind', message: 'Välj rättelse eller ändring.' });
            }
            const body = { ...fields, kind, reason, version: decision.version } as Body;
            save.submit(body, withOwnErrors(validateBody(reviseDecision.body, body), own));
          }}
        >
          <VStack gap="space-16">
            <BodyLong>
              Det ursprungliga beslutet finns kvar. Den nya versionen visar vem som ändrade, när och
              varför.
            </BodyLong>
            <FormErrorSummary formId={reviseFormId} errors={save.fieldErrors} />
            <ChangeErrorAlert
              error={save.generalError}
              onReload={() => {
                finish('reload');
              }}
            />
            <RadioGroup
              id={fieldId(reviseFormId, 'body.kind')}
              legend="Vad gör du?"
              value={kind}
              onChange={(v: 'correction' | 'change') => {
                setKind(v);
              }}
              error={messageFor(save.fieldErrors, 'body.kind')}
            >
              <Radio value="correction" description="Ett uppenbart fel, till exempel ett skrivfel">
                Rättelse
              </Radio>
              <Radio value="change" description="Beslutet ändras i sak">
                Ändring
              </Radio>
            </RadioGroup>
            <DecisionFields
              formId={reviseFormId}
              interventions={decide}
              values={values}
              onChange={setValues}
              errors={save.fieldErrors}
            />
            <Textarea
              id={fieldId(reviseFormId, 'body.reason')}
              label="Skäl"
              minRows={2}
              maxLength={2_000}
              value={reason}
              onChange={(e) => {
                setReason(e.target.value);
              }}
              error={messageFor(save.fieldErrors, 'body.reason')}
            />
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
