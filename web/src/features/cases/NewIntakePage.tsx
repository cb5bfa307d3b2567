import { useState } from 'react';
import {
  Alert,
  BodyLong,
  Button,
  Checkbox,
  Fieldset,
  HStack,
  Link,
  Radio,
  RadioGroup,
  Select,
  Textarea,
  TextField,
  VStack,
} from '@navikt/ds-react';
import { Link as RouterLink } from 'react-router';
import { IntakeChannel, IntakeType } from '../../../../core/contracts/cases.ts';
import { TargetGroup } from '../../../../core/contracts/persons.ts';
import { intakeChannelLabels, intakeTypeLabels, targetGroupLabels } from '../../app/labels.ts';
import { ApiErrorAlert } from '../../components/ApiErrorAlert.tsx';
import { DateField } from '../../components/DateField.tsx';
import { FormErrorSummary } from '../../components/FormErrorSummary.tsx';
import { PageHeading } from '../../components/PageHeading.tsx';
import { useActiveSession } from '../auth/session.tsx';
import { AcuteNeedFields } from './AcuteNotice.tsx';
import { useIntakeForm } from './intake-form.ts';
import { HouseholdFields } from './HouseholdFields.tsx';
import { IntakePersonFields } from './IntakePersonFields.tsx';
import { caseworkerUnits } from './units.ts';
import { RoutedMatter } from './RoutedMatter.tsx';

/** Registers an aktualisering: what came in, from whom, how and when, and the acute screening. */
export function NewIntakePage() {
  const session = useActiveSession();
  const units = caseworkerUnits(session);
  // A person who already has a file: the matter went to the unit responsible for it.
  const [routed, setRouted] = useState<{ unitName: string | null } | null>(null);
  // Registered, but a child's number belonged to a child whose file the user may not open.
  const [childrenRouted, setChildrenRouted] = useState<{ caseId: string; n: number } | null>(null);
  // A handläggare for children and young people registers matters about children.
  const firstUnit = units[0]?.id ?? '';
  const forChildren = session.user.grants.some(
    (g) => g.unitId === firstUnit && g.role === 'children_caseworker',
  );
  const form = useIntakeForm(firstUnit, forChildren ? 'child' : 'victim', setRouted, (r) => {
    setChildrenRouted({ caseId: r.caseId, n: r.childrenRouted });
  });
  const { values, set } = form;

  if (routed) return <RoutedMatter unitName={routed.unitName} matter="Aktualiseringen" />;
  if (childrenRouted) return <ChildrenRouted {...childrenRouted} />;

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

  return (
    <VStack gap="space-32">
      <div>
        <PageHeading>Ny aktualisering</PageHeading>
        <BodyLong>
          Registrera det som har kommit till socialtjänstens kännedom: vad, från vem, hur och när.
          Gör samtidigt den första bedömningen av om det finns ett akut skyddsbehov.
        </BodyLong>
      </div>
      <form {...form.formProps} aria-label="Ny aktualisering">
        <VStack gap="space-32">
          <FormErrorSummary {...form.summaryProps} />
          <ApiErrorAlert error={form.generalError} />

          <Fieldset legend="Ärendet" size="medium">
            <VStack gap="space-16">
              <Select {...form.select('unitId')} className="field-narrow" label="Enhet">
                {units.map((u) => (
                  <option key={u.id} value={u.id}>
                    {u.name}
                  </option>
                ))}
              </Select>
              <Select {...form.select('targetGroup')} className="field-narrow" label="Målgrupp">
                <option value="">Välj målgrupp</option>
                {TargetGroup.options.map((g) => (
                  <option key={g} value={g}>
                    {targetGroupLabels[g]}
                  </option>
                ))}
              </Select>
            </VStack>
          </Fieldset>

          <IntakePersonFields form={form} />

          <Fieldset legend="Det som har kommit in" size="medium">
            <VStack gap="space-16">
              <RadioGroup {...form.choice('intakeType')} legend="Typ av aktualisering">
                {IntakeType.options.map((t) => (
                  <Radio key={t} value={t}>
                    {intakeTypeLabels[t]}
                  </Radio>
                ))}
              </RadioGroup>
              <TextField
                {...form.text('from')}
                label="Från vem"
                description="Till exempel personen själv, Polisen region Stockholm, en skola eller en annan enhet"
                autoComplete="off"
              />
              <Select
                {...form.select('channel')}
                className="field-narrow"
                label="Hur kom uppgifterna in?"
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
                error={form.errorOf('intake.receivedAt')}
                size="small"
              >
                <HStack gap="space-16">
                  {/* The date and the time share one error, on the fieldset. */}
                  <DateField {...form.text('date')} error={undefined} label="Datum" />
                  <TextField
                    label="Klockslag"
                    description="TT:MM"
                    htmlSize={7}
                    autoComplete="off"
                    value={values.time}
                    onChange={(e) => {
                      set({ time: e.target.value });
                    }}
                  />
                </HStack>
              </Fieldset>
              <Textarea
                {...form.longText('content')}
                label="Vad har kommit in?"
                description="Skriv vad som sades eller stod, och vem som sa det."
                minRows={4}
              />
            </VStack>
          </Fieldset>

          <HouseholdFields form={form} />

          <Fieldset legend="Bedömning av akut skyddsbehov" size="medium">
            <VStack gap="space-16">
              <AcuteNeedFields
                need={form.choice('acuteNeed')}
                motivation={form.longText('motivation')}
                value={values.acuteNeed}
                description="Personens egen bild av faran räknas som en första riskbedömning."
              />
            </VStack>
          </Fieldset>

          <Checkbox
            checked={values.assignToMe}
            onChange={(e) => {
              set({ assignToMe: e.target.checked });
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
 * Registered, with a child whose personnummer belongs to a child already in Värn whose file the
 * user may not open: that child is not linked, and its information went to the unit responsible
 * for its file. Nothing of that file is shown.
 */
function ChildrenRouted({ caseId, n }: { caseId: string; n: number }) {
  return (
    <VStack gap="space-16" align="start">
      <PageHeading>Aktualiseringen är registrerad</PageHeading>
      <Alert variant="info">
        <BodyLong>
          {n === 1
            ? 'Ett av barnen finns redan i Värn. Uppgiften om barnet har skickats till den enhet som ansvarar för barnets akt, och barnet är inte kopplat till ärendet.'
            : `${String(n)} av barnen finns redan i Värn. Uppgifterna om dem har skickats till de enheter som ansvarar för barnens akter, och barnen är inte kopplade till ärendet.`}
        </BodyLong>
      </Alert>
      <Link as={RouterLink} to={`/arenden/${caseId}`}>
        Till ärendet
      </Link>
    </VStack>
  );
}
