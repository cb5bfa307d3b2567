import { useEffect, useRef } from 'react';
import { Alert, BodyLong, Button, Heading, HStack, Textarea, VStack } from '@navikt/ds-react';
import { useNavigate } from 'react-router';
import { startEmergencyAccess } from '../../../../core/contracts/persons.ts';
import type { IdentityKind } from '../../../../core/domain/personal-identity.ts';
import { call } from '../../api/client.ts';
import { ApiErrorAlert } from '../../components/ApiErrorAlert.tsx';
import { FormErrorSummary } from '../../components/FormErrorSummary.tsx';
import { useContractForm } from '../../components/useContractForm.ts';
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
  const headingRef = useRef<HTMLHeadingElement>(null);
  useEffect(() => {
    headingRef.current?.focus();
  }, []);
  const form = useContractForm(startEmergencyAccess, {
    formId,
    initial: { kind: initialKind, number: initialNumber, reason: '' },
    send: (body) => call(startEmergencyAccess, { body }),
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
        <form {...form.formProps}>
          <VStack gap="space-16">
            <FormErrorSummary {...form.summaryProps} />
            <ApiErrorAlert error={form.generalError} />
            <IdentityFields kind={form.select('kind')} number={form.text('number')} />
            <Textarea
              {...form.longText('reason')}
              label="Skäl till nödåtkomst"
              description="Beskriv varför du behöver se personakten nu. Minst tio tecken. Skälet granskas av din enhetschef."
              minRows={3}
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
