import { BodyLong, Button, Heading, Textarea, VStack } from '@navikt/ds-react';
import { closeCase } from '../../../../../core/contracts/cases.ts';
import type { CaseDetail } from '../../../../../core/contracts/cases.ts';
import { call } from '../../../api/client.ts';
import { ChangeErrorAlert } from '../../../components/ChangeErrorAlert.tsx';
import { FormErrorSummary } from '../../../components/FormErrorSummary.tsx';
import { personName } from '../../../components/PersonCell.tsx';
import { useContractForm } from '../../../components/useContractForm.ts';
import { useLeaveClosedCase, useRefreshCase } from '../useCase.ts';

const formId = 'avslut';

/**
 * Avslut: the case is closed with the reason; nothing more is documented on it afterwards.
 * Offered when the case flow allows it; otherwise its sentence says what is missing. Rendered
 * only for the one who works the case.
 */
export function CloseCaseStep({ detail }: { detail: CaseDetail }) {
  const refresh = useRefreshCase(detail.id);
  const leave = useLeaveClosedCase(detail.id);
  const save = useContractForm(closeCase, {
    formId,
    initial: { reason: '' },
    // The version the person has in front of them, also after reloading it on a conflict.
    toBody: (v) => ({ ...v, version: detail.version }),
    send: (body) => call(closeCase, { params: { caseId: detail.id }, body }),
    onSuccess: () => {
      leave(`Ärendet för ${personName(detail.person)} är avslutat.`);
    },
  });

  // The case flow's own answer, the same as the server's 409: never a test of the phase.
  const step = detail.abilities.steps.close;
  const heading = (
    <Heading level="2" size="medium" id="avslut-rubrik">
      Avsluta ärendet
    </Heading>
  );
  if (!step.allowed) {
    if (step.message === null) return null;
    return (
      <section aria-labelledby="avslut-rubrik">
        <VStack gap="space-16">
          {heading}
          <BodyLong>{step.message}</BodyLong>
        </VStack>
      </section>
    );
  }

  return (
    <section aria-labelledby="avslut-rubrik">
      <form {...save.formProps} aria-labelledby="avslut-rubrik">
        <VStack gap="space-16">
          {heading}
          <BodyLong>
            När beslutet är fattat, eller personen inte längre vill ha stöd, avslutas ärendet.
            Därefter dokumenteras inget mer i det, och det finns inte längre bland dina ärenden.
            Ärendet kan inte avslutas så länge ett barn i hushållet saknar orosanmälan eller angivet
            skäl.
          </BodyLong>
          <FormErrorSummary {...save.summaryProps} />
          <ChangeErrorAlert
            error={save.generalError}
            onReload={() => {
              save.reset();
              refresh('detail');
            }}
          />
          <Textarea {...save.longText('reason')} label="Skäl till avslut" minRows={2} />
          <div>
            <Button type="submit" variant="secondary" loading={save.mutation.isPending}>
              Avsluta ärendet
            </Button>
          </div>
        </VStack>
      </form>
    </section>
  );
}
