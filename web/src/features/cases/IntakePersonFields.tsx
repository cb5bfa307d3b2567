import {
  BodyLong,
  Button,
  ErrorMessage,
  Fieldset,
  HGrid,
  HStack,
  Radio,
  RadioGroup,
  Select,
  TextField,
  VStack,
} from '@navikt/ds-react';
import { searchPersons } from '../../../../core/contracts/persons.ts';
import type { IdentityKind } from '../../../../core/domain/personal-identity.ts';
import { protectionLevels } from '../../../../core/domain/protection.ts';
import { call } from '../../api/client.ts';
import { identityKindLabels, protectionLabels } from '../../app/labels.ts';
import { ApiErrorAlert } from '../../components/ApiErrorAlert.tsx';
import { personName } from '../../components/PersonCell.tsx';
import { ProtectionTag } from '../../components/ProtectionTag.tsx';
import { useContractForm } from '../../components/useContractForm.ts';
import { IdentityFields } from '../persons/IdentityFields.tsx';
import type { IntakeForm } from './intake-form.ts';
import { intakeFormId, personPath } from './intake-form.ts';

const firstKind: IdentityKind = 'personnummer';
const noName = 'Det namn som är känt, annars Okänd';

/** Who the aktualisering is about: a person found by number, a new person, or one not yet known. */
export function IntakePersonFields({ form }: { form: IntakeForm }) {
  const { values, set } = form;
  const search = useContractForm(searchPersons, {
    formId: `${intakeFormId}-sok`,
    initial: { by: 'identity' as const, kind: firstKind, number: '' },
    send: (body) => call(searchPersons, { body }),
    onSuccess: (result) => {
      set({ chosen: result.results.length === 1 ? (result.results[0] ?? null) : null });
    },
  });
  const runSearch = () => {
    set({ chosen: null });
    search.submit();
  };
  const found = search.mutation.data;
  const personIdError = form.errorOf(`${personPath}.personId`);
  return (
    <Fieldset legend="Personen" size="medium">
      <VStack gap="space-16">
        <RadioGroup {...form.choice('mode')} legend="Vem gäller aktualiseringen?">
          <Radio value="existing" description="Sök med personens identitetsnummer">
            En person som finns i Värn
          </Radio>
          <Radio value="new" description="Identitetsnumret kontrolleras om du fyller i det">
            En ny person
          </Radio>
          <Radio value="unidentified" description="Personen är inte identifierad ännu">
            Identiteten är okänd
          </Radio>
        </RadioGroup>

        {values.mode === 'existing' ? (
          <VStack gap="space-16" className="indented">
            {/* Enter in the number searches; it does not send the whole aktualisering. */}
            <div
              onKeyDown={(e) => {
                if (e.key === 'Enter' && e.target instanceof HTMLInputElement) {
                  e.preventDefault();
                  runSearch();
                }
              }}
            >
              <VStack gap="space-16">
                <IdentityFields kind={search.select('kind')} number={search.text('number')} />
              </VStack>
            </div>
            <div>
              <Button
                type="button"
                variant="secondary"
                loading={search.mutation.isPending}
                onClick={runSearch}
              >
                Sök personen
              </Button>
            </div>
            <ApiErrorAlert error={search.generalError} />
            {found && found.results.length > 0 ? (
              <RadioGroup
                id={form.idOf(`${personPath}.personId`)}
                legend="Sökresultat"
                description={
                  found.results.length === 1
                    ? 'En person hittades.'
                    : `${found.results.length} personer hittades.`
                }
                value={values.chosen?.id ?? ''}
                onChange={(id: string) => {
                  set({ chosen: found.results.find((p) => p.id === id) ?? null });
                }}
                error={personIdError}
              >
                {found.results.map((p) => (
                  <Radio
                    key={p.id}
                    value={p.id}
                    description={
                      p.identity
                        ? `${identityKindLabels[p.identity.kind]} ${p.identity.display}`
                        : 'Saknar identitetsnummer'
                    }
                  >
                    <HStack as="span" gap="space-8" align="center">
                      {personName(p)}
                      <ProtectionTag level={p.protectionLevel} />
                    </HStack>
                  </Radio>
                ))}
              </RadioGroup>
            ) : (
              <div id={form.idOf(`${personPath}.personId`)} tabIndex={-1}>
                {found ? (
                  <BodyLong role="status" spacing>
                    Ingen person hittades som du har en arbetsrelation till. Välj{' '}
                    <em>En ny person</em> och fyll i numret: finns personen redan i Värn skickas
                    aktualiseringen till den enhet som ansvarar för personens akt, och du får inte
                    tillgång till akten.
                  </BodyLong>
                ) : null}
                {personIdError ? <ErrorMessage showIcon>{personIdError}</ErrorMessage> : null}
              </div>
            )}
          </VStack>
        ) : null}

        {values.mode === 'new' || values.mode === 'unidentified' ? (
          <VStack gap="space-16" className="indented">
            <HGrid gap="space-16" columns={{ xs: 1, md: 2 }}>
              <TextField
                {...form.text('givenName')}
                label="Förnamn"
                description={values.mode === 'unidentified' ? noName : undefined}
                autoComplete="off"
              />
              <TextField
                {...form.text('familyName')}
                label="Efternamn"
                description={values.mode === 'unidentified' ? noName : undefined}
                autoComplete="off"
              />
            </HGrid>
            {values.mode === 'new' ? (
              <IdentityFields kind={form.select('idKind')} number={form.text('idNumber')} />
            ) : null}
            <Select
              {...form.select('protection')}
              className="field-narrow"
              label="Skyddade personuppgifter"
            >
              {protectionLevels.map((level) => (
                <option key={level} value={level}>
                  {protectionLabels[level]}
                </option>
              ))}
            </Select>
          </VStack>
        ) : null}
      </VStack>
    </Fieldset>
  );
}
