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
import type { IdentityKind } from '../../../../core/domain/personal-identity.ts';
import { call } from '../../api/client.ts';
import { ApiErrorAlert } from '../../components/ApiErrorAlert.tsx';
import { FormErrorSummary } from '../../components/FormErrorSummary.tsx';
import { PageHeading } from '../../components/PageHeading.tsx';
import { useContractForm } from '../../components/useContractForm.ts';
import { useActiveSession } from '../auth/session.tsx';
import { EmergencyAccessForm } from './EmergencyAccessForm.tsx';
import { IdentityFields } from './IdentityFields.tsx';
import { SearchResults } from './SearchResults.tsx';

const formId = 'sok-person';
const blank: { by: 'identity' | 'name'; kind: IdentityKind; number: string; query: string } = {
  by: 'identity',
  kind: 'personnummer',
  number: '',
  query: '',
};

export function SearchPersonPage() {
  const session = useActiveSession();
  const [emergencyOpen, setEmergencyOpen] = useState(false);
  const form = useContractForm(searchPersons, {
    formId,
    initial: blank,
    toBody: ({ by, kind, number, query }) =>
      by === 'identity' ? { by, kind, number } : { by, query },
    send: (body) => call(searchPersons, { body }),
  });
  const { by } = form.values;
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
        {...form.formProps}
        aria-label="Sök person"
        onSubmit={(event) => {
          event.preventDefault();
          setEmergencyOpen(false);
          form.submit();
        }}
      >
        <VStack gap="space-16">
          <FormErrorSummary {...form.summaryProps} />
          <ApiErrorAlert error={form.generalError} />
          <RadioGroup
            legend="Sök med"
            value={by}
            onChange={(value: 'identity' | 'name') => {
              form.set({ by: value });
              form.forget();
            }}
          >
            <HStack gap="space-24">
              <Radio value="identity">Identitetsnummer</Radio>
              <Radio value="name">Namn</Radio>
            </HStack>
          </RadioGroup>
          {by === 'identity' ? (
            <IdentityFields kind={form.select('kind')} number={form.text('number')} />
          ) : (
            <TextField
              {...form.text('query')}
              label="Namn"
              description="Förnamn, efternamn eller båda; minst två bokstäver"
              autoComplete="off"
              spellCheck={false}
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
