import { useEffect, useRef } from 'react';
import {
  BodyShort,
  Heading,
  Radio,
  RadioGroup,
  Select,
  Textarea,
  TextField,
  VStack,
} from '@navikt/ds-react';
import { useQueryClient } from '@tanstack/react-query';
import { recordAgencyDisclosure } from '../../../../core/contracts/agency-disclosures.ts';
import type { CaseAgencyDisclosures } from '../../../../core/contracts/agency-disclosures.ts';
import {
  agencyDisclosureProblems,
  agencyKindLabels,
  agencyKinds,
  disclosureWayLabels,
  disclosureWays,
} from '../../../../core/domain/agency-disclosures.ts';
import type { AgencyKind } from '../../../../core/domain/agency-disclosures.ts';
import type { InformationCategory } from '../../../../core/domain/consents.ts';
import { call } from '../../api/client.ts';
import { ApiErrorAlert } from '../../components/ApiErrorAlert.tsx';
import { DateField } from '../../components/DateField.tsx';
import { stockholmToday } from '../../components/dates.ts';
import { FormActions } from '../../components/FormActions.tsx';
import { FormErrorSummary } from '../../components/FormErrorSummary.tsx';
import { useContractForm } from '../../components/useContractForm.ts';
import { consentsKey } from '../consents/ConsentsTab.tsx';
import {
  blankGround,
  CategoriesField,
  DisclosureGroundFields,
  groundBody,
  groundPaths,
  secrecyTestProblems,
} from '../consents/DisclosureGroundFields.tsx';
import { agencyDisclosuresKey, riskAssessmentName } from './agency-disclosures.ts';

/** The name an agency of a kind usually has, written in for the handläggare while none is. */
const usualNames: Partial<Record<AgencyKind, string>> = {
  police: 'Polisen',
  prosecutor: 'Åklagarmyndigheten',
};

const formId = 'nytt-utlamnande';

/**
 * "Nytt utlämnande": what was told to the police or another agency, to whom, how, and on which
 * ground — her consent to that agency, or a lagstöd with the sekretessprövning written; and our
 * risk assessment, if it was shared. The server decides whether the ground covers it, and
 * refuses with a sentence naming the consent when not.
 */
