import {
  BodyLong,
  BodyShort,
  Button,
  Heading,
  Radio,
  RadioGroup,
  Textarea,
  VStack,
} from '@navikt/ds-react';
import { useQueryClient } from '@tanstack/react-query';
import { recordCrimeReportDecision } from '../../../../core/contracts/agency-disclosures.ts';
import type { CrimeReportDecisionView } from '../../../../core/contracts/agency-disclosures.ts';
import {
  crimeReportDecisionLabels,
  crimeReportDecisions,
} from '../../../../core/domain/agency-disclosures.ts';
import { call } from '../../api/client.ts';
import { ApiErrorAlert } from '../../components/ApiErrorAlert.tsx';
import { DateField } from '../../components/DateField.tsx';
import { stockholmToday } from '../../components/dates.ts';
import { FormErrorSummary } from '../../components/FormErrorSummary.tsx';
import { formatDate, formatDateTime } from '../../components/format.ts';
import { useContractForm } from '../../components/useContractForm.ts';
import { agencyDisclosuresKey } from './agency-disclosures.ts';

/**
 * "Polisanmälan": where the adult stands on reporting the violence to the police — her own
 * decision, the newest first — with the earlier ones, and for whoever works the case the form
 * that records a new one when she tells it.
 */
export function CrimeReportSection({
  caseId,
  decisions,
  mayWrite,
}: {
  caseId: string;
  /** Newest first: the first is where she stands. */
  decisions: readonly CrimeReportDecisionView[];
  mayWrite: boolean;
}) {
  const [current, ...earlier] = decisions;
  const headingId = 'polisanmalan-rubrik';
  return (
    <section aria-labelledby={headingId}>
      <VStack gap="space-16">
        <Heading level="3" size="medium" id={headingId}>
          Polisanmälan
        </Heading>
        <BodyLong>
          En vuxen avgör själv om våldet ska polisanmälas; socialtjänsten registrerar vad personen
          har bestämt, och registrerar igen när personen ändrar sig.
        </BodyLong>
        {current ? (
          <div className="counterpart">
            <VStack gap="space-4">
              <BodyShort weight="semibold">
                Personen har bestämt: {crimeReportDecisionLabels[current.decision]},{' '}
                {formatDate(current.decidedOn)}
              </BodyShort>
              {current.note ? (
                <BodyShort className="preserve-lines">{current.note}</BodyShort>
              ) : null}
              <BodyShort size="small" textColor="subtle">
                Registrerat {formatDateTime(current.recordedAt)} av {current.recordedBy.displayName}
              </BodyShort>
            </VStack>
          </div>
        ) : (
          <BodyShort textColor="subtle">
            Inget beslut om polisanmälan är registrerat i ärendet.
          </BodyShort>
        )}
        {earlier.length > 0 ? (
          <VStack gap="space-8">
            <Heading level="4" size="xsmall" id="tidigare-beslut-rubrik">
              Tidigare beslut
            </Heading>
            <ul className="plain-list" aria-labelledby="tidigare-beslut-rubrik">
              {earlier.map((d) => (
                <li key={d.id}>
                  <BodyShort>
                    {formatDate(d.decidedOn)}: {crimeReportDecisionLabels[d.decision]}
                    {d.note ? ` – ${d.note}` : ''}
                  </BodyShort>
                  <BodyShort size="small" textColor="subtle">
                    Registrerat {formatDateTime(d.recordedAt)} av {d.recordedBy.displayName}
                  </BodyShort>
                </li>
              ))}
            </ul>
          </VStack>
        ) : null}
        {mayWrite ? <CrimeReportForm caseId={caseId} /> : null}
      </VStack>
    </section>
  );
}

const formId = 'polisanmalan-beslut';

function CrimeReportForm({ caseId }: { caseId: string }) {
  const queryClient = useQueryClient();
  const form = useContractForm(recordCrimeReportDecision, {
    formId,
    initial: { decision: '', decidedOn: stockholmToday(), note: '' },
    unchosen: { decision: 'Ange vad personen har bestämt.' },
    toBody: (v) => ({
      decision: v.decision,
      decidedOn: v.decidedOn,
      note: v.note.trim() === '' ? null : v.note,
    }),
    send: (body) => call(recordCrimeReportDecision, { params: { caseId }, body }),
    clearOnSuccess: true,
    onSuccess: () => {
      void queryClient.invalidateQueries({ queryKey: agencyDisclosuresKey(caseId) });
    },
  });
  return (
    <form {...form.formProps} aria-labelledby={`${formId}-rubrik`} className="step-form">
      <VStack gap="space-16">
        <Heading level="4" size="small" id={`${formId}-rubrik`}>
          Registrera personens beslut om polisanmälan
        </Heading>
        <FormErrorSummary {...form.summaryProps} />
        <ApiErrorAlert error={form.generalError} size="small" />
        <RadioGroup {...form.choice('decision')} legend="Vad personen har bestämt">
          {crimeReportDecisions.map((d) => (
            <Radio key={d} value={d}>
              {crimeReportDecisionLabels[d]}
            </Radio>
          ))}
        </RadioGroup>
        <DateField {...form.text('decidedOn')} label="Den dag personen sa det" />
        <Textarea
          {...form.longText('note')}
          label="Anteckning (frivillig)"
          description="Till exempel vad som gör att personen väntar, eller när polisanmälan gjordes."
          minRows={2}
        />
        <div>
          <Button type="submit" loading={form.mutation.isPending}>
            Registrera beslutet
          </Button>
        </div>
        <div role="status">
          {form.saved ? 'Personens beslut om polisanmälan är registrerat.' : null}
        </div>
      </VStack>
    </form>
  );
}
