import { useEffect, useRef } from 'react';
import { BodyShort, Heading, VStack } from '@navikt/ds-react';
import { recordPresenceGround } from '../../../../core/contracts/coordination-meetings.ts';
import type { Meeting, Participant } from '../../../../core/contracts/coordination-meetings.ts';
import type { InformationCategory } from '../../../../core/domain/consents.ts';
import { call } from '../../api/client.ts';
import { ApiErrorAlert } from '../../components/ApiErrorAlert.tsx';
import { FormActions } from '../../components/FormActions.tsx';
import { FormErrorSummary } from '../../components/FormErrorSummary.tsx';
import { useContractForm } from '../../components/useContractForm.ts';
import {
  blankGround,
  CategoriesField,
  DisclosureGroundFields,
  groundBody,
  groundPaths,
  secrecyTestProblems,
} from '../consents/DisclosureGroundFields.tsx';
import { useRefreshMeetings } from './meetings.ts';

/**
 * The ground of one participant's presence for one file, recorded by whoever works the file:
 * which uppgifter the participant may take part of, and on which ground — a consent of this
 * file's own register given for samråd, or a lagstöd with its sekretessprövning. A ground that
 * does not cover is refused with the rule's sentence.
 */
export function PresenceGroundForm({
  caseId,
  meetingId,
  participant,
  legalBases,
  onCancel,
  onDone,
}: {
  caseId: string;
  meetingId: string;
  participant: Participant;
  /** The paragraphs a presence may rest on, as the catalogue in force cites them. */
  legalBases: Meeting['legalBases'];
  onCancel: () => void;
  onDone: (message: string) => void;
}) {
  const refresh = useRefreshMeetings();
  const formId = `grund-${caseId}-${participant.id}`;
  const who = `${participant.name} (${participant.recipient.name})`;
  const headingRef = useRef<HTMLHeadingElement>(null);
  useEffect(() => {
    headingRef.current?.focus();
  }, []);
  const form = useContractForm(recordPresenceGround, {
    formId,
    initial: { categories: [] as InformationCategory[], ...blankGround },
    paths: groundPaths,
    check: (v) =>
      secrecyTestProblems(
        v,
        'Skriv sekretessprövningen: varför deltagaren behöver uppgifterna vid samrådet och varför de kan lämnas ut.',
      ),
    toBody: (v) => ({
      participantId: participant.id,
      categories: v.categories,
      ground: groundBody(v),
    }),
    send: (body) => call(recordPresenceGround, { params: { caseId, meetingId }, body }),
    onSuccess: () => {
      void refresh();
      onDone(`Grunden för ${who} är registrerad.`);
    },
  });
  return (
    <form {...form.formProps} aria-labelledby={`${formId}-rubrik`} className="step-form">
      <VStack gap="space-16">
        <Heading level="5" size="xsmall" id={`${formId}-rubrik`} ref={headingRef} tabIndex={-1}>
          Registrera grund för {who}
        </Heading>
        <BodyShort size="small">
          Deltagaren får ta del av uppgifter ur akten vid samrådet bara med personens samtycke eller
          med stöd av lag efter en sekretessprövning. Grunden prövas igen den dag samrådet hålls.
        </BodyShort>
        <FormErrorSummary {...form.summaryProps} />
        <ApiErrorAlert error={form.generalError} size="small" />
        <CategoriesField
          form={form}
          legend="Uppgifter som deltagaren får ta del av"
          description="Grunden måste omfatta var och en."
        />
        <DisclosureGroundFields
          caseId={caseId}
          form={form}
          purpose="coordination_meeting"
          legalBases={legalBases}
          consentDescription="Samtycken i akten som gäller samråd. Samtycket måste gälla deltagaren och de uppgifter som lämnas ut."
          secrecyTestDescription="Varför deltagaren behöver uppgifterna vid samrådet, och varför de kan lämnas ut med stöd av lagrummet."
        />
        <FormActions
          submit="Registrera grunden"
          pending={form.mutation.isPending}
          onCancel={onCancel}
        />
      </VStack>
    </form>
  );
}
