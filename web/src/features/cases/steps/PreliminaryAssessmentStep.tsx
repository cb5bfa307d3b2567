import {
  Alert,
  BodyLong,
  Button,
  Heading,
  Radio,
  RadioGroup,
  Textarea,
  VStack,
} from '@navikt/ds-react';
import { recordPreliminaryAssessment } from '../../../../../core/contracts/cases.ts';
import type { CaseDetail } from '../../../../../core/contracts/cases.ts';
import type { BodyOf } from '../../../../../core/contracts/contract.ts';
import { call } from '../../../api/client.ts';
import { preliminaryOutcomeLabels, templateTitles } from '../../../app/labels.ts';
import { ChangeErrorAlert } from '../../../components/ChangeErrorAlert.tsx';
import { FormErrorSummary } from '../../../components/FormErrorSummary.tsx';
import { personName } from '../../../components/PersonCell.tsx';
import { useContractForm } from '../../../components/useContractForm.ts';
import { useLeaveClosedCase, useRefreshCase } from '../useCase.ts';

const formId = 'forhandsbedomning';
type Body = BodyOf<typeof recordPreliminaryAssessment>;
type Outcome = Body['outcome'];
type Template = 'victim' | 'perpetrator';

const templateDescriptions: Record<Template, string> = {
  victim: 'Rubrikerna i Bilaga 2: för en person som är utsatt för våld',
  perpetrator: 'Rubrikerna i Bilaga 3: för en person som utövar våld',
};

const blank = (
  template: Template,
): { outcome: Outcome | ''; template: Template; reason: string } => ({
  outcome: '',
  template,
  reason: '',
});

/** Förhandsbedömning: open an utredning, with its template, or not, with the reason. */
export function PreliminaryAssessmentStep({
  detail,
  canWork,
  onDone,
}: {
  detail: CaseDetail;
  canWork: boolean;
  onDone: (message: string) => void;
}) {
  const refresh = useRefreshCase(detail.id);
  const leave = useLeaveClosedCase(detail.id);
  const save = useContractForm(recordPreliminaryAssessment, {
    formId,
    initial: blank(detail.targetGroup === 'perpetrator' ? 'perpetrator' : 'victim'),
    unchosen: { outcome: 'Välj om en utredning ska inledas.' },
    toBody: ({ outcome, template, reason }) =>
      outcome === 'open_investigation'
        ? { outcome, template, reason, version: detail.version }
        : { outcome, reason, version: detail.version },
    send: (body) => call(recordPreliminaryAssessment, { params: { caseId: detail.id }, body }),
    onSuccess: (result, body) => {
      if (body.outcome === 'open_investigation') {
        onDone('Utredningen är inledd. Du skriver den under fliken Utredning.');
        refresh();
        return;
      }
      // No utredning: the case is closed, and with it the work relation to it.
      const name = personName(detail.person);
      leave(
        result.filedAsNoAction
          ? `Ingen utredning inleds för ${name}. Ärendet är avslutat och arkiverat bland handlingar som inte föranlett åtgärd.`
          : `Ingen utredning inleds för ${name}. Ärendet är avslutat.`,
      );
    },
  });
  const done = detail.preliminaryAssessment;
  const child = detail.targetGroup === 'child';
  // The case flow's own answers, the same as the server's 409: never a test of the phase. Each
  // outcome is its own step (an adult's utredning needs her application; closing does not).
  const steps = {
    open_investigation: detail.abilities.steps.preliminary_assessment_open,
    no_investigation: detail.abilities.steps.preliminary_assessment_close,
  } satisfies Record<Outcome, unknown>;
  const offered = steps.open_investigation.allowed || steps.no_investigation.allowed;
  // Why it cannot be made now, for the one who works the case (nobody else could act on it);
  // both outcomes often give the same reason, said once.
  const refusals = canWork
    ? [...new Set([steps.open_investigation.message, steps.no_investigation.message])].filter(
        (m): m is string => m !== null,
      )
    : [];
  if (!done && !offered && refusals.length === 0) return null;

  return (
    <section aria-labelledby="forhandsbedomning-rubrik">
      <VStack gap="space-16">
        <Heading level="2" size="medium" id="forhandsbedomning-rubrik">
          Förhandsbedömning
        </Heading>
        {done ? (
          <dl className="facts">
            <dt>Bedömning</dt>
            <dd>{preliminaryOutcomeLabels[done.outcome]}</dd>
            {detail.investigation ? (
              <>
                <dt>Mall</dt>
                <dd>{templateTitles[detail.investigation.template]}</dd>
              </>
            ) : null}
            <dt>Skäl</dt>
            <dd className="preserve-lines">{done.reason}</dd>
            <dt>Datum</dt>
            <dd>{done.on}</dd>
          </dl>
        ) : !offered ? (
          refusals.map((message) => <BodyLong key={message}>{message}</BodyLong>)
        ) : (
          <form {...save.formProps} aria-labelledby="forhandsbedomning-rubrik">
            <VStack gap="space-16">
              <BodyLong>
                {child
                  ? `Bedöm inom 14 dagar om en utredning ska inledas (${detail.legal.preliminaryAssessmentChild}).`
                  : `Bedöm om en utredning ska inledas (${detail.legal.investigationDuty}). För en vuxen handlar det i första hand om personen vill ansöka.`}
              </BodyLong>
              <FormErrorSummary {...save.summaryProps} />
              <ChangeErrorAlert
                error={save.generalError}
                onReload={() => {
                  save.reset();
                  refresh('detail');
                }}
              />
              <RadioGroup
                {...save.choice('outcome')}
                legend="Bedömning"
                // Why an outcome is not offered, in the flow's words: with the group, not with the
                // greyed-out option, so that it is read in full contrast.
                description={refusals.length > 0 ? refusals.join(' ') : undefined}
              >
                {(['open_investigation', 'no_investigation'] as const).map((outcome) => (
                  <Radio key={outcome} value={outcome} disabled={!steps[outcome].allowed}>
                    {preliminaryOutcomeLabels[outcome]}
                  </Radio>
                ))}
              </RadioGroup>
              {save.values.outcome === 'open_investigation' ? (
                <RadioGroup {...save.choice('template')} legend="Mall för utredningen">
                  {(['victim', 'perpetrator'] as const).map((t) => (
                    <Radio key={t} value={t} description={templateDescriptions[t]}>
                      {templateTitles[t]}
                    </Radio>
                  ))}
                </RadioGroup>
              ) : null}
              {save.values.outcome === 'no_investigation' ? (
                <Alert variant="info" size="small">
                  Ärendet avslutas. Finns ingen personakt sedan tidigare arkiveras aktualiseringen
                  bland handlingar som inte föranlett åtgärd.
                </Alert>
              ) : null}
              <Textarea {...save.longText('reason')} label="Skäl" minRows={3} />
              <div>
                <Button type="submit" loading={save.mutation.isPending}>
                  Spara förhandsbedömningen
                </Button>
              </div>
            </VStack>
          </form>
        )}
      </VStack>
    </section>
  );
}
