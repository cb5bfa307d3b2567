import { BodyShort, Heading, HGrid, Select, TextField, VStack } from '@navikt/ds-react';
import { registerHouseholdChild } from '../../../../../core/contracts/cases.ts';
import type { CaseDetail } from '../../../../../core/contracts/cases.ts';
import type { IdentityKind } from '../../../../../core/domain/personal-identity.ts';
import { protectionLevels } from '../../../../../core/domain/protection.ts';
import type { ProtectionLevel } from '../../../../../core/domain/protection.ts';
import { call } from '../../../api/client.ts';
import { protectionLabels } from '../../../app/labels.ts';
import { ApiErrorAlert } from '../../../components/ApiErrorAlert.tsx';
import { FormActions } from '../../../components/FormActions.tsx';
import { FormErrorSummary } from '../../../components/FormErrorSummary.tsx';
import { useContractForm } from '../../../components/useContractForm.ts';
import { IdentityFields, identityNumberErrors } from '../../persons/IdentityFields.tsx';
import { useRefreshCase } from '../useCase.ts';
import { useFocusOnOpen } from './useFocusOnOpen.ts';

const formId = 'nytt-barn';
const firstKind: IdentityKind = 'personnummer';

/** A child of the person, registered in the household (and so given a child-report duty). */
export function AddChildForm({
  detail,
  onClose,
}: {
  detail: CaseDetail;
  onClose: (message?: string) => void;
}) {
  const headingRef = useFocusOnOpen();
  const refresh = useRefreshCase(detail.id);
  const protection: ProtectionLevel = detail.person.protectionLevel;
  const save = useContractForm(registerHouseholdChild, {
    formId,
    initial: { givenName: '', familyName: '', kind: firstKind, number: '', protection },
    paths: {
      givenName: 'child.givenName',
      familyName: 'child.familyName',
      kind: 'child.identity.kind',
      number: 'child.identity.number',
      protection: 'child.protectionLevel',
    },
    toBody: (v) => ({
      child: {
        identity: v.number.trim() === '' ? null : { kind: v.kind, number: v.number },
        givenName: v.givenName,
        familyName: v.familyName,
        protectionLevel: v.protection,
      },
    }),
    check: (v) => identityNumberErrors('body.child.identity.number', v.kind, v.number),
    send: (body) => call(registerHouseholdChild, { params: { caseId: detail.id }, body }),
    onSuccess: (result, body) => {
      onClose(
        result.outcome === 'linked'
          ? `${body.child.givenName} ${body.child.familyName} är registrerad i hushållet.`
          : 'Barnet har redan en personakt som du inte har tillgång till. Uppgiften om barnet har skickats till den enhet som ansvarar för akten.',
      );
      refresh('detail');
    },
  });

  return (
    <form {...save.formProps} aria-labelledby={`${formId}-rubrik`} className="step-form">
      <VStack gap="space-16">
        <Heading level="3" size="small" id={`${formId}-rubrik`} ref={headingRef} tabIndex={-1}>
          Nytt barn i hushållet
        </Heading>
        <BodyShort>
          Barnet registreras som personens barn. Fyll i identitetsnummer om det är känt.
        </BodyShort>
        <FormErrorSummary {...save.summaryProps} />
        <ApiErrorAlert error={save.generalError} />
        <HGrid gap="space-16" columns={{ xs: 1, md: 2 }}>
          <TextField {...save.text('givenName')} label="Förnamn" autoComplete="off" />
          <TextField {...save.text('familyName')} label="Efternamn" autoComplete="off" />
        </HGrid>
        <IdentityFields kind={save.select('kind')} number={save.text('number')} />
        <Select
          {...save.select('protection')}
          className="field-narrow"
          label="Skyddade personuppgifter"
          description="Barn till en person med skyddade personuppgifter har ofta samma skydd."
        >
          {protectionLevels.map((level) => (
            <option key={level} value={level}>
              {protectionLabels[level]}
            </option>
          ))}
        </Select>
        <FormActions
          submit="Lägg till barnet"
          pending={save.mutation.isPending}
          onCancel={onClose}
        />
      </VStack>
    </form>
  );
}
