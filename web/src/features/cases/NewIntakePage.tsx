import { useState } from 'react';
import {
  Alert,
  BodyLong,
  Button,
  Checkbox,
  ErrorMessage,
  Fieldset,
  HGrid,
  HStack,
  Link,
  Radio,
  RadioGroup,
  Select,
  Textarea,
  TextField,
  VStack,
} from '@navikt/ds-react';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { Link as RouterLink, useNavigate } from 'react-router';
import {
  AcuteNeed,
  IntakeChannel,
  IntakeType,
  registerIntake,
} from '../../../../core/contracts/cases.ts';
import type { BodyOf } from '../../../../core/contracts/contract.ts';
import type { FieldError } from '../../../../core/contracts/errors.ts';
import { searchPersons, TargetGroup } from '../../../../core/contracts/persons.ts';
import type { PersonSummary } from '../../../../core/contracts/persons.ts';
import type { IdentityKind } from '../../../../core/domain/personal-identity.ts';
import { parseIdentityNumber } from '../../../../core/domain/personal-identity.ts';
import { protectionLevels } from '../../../../core/domain/protection.ts';
import type { ProtectionLevel } from '../../../../core/domain/protection.ts';
import { call } from '../../api/client.ts';
import {
  fieldErrorsOf,
  fieldId,
  messageFor,
  validateBody,
  withOwnErrors,
} from '../../api/forms.ts';
import {
  acuteNeedLabels,
  identityKindLabels,
  intakeChannelLabels,
  intakeTypeLabels,
  protectionLabels,
  targetGroupLabels,
} from '../../app/labels.ts';
import { ApiErrorAlert } from '../../components/ApiErrorAlert.tsx';
import {
  isDate,
  isTime,
  stockholmDateTimeToIso,
  stockholmNow,
  stockholmToday,
} from '../../components/dates.ts';
import { FormErrorSummary } from '../../components/FormErrorSummary.tsx';
import { PageHeading } from '../../components/PageHeading.tsx';
import { personName } from '../../components/PersonCell.tsx';
import { ProtectionTag } from '../../components/ProtectionTag.tsx';
import { useFormMutation } from '../../components/useFormMutation.ts';
import { useActiveSession } from '../auth/session.tsx';
import { AcuteNotice } from './AcuteNotice.tsx';
import { IdentityFields } from '../persons/IdentityFields.tsx';
import { caseworkerUnits } from './units.ts';

const formId = 'ny-aktualisering';
type Body = BodyOf<typeof registerIntake>;
type PersonMode = 'existing' | 'new' | 'unidentified';
type TargetGroupValue = Body['targetGroup'];
type IntakeTypeValue = Body['intake']['type'];
type ChannelValue = Body['intake']['channel'];
type AcuteValue = Body['acuteScreening']['acuteNeed'];

const personPath = 'body.person';
const newPersonPath = 'body.person.newPerson';

