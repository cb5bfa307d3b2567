import { useEffect, useRef, useState } from 'react';
import { Alert, BodyLong, Button, Heading, HStack, Textarea, VStack } from '@navikt/ds-react';
import { useNavigate } from 'react-router';
import { startEmergencyAccess } from '../../../../core/contracts/persons.ts';
import type { BodyOf } from '../../../../core/contracts/contract.ts';
import type { IdentityKind } from '../../../../core/domain/personal-identity.ts';
import { call } from '../../api/client.ts';
import { fieldId, messageFor } from '../../api/forms.ts';
import { ApiErrorAlert } from '../../components/ApiErrorAlert.tsx';
import { FormErrorSummary } from '../../components/FormErrorSummary.tsx';
import { useFormMutation } from '../../components/useFormMutation.ts';
import { IdentityFields } from './IdentityFields.tsx';

const formId = 'nodatkomst';

/** Nödåtkomst: a logged, reviewed, time-limited access to one person found by exact number. */
export function EmergencyAccessForm({
  initialKind,
  initialNumber,
  onCancel,
}: {
  initialKind: IdentityKind;
  initialNumber: string;
  onCancel: () => void;
}) {
  const navigate = useNavigate();
  const [kind, setKind] = useState(initialKind);
  const [number, setNumber] = useState(initialNumber);
  const [reason, setReason] = useState('');
  const headingRef = useRef<HTMLHeadingElement>(null);
  useEffect(() => {
    headingRef.current?.focus();
  }, []);
  const form = useFormMutation(startEmergencyAccess.body, {
    mutationFn: (body: BodyOf<typeof startEmergencyAccess>) => call(startEmergencyAccess, { body }),
    onSuccess: (result) => {
      void navigate(`/personer/${result.personId}`);
    },
  });

  return (
    <section aria-labelledby="nodatkomst-rubrik" className="emergency-section">
      <VStack gap="space-16">
        <Heading level="2" size="medium" id="nodatkomst-rubrik" ref={headingRef} tabIndex={-1}>
          Nödåtkomst
        </Heading>
        <Alert variant="warning">
          <BodyLong spacing>
            Nödåtkomst ger dig tillfällig tillgång till en personakt som du inte har en
            arbetsrelation till. Använd den bara när det är nödvändigt, till exempel för att skydda
            någon i en akut situation.
          </BodyLong>
          <BodyLong>
            <strong>Allt loggas:</strong> vem du är, vilken person, när och skälet du skriver. Din
            enhetschef granskar varje nödåtkomst.
          </BodyLong>
        </Alert>
        <form
          noValidate
          onSubmit={(event) => {
            event.preventDefault();
            form.submit({ kind, number, reason });
          }}
        >
          <VStack gap="space-16">
            <FormErrorSummary formId={formId} errors={form.fieldErrors} />
            <ApiErrorAlert error={form.generalError} />
            <IdentityFields
              idPrefix={formId}
              kind={kind}
              number={number}
              onKind={setKind}
              onNumber={setNumber}
              kindError={messageFor(form.fieldErrors, 'body.kind')}
              numberError={messageFor(form.fieldErrors, 'body.number')}
            />
            <Textarea
              id={fieldId(formId, 'body.reason')}
              label="Skäl till nödåtkomst"
              description="Beskriv varför du behöver se personakten nu. Minst tio tecken. Skälet granskas av din enhetschef."
              minRows={3}
              maxLength={2000}
              value={reason}
              onChange={(e) => {
                setReason(e.target.value);
              }}
              error={messageFor(form.fieldErrors, 'body.reason')}
            />
            <HStack gap="space-12">
              <Button type="submit" variant="danger" loading={form.mutation.isPending}>
                Öppna personakten med nödåtkomst
              </Button>
              <Button type="button" variant="tertiary" onClick={onCancel}>
                Avbryt
              </Button>
            </HStack>
          </VStack>
        </form>
      </VStack>
    </section>
  );
}
