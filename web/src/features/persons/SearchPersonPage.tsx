import { useState } from 'react';
import {
  BodyLong,
  Button,
  Heading,
  HStack,
  Radio,
  RadioGroup,
  TextField,
  VStack,
} from '@navikt/ds-react';
import { searchPersons } from '../../../../core/contracts/persons.ts';
import type { BodyOf } from '../../../../core/contracts/contract.ts';
import type { IdentityKind } from '../../../../core/domain/personal-identity.ts';
import { call } from '../../api/client.ts';
import { fieldId, messageFor } from '../../api/forms.ts';
import { ApiErrorAlert } from '../../components/ApiErrorAlert.tsx';
import { FormErrorSummary } from '../../components/FormErrorSummary.tsx';
import { PageHeading } from '../../components/PageHeading.tsx';
import { useFormMutation } from '../../components/useFormMutation.ts';
import { useActiveSession } from '../auth/session.tsx';
import { EmergencyAccessForm } from './EmergencyAccessForm.tsx';
import { IdentityFields } from './IdentityFields.tsx';
import { SearchResults } from './SearchResults.tsx';

const formId = 'sok-person';
type SearchBody = BodyOf<typeof searchPersons>;

export function SearchPersonPage() {
  const session = useActiveSession();
  const [by, setBy] = useState<'identity' | 'name'>('identity');
  const [kind, setKind] = useState<IdentityKind>('personnummer');
  const [number, setNumber] = useState('');
  const [query, setQuery] = useState('');
  const [emergencyOpen, setEmergencyOpen] = useState(false);
  const form = useFormMutation(searchPersons.body, {
    mutationFn: (body: SearchBody) => call(searchPersons, { body }),
  });
  const searched = form.mutation.variables;
  const result = form.mutation.data;

  return (
    <VStack gap="space-32">
      <div>
        <PageHeading>Sök person</PageHeading>
        <BodyLong>
          Sök med personnummer, samordningsnummer, reservnummer eller namn. Du hittar bara personer
          som du har en arbetsrelation till.
        </BodyLong>
      </div>
      <form
        noValidate
        aria-label="Sök person"
        onSubmit={(event) => {
          event.preventDefault();
          setEmergencyOpen(false);
          form.submit(by === 'identity' ? { by, kind, number } : { by, query });
        }}
      >
        <VStack gap="space-16">
          <FormErrorSummary formId={formId} errors={form.fieldErrors} />
          <ApiErrorAlert error={form.generalError} />
          <RadioGroup
            legend="Sök med"
            value={by}
            onChange={(value: 'identity' | 'name') => {
              setBy(value);
              form.reset();
            }}
          >
            <HStack gap="space-24">
              <Radio value="identity">Identitetsnummer</Radio>
              <Radio value="name">Namn</Radio>
            </HStack>
          </RadioGroup>
          {by === 'identity' ? (
            <IdentityFields
              idPrefix={formId}
              kind={kind}
              number={number}
              onKind={setKind}
              onNumber={setNumber}
              kindError={messageFor(form.fieldErrors, 'body.kind')}
              numberError={messageFor(form.fieldErrors, 'body.number')}
            />
          ) : (
            <TextField
              id={fieldId(formId, 'body.query')}
              label="Namn"
              description="Förnamn, efternamn eller båda; minst två bokstäver"
              autoComplete="off"
              spellCheck={false}
              value={query}
              onChange={(e) => {
                setQuery(e.target.value);
              }}
              error={messageFor(form.fieldErrors, 'body.query')}
            />
          )}
          <div>
            <Button type="submit" loading={form.mutation.isPending}>
              Sök
            </Button>
          </div>
        </VStack>
      </form>

      {result && searched ? (
        <section aria-labelledby="sokresultat-rubrik">
          <VStack gap="space-16">
            <Heading level="2" size="medium" id="sokresultat-rubrik">
              Sökresultat
            </Heading>
            <SearchResults
              results={result.results}
              truncated={result.truncated}
              canRequestEmergencyAccess={session.abilities.requestEmergencyAccess}
              onEmergencyAccess={() => {
                setEmergencyOpen(true);
              }}
            />
          </VStack>
        </section>
      ) : null}

      {emergencyOpen && searched ? (
        <EmergencyAccessForm
          initialKind={searched.by === 'identity' ? searched.kind : 'personnummer'}
          initialNumber={searched.by === 'identity' ? searched.number : ''}
          onCancel={() => {
            setEmergencyOpen(false);
          }}
        />
      ) : null}
    </VStack>
  );
}
