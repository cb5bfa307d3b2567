import { useState } from 'react';
import { BodyLong, Button, Heading, Textarea, VStack } from '@navikt/ds-react';
import { closeCase } from '../../../../../core/contracts/cases.ts';
import type { CaseDetail } from '../../../../../core/contracts/cases.ts';
import type { BodyOf } from '../../../../../core/contracts/contract.ts';
import { call } from '../../../api/client.ts';
import { fieldId, messageFor } from '../../../api/forms.ts';
import { ChangeErrorAlert } from '../../../components/ChangeErrorAlert.tsx';
import { FormErrorSummary } from '../../../components/FormErrorSummary.tsx';
import { useFormMutation } from '../../../components/useFormMutation.ts';
import { personName } from '../../../components/PersonCell.tsx';
import { useLeaveClosedCase, useRefreshCase } from '../useCase.ts';

const formId = 'avslut';

/** Avslut: the case is closed with the reason; nothing more is documented on it afterwards. */
export function CloseCaseStep({ detail }: { detail: CaseDetail }) {
  const refresh = useRefreshCase(detail.id);
  const leave = useLeaveClosedCase(detail.id);
  const [reason, setReason] = useState('');
  const save = useFormMutation(closeCase.body, {
    mutationFn: (body: BodyOf<typeof closeCase>) =>
      call(closeCase, { params: { caseId: detail.id }, body }),
    onSuccess: () => {
      leave(`Ärendet för ${personName(detail.person)} är avslutat.`);
    },
  });

  return (
    <section aria-labelledby="avslut-rubrik">
      <form
        noValidate
        aria-labelledby="avslut-rubrik"
        onSubmit={(event) => {
          event.preventDefault();
          save.submit({ reason, version: detail.version });
        }}
      >
        <VStack gap="space-16">
          <Heading level="2" size="medium" id="avslut-rubrik">
            Avsluta ärendet
          </Heading>
          <BodyLong>
            När beslutet är fattat, eller personen inte längre vill ha stöd, avslutas ärendet.
            Därefter dokumenteras inget mer i det, och det finns inte längre bland dina ärenden.
            Ärendet kan inte avslutas så länge ett barn i hushållet saknar orosanmälan eller angivet
            skäl.
          </BodyLong>
          <FormErrorSummary formId={formId} errors={save.fieldErrors} />
          <ChangeErrorAlert
            error={save.generalError}
            onReload={() => {
              save.reset();
              refresh('detail');
            }}
          />
          <Textarea
            id={fieldId(formId, 'body.reason')}
            label="Skäl till avslut"
            minRows={2}
            maxLength={5_000}
            value={reason}
            onChange={(e) => {
              setReason(e.target.value);
            }}
            error={messageFor(save.fieldErrors, 'body.reason')}
          />
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
