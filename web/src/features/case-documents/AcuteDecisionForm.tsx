import { Alert, BodyLong, Button, Heading, Select, Textarea, VStack } from '@navikt/ds-react';
import type { NotifiedHow } from '../../../../core/contracts/case-documents.ts';
import { recordAcuteDecision } from '../../../../core/contracts/case-documents.ts';
import type { CaseDetail } from '../../../../core/contracts/cases.ts';
import type { FieldError } from '../../../../core/contracts/errors.ts';
import {
  ACUTE_BACKDATING_DAYS,
  acuteInterventionsOf,
  periodProblems,
} from '../../../../core/domain/decisions.ts';
import { interventionNames } from '../../../../core/domain/intervention-catalogue.ts';
import type { Intervention } from '../../../../core/domain/decisions.ts';
import { call } from '../../api/client.ts';
import { ChangeErrorAlert } from '../../components/ChangeErrorAlert.tsx';
import { DateField } from '../../components/DateField.tsx';
import { stockholmToday } from '../../components/dates.ts';
import { FormErrorSummary } from '../../components/FormErrorSummary.tsx';
import { useContractForm } from '../../components/useContractForm.ts';
import { useRefreshCase } from '../cases/useCase.ts';
import { PlaceField, placeOf } from '../cases/ShelterPlace.tsx';
import { NotificationFields, PeriodFields } from './DecisionFields.tsx';
import {
  conditionsOf,
  emptyRules,
  RuleFields,
  rulePaths,
  useInterventionCatalogue,
} from './RuleFields.tsx';
import type { RuleValues } from './RuleFields.tsx';

const formId = 'akut-beslut';

type Values = {
  intervention: Intervention | '';
  requested: string;
  ownView: string;
  groundReason: string;
  motivation: string;
  decidedOn: string;
  periodFrom: string;
  periodTo: string;
  notified: boolean;
  notifiedHow: NotifiedHowValue | '';
  notifiedOn: string;
  providerId: string;
} & RuleValues;
type NotifiedHowValue = (typeof NotifiedHow.options)[number];

const initial = (): Values => ({
  intervention: '',
  requested: '',
  ownView: '',
  groundReason: '',
  motivation: '',
  decidedOn: stockholmToday(),
  periodFrom: stockholmToday(),
  periodTo: '',
  notified: true,
  notifiedHow: '',
  notifiedOn: stockholmToday(),
  ...emptyRules(),
  providerId: '',
});

const isoDay = /^\d{4}-\d{2}-\d{2}$/;

/** The period's rules for an acute beslut, in the server's sentences; the dates typed in full. */
const problems = (values: Values): FieldError[] => [
  ...(values.notified && values.notifiedHow === ''
    ? [{ path: 'body.notified.how', message: 'Välj hur personen underrättades.' }]
    : []),
  ...(isoDay.test(values.periodFrom) && isoDay.test(values.periodTo)
    ? periodProblems({
        intervention: values.intervention === '' ? null : values.intervention,
        outcome: 'granted',
        period: { from: values.periodFrom, to: values.periodTo },
        acute: true,
        today: stockholmToday(),
      }).map((p) => ({ path: `body.${p.path}`, message: p.message }))
    : []),
];

/**
 * Akut beslut: protection that cannot wait for the utredning and its kommunicering — skyddat
 * boende tonight. Granted at once for a period with an end, with the ground for deciding
 * without kommunicering and the person's own view of the danger, which becomes the case's first
 * risk assessment. The case flow's acute step says whether it may be taken now, and why not.
 */
export function AcuteDecisionSection({ detail }: { detail: CaseDetail }) {
  const step = detail.abilities.steps.acute_decision;
  const catalogue = useInterventionCatalogue();
  const acute = acuteInterventionsOf(catalogue);
  const mayDecide = detail.abilities.decide.filter((i) => acute.includes(i));
  return (
    <section aria-labelledby={`${formId}-avsnitt`}>
      <VStack gap="space-16">
        <Heading level="3" size="small" id={`${formId}-avsnitt`}>
          Akut beslut
        </Heading>
        {step.message !== null ? (
          <BodyLong>{step.message}</BodyLong>
        ) : !detail.abilities.work ? null : mayDecide.length === 0 ? (
          <BodyLong>
            Du har inte delegation att fatta akut beslut om någon insats i ärendet. Den som har
            delegation fattar beslutet.
          </BodyLong>
        ) : (
          <AcuteDecisionForm detail={detail} interventions={mayDecide} />
        )}
      </VStack>
    </section>
  );
}