export function AgencyDisclosureForm({
  caseId,
  riskAssessments,
  legalBases,
  onCancel,
  onDone,
}: {
  caseId: string;
  riskAssessments: NonNullable<CaseAgencyDisclosures['riskAssessments']>;
  legalBases: CaseAgencyDisclosures['legalBases'];
  onCancel: () => void;
  onDone: (message: string) => void;
}) {
  const queryClient = useQueryClient();
  const headingRef = useRef<HTMLHeadingElement>(null);
  useEffect(() => {
    headingRef.current?.focus();
  }, []);
  const form = useContractForm(recordAgencyDisclosure, {
    formId,
    initial: {
      agencyKind: '',
      agencyName: '',
      receivedBy: '',
      disclosedOn: stockholmToday(),
      way: '',
      categories: [] as InformationCategory[],
      what: '',
      riskAssessmentId: '',
      ...blankGround,
    },
    paths: {
      agencyKind: 'agency.kind',
      agencyName: 'agency.name',
      ...groundPaths,
    },
    unchosen: {
      agencyKind: 'Välj vilken myndighet uppgifterna lämnades till.',
      way: 'Ange hur uppgifterna lämnades.',
    },
    check: (v) => [
      // The rule the server applies (core/domain/agency-disclosures.ts), before sending.
      ...agencyDisclosureProblems({
        disclosedOn: v.disclosedOn,
        today: stockholmToday(),
        categories: v.categories,
        riskAssessment: riskAssessments.find((r) => r.id === v.riskAssessmentId) ?? null,
      }).map((p) => ({ path: `body.${p.field}`, message: p.message })),
      ...secrecyTestProblems(
        v,
        'Skriv sekretessprövningen: varför myndigheten behöver uppgifterna och varför de kan lämnas ut.',
      ),
    ],
    toBody: (v) => ({
      agency: { kind: v.agencyKind, name: v.agencyName },
      receivedBy: v.receivedBy.trim() === '' ? null : v.receivedBy,
      disclosedOn: v.disclosedOn,
      way: v.way,
      categories: v.categories,
      what: v.what,
      riskAssessmentId: v.riskAssessmentId === '' ? null : v.riskAssessmentId,
      ground: groundBody(v),
    }),
    send: (body) => call(recordAgencyDisclosure, { params: { caseId }, body }),
    onSuccess: (_, body) => {
      void queryClient.invalidateQueries({ queryKey: agencyDisclosuresKey(caseId) });
      // The utlämnande is in the samtyckesregister's list of utlämnanden too.
      void queryClient.invalidateQueries({ queryKey: consentsKey(caseId) });
      onDone(`Utlämnandet till ${body.agency.name} är registrerat.`);
    },
  });
  const kind = form.choice('agencyKind');
  return (
    <form {...form.formProps} aria-labelledby={`${formId}-rubrik`} className="step-form">
      <VStack gap="space-16">
        <Heading level="3" size="medium" id={`${formId}-rubrik`} ref={headingRef} tabIndex={-1}>
          Nytt utlämnande
        </Heading>
        <BodyShort>
          Registrera det som har lämnats ut: till vilken myndighet, vad, hur och med vilket stöd.
          Ett utlämnande registreras när det är gjort och ändras inte i efterhand.
        </BodyShort>
        <FormErrorSummary {...form.summaryProps} />
        <ApiErrorAlert error={form.generalError} />
        <RadioGroup
          {...kind}
          legend="Myndighet"
          onChange={(value: string) => {
            const name = form.values.agencyName.trim();
            // Only a name the form wrote in itself is replaced; one the person wrote is theirs.
            const written = name !== '' && !Object.values(usualNames).includes(name);
            form.set({
              agencyKind: value,
              ...(written ? {} : { agencyName: usualNames[value as AgencyKind] ?? '' }),
            });
          }}
        >
          {agencyKinds.map((k) => (
            <Radio key={k} value={k}>
              {agencyKindLabels[k]}
            </Radio>
          ))}
        </RadioGroup>
        <TextField
          {...form.text('agencyName')}
          label="Myndighetens namn"
          description="Till exempel Polisen region Stockholm. Ett samtycke gäller myndigheten med just det namnet."
          autoComplete="off"
        />
        <TextField
          {...form.text('receivedBy')}
          label="Mottagare hos myndigheten (frivilligt)"
          description="Namn, roll eller diarienummer."
          autoComplete="off"
        />
        <DateField {...form.text('disclosedOn')} label="Utlämnat den" />
        <RadioGroup {...form.choice('way')} legend="Hur uppgifterna lämnades">
          {disclosureWays.map((w) => (
            <Radio key={w} value={w}>
              {disclosureWayLabels[w]}
            </Radio>
          ))}
        </RadioGroup>
        <CategoriesField
          form={form}
          legend="Uppgifter som lämnades ut"
          description="Samtycket eller lagstödet måste omfatta var och en."
        />
        <Textarea
          {...form.longText('what')}
          label="Vad lämnades ut"
          description="Med dina ord: vad myndigheten fick veta."
          minRows={3}
        />
        <Select
          {...form.select('riskAssessmentId')}
          label="Riskbedömning som delades"
          description="En riskbedömning är uppgifter om våldet."
        >
          <option value="">Ingen</option>
          {riskAssessments.map((a) => (
            <option key={a.id} value={a.id}>
              {riskAssessmentName(a)}
            </option>
          ))}
        </Select>
        <DisclosureGroundFields
          caseId={caseId}
          form={form}
          purpose="agency_disclosure"
          legalBases={legalBases}
          consentDescription="Samtycken som gäller utlämnande till polis eller annan myndighet. Samtycket måste gälla myndigheten med samma namn och de uppgifter som lämnas ut."
          secrecyTestDescription="Varför myndigheten behöver uppgifterna, och varför de kan lämnas ut med stöd av lagrummet."
        />
        <FormActions
          submit="Registrera utlämnandet"
          pending={form.mutation.isPending}
          onCancel={onCancel}
        />
      </VStack>
    </form>
  );
}