/** Registers an aktualisering: what came in, from whom, how and when, and the acute screening. */
export function NewIntakePage() {
  const session = useActiveSession();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const units = caseworkerUnits(session);
  const now = stockholmNow();

  const [unitId, setUnitId] = useState(units[0]?.id ?? '');
  const [targetGroup, setTargetGroup] = useState<TargetGroupValue | ''>('');
  const [mode, setMode] = useState<PersonMode | ''>('');
  const [chosen, setChosen] = useState<PersonSummary | null>(null);
  const [searchKind, setSearchKind] = useState<IdentityKind>('personnummer');
  const [searchNumber, setSearchNumber] = useState('');
  const [givenName, setGivenName] = useState('');
  const [familyName, setFamilyName] = useState('');
  const [idKind, setIdKind] = useState<IdentityKind>('personnummer');
  const [idNumber, setIdNumber] = useState('');
  const [protection, setProtection] = useState<ProtectionLevel>('none');
  const [intakeType, setIntakeType] = useState<IntakeTypeValue | ''>('');
  const [from, setFrom] = useState('');
  const [channel, setChannel] = useState<ChannelValue | ''>('');
  const [date, setDate] = useState(now.date);
  const [time, setTime] = useState(now.time);
  const [content, setContent] = useState('');
  const [acuteNeed, setAcuteNeed] = useState<AcuteValue | ''>('');
  const [motivation, setMotivation] = useState('');
  const [assignToMe, setAssignToMe] = useState(true);

  const search = useMutation({
    mutationFn: (body: BodyOf<typeof searchPersons>) => call(searchPersons, { body }),
    onSuccess: (result) => {
      setChosen(result.results.length === 1 ? (result.results[0] ?? null) : null);
    },
  });
  const [searchErrors, setSearchErrors] = useState<FieldError[]>([]);

  const form = useFormMutation(registerIntake.body, {
    mutationFn: (body: Body) => call(registerIntake, { body }),
    onSuccess: (result) => {
      void queryClient.invalidateQueries({ queryKey: ['cases'] });
      if (result.outcome === 'registered') void navigate(`/arenden/${result.caseId}`);
      else setRouted({ unitName: result.unitName });
    },
  });
  // A person who already has a file: the matter went to the unit responsible for it.
  const [routed, setRouted] = useState<{ unitName: string | null } | null>(null);
  const errors = form.fieldErrors;
  const err = (path: string) => messageFor(errors, path);

  if (routed) return <RoutedIntake unitName={routed.unitName} />;

  if (units.length === 0) {
    return (
      <div>
        <PageHeading>Ny aktualisering</PageHeading>
        <BodyLong>
          Du handlägger inte ärenden i någon enhet och kan därför inte registrera en aktualisering.
        </BodyLong>
      </div>
    );
  }

  const buildPerson = (): Body['person'] => {
    if (mode === 'existing') return { existing: true, personId: chosen?.id ?? '' };
    const identity =
      mode === 'new' && idNumber.trim() !== '' ? { kind: idKind, number: idNumber } : null;
    return {
      existing: false,
      newPerson: { identity, givenName, familyName, protectionLevel: protection },
    };
  };

  const onSubmit = () => {
    const receivedAt = stockholmDateTimeToIso(date, time) ?? '';
    const body = {
      unitId,
      targetGroup,
      person: buildPerson(),
      intake: { type: intakeType, from, channel, receivedAt, content },
      acuteScreening: { acuteNeed, motivation },
      assignToMe,
    } as Body;
    const own: FieldError[] = [];
    if (targetGroup === '') own.push({ path: 'body.targetGroup', message: 'Välj målgrupp.' });
    if (mode === '') own.push({ path: personPath, message: 'Välj vem aktualiseringen gäller.' });
    if (mode === 'existing' && !chosen) {
      own.push({
        path: `${personPath}.personId`,
        message: 'Sök fram personen och välj henne eller honom i sökresultatet.',
      });
    }
    if (mode === 'new' && idNumber.trim() !== '') {
      const parsed = parseIdentityNumber(idNumber, idKind, stockholmToday());
      if (!parsed.ok)
        own.push({ path: `${newPersonPath}.identity.number`, message: parsed.message });
    }
    if (intakeType === '')
      own.push({ path: 'body.intake.type', message: 'Välj typ av aktualisering.' });
    if (channel === '')
      own.push({ path: 'body.intake.channel', message: 'Välj hur uppgifterna kom in.' });
    if (!isDate(date))
      own.push({ path: 'body.intake.receivedAt', message: 'Ange datum som ÅÅÅÅ-MM-DD.' });
    else if (!isTime(time) || receivedAt === '') {
      own.push({ path: 'body.intake.receivedAt', message: 'Ange klockslag som TT:MM.' });
    }
    if (acuteNeed === '') {
      own.push({
        path: 'body.acuteScreening.acuteNeed',
        message: 'Svara på om det finns ett akut skyddsbehov.',
      });
    }
    // Until it is chosen who the intake is about, the person's fields are not asked for.
    const schemaErrors = validateBody(registerIntake.body, body).filter(
      (e) => mode !== '' || !e.path.startsWith(`${personPath}.`),
    );
    form.submit(body, withOwnErrors(schemaErrors, own));
  };

  const searchedResult = search.data;
  const runSearch = () => {
    const body = { by: 'identity' as const, kind: searchKind, number: searchNumber };
    const problems = validateBody(searchPersons.body, body);
    setSearchErrors(problems);
    setChosen(null);
    if (problems.length === 0) search.mutate(body);
  };
  return (
    <VStack gap="space-32">
      <div>
        <PageHeading>Ny aktualisering</PageHeading>
        <BodyLong>
          Registrera det som har kommit till socialtjänstens kännedom: vad, från vem, hur och när.
          Gör samtidigt den första bedömningen av om det finns ett akut skyddsbehov.
        </BodyLong>
      </div>
      <form
        noValidate
        aria-label="Ny aktualisering"
        onSubmit={(event) => {
          event.preventDefault();
          onSubmit();
        }}
      >
        <VStack gap="space-32">
          <FormErrorSummary formId={formId} errors={errors} />
          <ApiErrorAlert error={form.generalError} />

          <Fieldset legend="Ärendet" size="medium">
            <VStack gap="space-16">
              <Select
                className="field-narrow"
                id={fieldId(formId, 'body.unitId')}
                label="Enhet"
                value={unitId}
                onChange={(e) => {
                  setUnitId(e.target.value);
                }}
                error={err('body.unitId')}
              >
                {units.map((u) => (
                  <option key={u.id} value={u.id}>
                    {u.name}
                  </option>
                ))}
              </Select>
              <Select
                className="field-narrow"
                id={fieldId(formId, 'body.targetGroup')}
                label="Målgrupp"
                value={targetGroup}
                onChange={(e) => {
                  setTargetGroup(e.target.value as TargetGroupValue | '');
                }}
                error={err('body.targetGroup')}
              >
                <option value="">Välj målgrupp</option>
                {TargetGroup.options.map((g) => (
                  <option key={g} value={g}>
                    {targetGroupLabels[g]}
                  </option>
                ))}
              </Select>
            </VStack>
          </Fieldset>

          <Fieldset legend="Personen" size="medium">
            <VStack gap="space-16">
              <RadioGroup
                id={fieldId(formId, personPath)}
                legend="Vem gäller aktualiseringen?"
                value={mode}
                onChange={(value: PersonMode) => {
                  setMode(value);
                }}
                error={err(personPath)}
              >
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

              {mode === 'existing' ? (
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
                      <IdentityFields
                        idPrefix={`${formId}-sok`}
                        kind={searchKind}
                        number={searchNumber}
                        onKind={setSearchKind}
                        onNumber={setSearchNumber}
                        numberError={messageFor(
                          searchErrors.length > 0 ? searchErrors : fieldErrorsOf(search.error),
                          'body.number',
                        )}
                      />
                    </VStack>
                  </div>
                  <div>
                    <Button
                      type="button"
                      variant="secondary"
                      loading={search.isPending}
                      onClick={runSearch}
                    >
                      Sök personen
                    </Button>
                  </div>
                  {fieldErrorsOf(search.error).length === 0 ? (
                    <ApiErrorAlert error={search.error} />
                  ) : null}
                  {searchedResult && searchedResult.results.length > 0 ? (
                    <RadioGroup
                      id={fieldId(formId, `${personPath}.personId`)}
                      legend="Sökresultat"
                      description={
                        searchedResult.results.length === 1
                          ? 'En person hittades.'
                          : `${searchedResult.results.length} personer hittades.`
                      }
                      value={chosen?.id ?? ''}
                      onChange={(id: string) => {
                        setChosen(searchedResult.results.find((p) => p.id === id) ?? null);
                      }}
                      error={err(`${personPath}.personId`)}
                    >
                      {searchedResult.results.map((p) => (
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
                    <div id={fieldId(formId, `${personPath}.personId`)} tabIndex={-1}>
                      {searchedResult ? (
                        <BodyLong role="status" spacing>
                          Ingen person hittades som du har en arbetsrelation till. Välj{' '}
                          <em>En ny person</em> och fyll i numret: finns personen redan i Värn
                          skickas aktualiseringen till den enhet som ansvarar för personens akt, och
                          du får inte tillgång till akten.
                        </BodyLong>
                      ) : null}
                      {err(`${personPath}.personId`) ? (
                        <ErrorMessage showIcon>{err(`${personPath}.personId`)}</ErrorMessage>
                      ) : null}
                    </div>
                  )}
                </VStack>
              ) : null}

              {mode === 'new' || mode === 'unidentified' ? (
                <VStack gap="space-16" className="indented">
                  <HGrid gap="space-16" columns={{ xs: 1, md: 2 }}>
                    <TextField
                      id={fieldId(formId, `${newPersonPath}.givenName`)}
                      label="Förnamn"
                      description={
                        mode === 'unidentified' ? 'Det namn som är känt, annars Okänd' : undefined
                      }
                      autoComplete="off"
                      value={givenName}
                      onChange={(e) => {
                        setGivenName(e.target.value);
                      }}
                      error={err(`${newPersonPath}.givenName`)}
                    />
                    <TextField
                      id={fieldId(formId, `${newPersonPath}.familyName`)}
                      label="Efternamn"
                      description={
                        mode === 'unidentified' ? 'Det namn som är känt, annars Okänd' : undefined
                      }
                      autoComplete="off"
                      value={familyName}
                      onChange={(e) => {
                        setFamilyName(e.target.value);
                      }}
                      error={err(`${newPersonPath}.familyName`)}
                    />
                  </HGrid>
                  {mode === 'new' ? (
                    <IdentityFields
                      idPrefix={fieldId(formId, `${newPersonPath}.identity`)}
                      kind={idKind}
                      number={idNumber}
                      onKind={setIdKind}
                      onNumber={setIdNumber}
                      kindError={err(`${newPersonPath}.identity.kind`)}
                      numberError={err(`${newPersonPath}.identity.number`)}
                    />
                  ) : null}
                  <Select
                    className="field-narrow"
                    id={fieldId(formId, `${newPersonPath}.protectionLevel`)}
                    label="Skyddade personuppgifter"
                    value={protection}
                    onChange={(e) => {
                      setProtection(e.target.value as ProtectionLevel);
                    }}
                    error={err(`${newPersonPath}.protectionLevel`)}
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

          <Fieldset legend="Det som har kommit in" size="medium">
            <VStack gap="space-16">
              <RadioGroup
                id={fieldId(formId, 'body.intake.type')}
                legend="Typ av aktualisering"
                value={intakeType}
                onChange={(value: IntakeTypeValue) => {
                  setIntakeType(value);
                }}
                error={err('body.intake.type')}
              >
                {IntakeType.options.map((t) => (
                  <Radio key={t} value={t}>
                    {intakeTypeLabels[t]}
                  </Radio>
                ))}
              </RadioGroup>
              <TextField
                id={fieldId(formId, 'body.intake.from')}
                label="Från vem"
                description="Till exempel personen själv, Polisen region Stockholm, en skola eller en annan enhet"
                autoComplete="off"
                value={from}
                onChange={(e) => {
                  setFrom(e.target.value);
                }}
                error={err('body.intake.from')}
              />
              <Select
                className="field-narrow"
                id={fieldId(formId, 'body.intake.channel')}
                label="Hur kom uppgifterna in?"
                value={channel}
                onChange={(e) => {
                  setChannel(e.target.value as ChannelValue | '');
                }}
                error={err('body.intake.channel')}
              >
                <option value="">Välj hur</option>
                {IntakeChannel.options.map((c) => (
                  <option key={c} value={c}>
                    {intakeChannelLabels[c]}
                  </option>
                ))}
              </Select>
              <Fieldset
                legend="När kom uppgifterna in?"
                description="Svensk tid. Ändra om uppgifterna kom in tidigare än nu."
                error={err('body.intake.receivedAt')}
                size="small"
              >
                <HStack gap="space-16">
                  <TextField
                    id={fieldId(formId, 'body.intake.receivedAt')}
                    label="Datum"
                    description="ÅÅÅÅ-MM-DD"
                    htmlSize={12}
                    autoComplete="off"
                    value={date}
                    onChange={(e) => {
                      setDate(e.target.value);
                    }}
                  />
                  <TextField
                    label="Klockslag"
                    description="TT:MM"
                    htmlSize={7}
                    autoComplete="off"
                    value={time}
                    onChange={(e) => {
                      setTime(e.target.value);
                    }}
                  />
                </HStack>
              </Fieldset>
              <Textarea
                id={fieldId(formId, 'body.intake.content')}
                label="Vad har kommit in?"
                description="Skriv vad som sades eller stod, och vem som sa det."
                minRows={4}
                maxLength={20_000}
                value={content}
                onChange={(e) => {
                  setContent(e.target.value);
                }}
                error={err('body.intake.content')}
              />
            </VStack>
          </Fieldset>

          <Fieldset legend="Bedömning av akut skyddsbehov" size="medium">
            <VStack gap="space-16">
              <RadioGroup
                id={fieldId(formId, 'body.acuteScreening.acuteNeed')}
                legend="Finns det ett akut behov av skydd nu?"
                description="Personens egen bild av faran räknas som en första riskbedömning."
                value={acuteNeed}
                onChange={(value: AcuteValue) => {
                  setAcuteNeed(value);
                }}
                error={err('body.acuteScreening.acuteNeed')}
              >
                {AcuteNeed.options.map((a) => (
                  <Radio key={a} value={a}>
                    {acuteNeedLabels[a]}
                  </Radio>
                ))}
              </RadioGroup>
              {acuteNeed === 'yes' ? <AcuteNotice /> : null}
              <Textarea
                id={fieldId(formId, 'body.acuteScreening.motivation')}
                label="Motivering"
                minRows={2}
                maxLength={5_000}
                value={motivation}
                onChange={(e) => {
                  setMotivation(e.target.value);
                }}
                error={err('body.acuteScreening.motivation')}
              />
            </VStack>
          </Fieldset>

          <Checkbox
            checked={assignToMe}
            onChange={(e) => {
              setAssignToMe(e.target.checked);
            }}
            description="Annars hamnar ärendet i enhetens inkorg."
          >
            Jag blir handläggare för ärendet
          </Checkbox>

          <div>
            <Button type="submit" loading={form.mutation.isPending}>
              Registrera aktualiseringen
            </Button>
          </div>
        </VStack>
      </form>
    </VStack>
  );
}

/**
 * After registering a matter about a person who already has a file: it went to the unit
 * responsible for that file. Nothing of the file is shown — for a protected person not even
 * which unit — and the registering handläggare gets no access to it.
 */
function RoutedIntake({ unitName }: { unitName: string | null }) {
  return (
    <VStack gap="space-16" align="start">
      <PageHeading>Aktualiseringen är skickad vidare</PageHeading>
      <Alert variant="info">
        <BodyLong spacing>
          Personen har redan en personakt.{' '}
          {unitName
            ? `Aktualiseringen har skickats till ${unitName}, som ansvarar för akten.`
            : 'Aktualiseringen har skickats till den enhet som ansvarar för akten.'}{' '}
          Enheten och dess chef ser den i enhetens inkorg.
        </BodyLong>
        <BodyLong>
          Du har inte fått tillgång till personens akt. Behöver du den i ditt arbete, kontakta
          ansvarig enhet eller din chef.
        </BodyLong>
      </Alert>
      <Link as={RouterLink} to="/">
        Till startsidan
      </Link>
    </VStack>
  );
}