function AcuteDecisionForm({
  detail,
  interventions,
}: {
  detail: CaseDetail;
  interventions: readonly Intervention[];
}) {
  const refresh = useRefreshCase(detail.id);
  const form = useContractForm(recordAcuteDecision, {
    formId,
    initial: initial(),
    paths: {
      periodFrom: 'period.from',
      periodTo: 'period.to',
      notifiedHow: 'notified.how',
      notifiedOn: 'notified.on',
      ...rulePaths,
    },
    unchosen: { intervention: 'Välj insats.' },
    check: problems,
    toBody: (v) => ({
      intervention: v.intervention,
      requested: v.requested,
      motivation: v.motivation,
      groundReason: v.groundReason,
      ownView: v.ownView,
      decidedOn: v.decidedOn,
      period: { from: v.periodFrom, to: v.periodTo },
      notified: v.notified ? { how: v.notifiedHow, on: v.notifiedOn } : null,
      conditions: conditionsOf(v, detail.targetGroup, true),
      providerId: placeOf({ ...v, outcome: 'granted' }),
      version: detail.version,
    }),
    send: (body) => call(recordAcuteDecision, { params: { caseId: detail.id }, body }),
    clearOnSuccess: true,
    onSuccess: () => {
      refresh();
    },
  });
  const saved = form.saved ? form.mutation.variables : undefined;
  const names = interventionNames(useInterventionCatalogue());

  return (
    <form {...form.formProps} aria-labelledby={`${formId}-rubrik`} className="step-form">
      <VStack gap="space-16">
        <Heading level="4" size="xsmall" id={`${formId}-rubrik`}>
          Nytt akut beslut
        </Heading>
        <BodyLong>
          När behovet inte kan vänta, till exempel skyddat boende i natt, fattas beslutet nu utan
          att materialet först kommuniceras ({detail.legal.decisionWithoutCommunication}).
          Förhandsbedömningen och utredningen fortsätter som vanligt, och utredningen ska inledas
          inom rimlig tid: tidsfristen visas bland ärendets tidsfrister.
        </BodyLong>
        <FormErrorSummary {...form.summaryProps} />
        <ChangeErrorAlert
          error={form.generalError}
          onReload={() => {
            form.reset();
            refresh('detail');
          }}
        />
        <Select {...form.select('intervention')} className="field-narrow" label="Insats">
          <option value="">Välj insats</option>
          {interventions.map((i) => (
            <option key={i} value={i}>
              {names[i]}
            </option>
          ))}
        </Select>
        <Textarea {...form.longText('requested')} label="Vad personen behöver" minRows={2} />
        <Textarea
          {...form.longText('ownView')}
          label="Personens egen bedömning av faran"
          description="Med personens egna ord. Sparas som ärendets första riskbedömning och kompletteras sedan med en strukturerad bedömning."
          minRows={3}
        />
        <Textarea
          {...form.longText('groundReason')}
          label="Varför beslutet inte kan vänta på kommunicering"
          minRows={2}
        />
        <RuleFields form={form} caseId={detail.id} targetGroup={detail.targetGroup} acute />
        <Textarea {...form.longText('motivation')} label="Motivering" minRows={3} />
        <DateField {...form.text('decidedOn')} label="Beslutsdatum" />
        <PeriodFields form={form} openEnded={false} />
        <PlaceField form={form} caseId={detail.id} intervention={form.values.intervention} />
        <Alert variant="info" size="small">
          Ett akut beslut gäller till ett visst datum och kan börja högst {ACUTE_BACKDATING_DAYS}{' '}
          dagar bakåt. Beslutet blir bifall och behöver ingen överklagandehänvisning.
        </Alert>
        <NotificationFields form={form} />
        <div>
          <Button type="submit" loading={form.mutation.isPending}>
            Fatta det akuta beslutet
          </Button>
        </div>
        <div role="status">
          {saved
            ? `Det akuta beslutet om ${names[saved.intervention].toLowerCase()} är fattat och gäller ${saved.period.from}–${saved.period.to}. Personens egen bedömning av faran är sparad som första riskbedömning.`
            : null}
        </div>
      </VStack>
    </form>
  );
}
