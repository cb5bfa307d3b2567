import { useState } from 'react';
import {
  BodyLong,
  BodyShort,
  Button,
  Checkbox,
  CheckboxGroup,
  Heading,
  HStack,
  Radio,
  RadioGroup,
  Select,
  Table,
  Tag,
  TextField,
  VStack,
} from '@navikt/ds-react';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import {
  createProvider,
  listProviders,
  providerKinds,
  updateProvider,
} from '../../../../core/contracts/providers.ts';
import type { ProviderView } from '../../../../core/contracts/providers.ts';
import { interventions } from '../../../../core/domain/decisions.ts';
import type { Intervention } from '../../../../core/domain/decisions.ts';
import { securityLevelLabels, securityLevels } from '../../../../core/domain/shelters.ts';
import { call } from '../../api/client.ts';
import { interventionLabels } from '../../app/labels.ts';
import { ApiErrorAlert } from '../../components/ApiErrorAlert.tsx';
import { ChangeErrorAlert } from '../../components/ChangeErrorAlert.tsx';
import { FormErrorSummary } from '../../components/FormErrorSummary.tsx';
import { Loading } from '../../components/Loading.tsx';
import { useContractForm } from '../../components/useContractForm.ts';
import type { FieldBindings } from '../../components/useContractForm.ts';
import { useUnits } from './useAdmin.ts';

const providersKey = ['admin', 'providers'] as const;

const kindLabels: Record<(typeof providerKinds)[number], string> = {
  in_house: 'Egen regi',
  external: 'Extern',
};

/** The form's values: flat, as the fields hold them; `toBody` makes the contract's body. */
type Values = {
  name: string;
  kind: (typeof providerKinds)[number];
  unitId: string;
  contact: string;
  active: boolean;
  interventions: Intervention[];
  places: string;
  securityLevel: string;
  takesChildren: boolean;
  takesTeenageBoys: boolean;
  takesPets: boolean;
  wheelchairAccessible: boolean;
  /** Comma-separated. */
  languages: string;
};

const blank: Values = {
  name: '',
  kind: 'external',
  unitId: '',
  contact: '',
  active: true,
  interventions: [],
  places: '',
  securityLevel: '2',
  takesChildren: true,
  takesTeenageBoys: false,
  takesPets: false,
  wheelchairAccessible: false,
  languages: 'svenska',
};

const valuesOf = (p: ProviderView): Values => ({
  name: p.name,
  kind: p.kind,
  unitId: p.unit?.id ?? '',
  contact: p.contact ?? '',
  active: p.active,
  interventions: p.interventions,
  places: p.shelter ? String(p.shelter.places) : '',
  securityLevel: String(p.shelter?.securityLevel ?? 2),
  takesChildren: p.shelter?.takesChildren ?? true,
  takesTeenageBoys: p.shelter?.takesTeenageBoys ?? false,
  takesPets: p.shelter?.takesPets ?? false,
  wheelchairAccessible: p.shelter?.wheelchairAccessible ?? false,
  languages: p.shelter?.languages.join(', ') ?? 'svenska',
});

const paths = {
  places: 'shelter.places',
  securityLevel: 'shelter.securityLevel',
  languages: 'shelter.languages',
} as const;

const toBody = (v: Values) => ({
  name: v.name,
  kind: v.kind,
  unitId: v.unitId === '' ? null : v.unitId,
  contact: v.contact.trim() === '' ? null : v.contact,
  active: v.active,
  interventions: v.interventions,
  shelter: v.interventions.includes('shelter')
    ? {
        places: v.places.trim() === '' ? Number.NaN : Number(v.places),
        securityLevel: Number(v.securityLevel),
        takesChildren: v.takesChildren,
        takesTeenageBoys: v.takesChildren && v.takesTeenageBoys,
        takesPets: v.takesPets,
        wheelchairAccessible: v.wheelchairAccessible,
        languages: v.languages
          .split(',')
          .map((l) => l.trim())
          .filter((l) => l !== ''),
      }
    : null,
});

/**
 * Utförare: the in-house and external providers and the insatser they carry out, and for a
 * skyddat boende its places, skyddsnivå and what it can take. Its occupancy is counted from the
 * uppdrag running there, never typed in. Every change is a new version.
 */
export function ProvidersSection() {
  const providers = useQuery({ queryKey: providersKey, queryFn: () => call(listProviders) });
  const [editing, setEditing] = useState<string | null>(null);
  const [status, setStatus] = useState<string | null>(null);
  const queryClient = useQueryClient();
  const refresh = () => {
    void queryClient.invalidateQueries({ queryKey: providersKey });
    // The case pages' list of providers for a beslut's place.
    void queryClient.invalidateQueries({ queryKey: ['providers'] });
  };
  const edited = providers.data?.items.find((p) => p.id === editing);

  return (
    <section aria-labelledby="utforare-rubrik">
      <VStack gap="space-16">
        <Heading level="2" size="medium" id="utforare-rubrik">
          Utförare och skyddade boenden
        </Heading>
        <BodyLong>
          Utförare i egen regi och externa, vilka insatser de utför och, för skyddade boenden,
          platser, skyddsnivå och vad boendet kan ta emot. Lediga platser räknas från pågående
          uppdrag.
        </BodyLong>
        <div role="status">{status}</div>
        {providers.isPending ? <Loading label="Hämtar utförare…" /> : null}
        <ApiErrorAlert error={providers.error} />
        {providers.data && providers.data.items.length > 0 ? (
          <Table size="small" aria-labelledby="utforare-rubrik">
            <Table.Header>
              <Table.Row>
                <Table.HeaderCell scope="col">Namn</Table.HeaderCell>
                <Table.HeaderCell scope="col">Regi</Table.HeaderCell>
                <Table.HeaderCell scope="col">Insatser</Table.HeaderCell>
                <Table.HeaderCell scope="col">Platser</Table.HeaderCell>
                <Table.HeaderCell scope="col">Status</Table.HeaderCell>
                <Table.HeaderCell scope="col">Ändra</Table.HeaderCell>
              </Table.Row>
            </Table.Header>
            <Table.Body>
              {providers.data.items.map((p) => (
                <Table.Row key={p.id}>
                  <Table.HeaderCell scope="row">
                    {p.name}
                    {p.unit ? (
                      <BodyShort size="small" textColor="subtle">
                        Enhet: {p.unit.name}
                      </BodyShort>
                    ) : null}
                  </Table.HeaderCell>
                  <Table.DataCell>{kindLabels[p.kind]}</Table.DataCell>
                  <Table.DataCell>
                    {p.interventions.map((i) => interventionLabels[i]).join(', ')}
                  </Table.DataCell>
                  <Table.DataCell>
                    {p.occupancy && p.shelter
                      ? `${p.occupancy.free} lediga av ${p.occupancy.places} · skyddsnivå ${p.shelter.securityLevel}`
                      : '–'}
                  </Table.DataCell>
                  <Table.DataCell>
                    {p.active ? (
                      <Tag size="small" variant="success">
                        Aktiv
                      </Tag>
                    ) : (
                      <Tag size="small" variant="neutral">
                        Inaktiv
                      </Tag>
                    )}
                  </Table.DataCell>
                  <Table.DataCell>
                    <Button
                      type="button"
                      size="xsmall"
                      variant="secondary"
                      onClick={() => {
                        setStatus(null);
                        setEditing(p.id);
                      }}
                    >
                      Ändra <span className="visually-hidden">{p.name}</span>
                    </Button>
                  </Table.DataCell>
                </Table.Row>
              ))}
            </Table.Body>
          </Table>
        ) : null}
        {edited ? (
          <EditProviderForm
            key={`${edited.id}-${edited.version}`}
            provider={edited}
            onDone={(saved) => {
              setEditing(null);
              if (saved) setStatus(`Utföraren ${saved.name} är sparad (version ${saved.version}).`);
              refresh();
            }}
          />
        ) : (
          <NewProviderForm
            onSaved={(saved) => {
              setStatus(`Utföraren ${saved.name} är registrerad.`);
              refresh();
            }}
          />
        )}
      </VStack>
    </section>
  );
}

function NewProviderForm({ onSaved }: { onSaved: (p: ProviderView) => void }) {
  const formId = 'ny-utforare';
  const form = useContractForm(createProvider, {
    formId,
    initial: blank,
    paths,
    toBody,
    send: (body) => call(createProvider, { body }),
    clearOnSuccess: true,
    onSuccess: onSaved,
  });
  return (
    <form {...form.formProps} aria-labelledby={`${formId}-rubrik`}>
      <VStack gap="space-16">
        <Heading level="3" size="small" id={`${formId}-rubrik`}>
          Ny utförare
        </Heading>
        <FormErrorSummary {...form.summaryProps} />
        <ApiErrorAlert error={form.generalError} />
        <ProviderFields form={form} />
        <div>
          <Button type="submit" variant="secondary" loading={form.mutation.isPending}>
            Registrera utföraren
          </Button>
        </div>
      </VStack>
    </form>
  );
}

function EditProviderForm({
  provider,
  onDone,
}: {
  provider: ProviderView;
  onDone: (saved: ProviderView | null) => void;
}) {
  const formId = 'andra-utforare';
  const form = useContractForm(updateProvider, {
    formId,
    initial: valuesOf(provider),
    paths,
    toBody: (v) => ({ ...toBody(v), version: provider.version }),
    send: (body) => call(updateProvider, { params: { providerId: provider.id }, body }),
    onSuccess: (saved) => {
      onDone(saved);
    },
  });
  return (
    <form {...form.formProps} aria-labelledby={`${formId}-rubrik`}>
      <VStack gap="space-16">
        <Heading level="3" size="small" id={`${formId}-rubrik`}>
          Ändra {provider.name}
        </Heading>
        <FormErrorSummary {...form.summaryProps} />
        <ChangeErrorAlert
          error={form.generalError}
          onReload={() => {
            onDone(null);
          }}
        />
        <ProviderFields form={form} />
        <HStack gap="space-8">
          <Button type="submit" loading={form.mutation.isPending}>
            Spara ändringen
          </Button>
          <Button
            type="button"
            variant="tertiary"
            onClick={() => {
              onDone(null);
            }}
          >
            Avbryt
          </Button>
        </HStack>
      </VStack>
    </form>
  );
}

function ProviderFields({ form }: { form: FieldBindings<Values> }) {
  const units = useUnits();
  const providerUnits = units.data?.items.filter((u) => u.kind === 'provider') ?? [];
  const { values } = form;
  const isShelter = values.interventions.includes('shelter');
  return (
    <VStack gap="space-16">
      <HStack gap="space-16" align="start" wrap>
        <TextField {...form.text('name')} label="Utförarens namn" />
        <Select {...form.select('kind')} label="Regi">
          {providerKinds.map((k) => (
            <option key={k} value={k}>
              {kindLabels[k]}
            </option>
          ))}
        </Select>
        <Select
          {...form.select('unitId')}
          label="Enhet i Värn"
          description="Om utförarens personal arbetar med sina uppdrag i Värn."
        >
          <option value="">Ingen: uppdraget skickas som dokument</option>
          {providerUnits.map((u) => (
            <option key={u.id} value={u.id}>
              {u.name}
            </option>
          ))}
        </Select>
      </HStack>
      <TextField {...form.text('contact')} label="Kontakt (valfritt)" />
      <CheckboxGroup
        id={form.idOf('interventions')}
        legend="Insatser som utföraren utför"
        error={form.errorOf('interventions')}
        value={values.interventions}
        onChange={(value: Intervention[]) => {
          form.set({ interventions: value });
        }}
      >
        {interventions.map((i) => (
          <Checkbox key={i} value={i}>
            {interventionLabels[i]}
          </Checkbox>
        ))}
      </CheckboxGroup>
      {isShelter ? (
        <VStack gap="space-16" className="indented">
          <HStack gap="space-16" align="start" wrap>
            <TextField
              {...form.text('places')}
              label="Antal platser"
              inputMode="numeric"
              className="field-narrow"
            />
            <Select {...form.select('securityLevel')} label="Skyddsnivå">
              {securityLevels.map((l) => (
                <option key={l} value={l}>
                  {securityLevelLabels[l]}
                </option>
              ))}
            </Select>
          </HStack>
          <CheckboxGroup
            id={form.idOf('shelter')}
            legend="Boendet tar emot"
            error={form.errorOf('shelter') ?? form.errorOf('shelter.takesTeenageBoys')}
            value={[
              ...(values.takesChildren ? ['takesChildren'] : []),
              ...(values.takesTeenageBoys && values.takesChildren ? ['takesTeenageBoys'] : []),
              ...(values.takesPets ? ['takesPets'] : []),
              ...(values.wheelchairAccessible ? ['wheelchairAccessible'] : []),
            ]}
            onChange={(value: string[]) => {
              form.set({
                takesChildren: value.includes('takesChildren'),
                takesTeenageBoys: value.includes('takesTeenageBoys'),
                takesPets: value.includes('takesPets'),
                wheelchairAccessible: value.includes('wheelchairAccessible'),
              });
            }}
          >
            <Checkbox value="takesChildren">Medföljande barn</Checkbox>
            <Checkbox value="takesTeenageBoys" disabled={!values.takesChildren}>
              Tonårspojkar
            </Checkbox>
            <Checkbox value="takesPets">Husdjur</Checkbox>
            <Checkbox value="wheelchairAccessible">Rullstol (tillgängligt)</Checkbox>
          </CheckboxGroup>
          <TextField
            {...form.text('languages')}
            label="Språk personalen talar"
            description="Skilj språken åt med kommatecken."
          />
        </VStack>
      ) : null}
      <RadioGroup
        legend="Status"
        value={values.active ? 'active' : 'inactive'}
        onChange={(v: 'active' | 'inactive') => {
          form.set({ active: v === 'active' });
        }}
      >
        <HStack gap="space-24">
          <Radio value="active">Aktiv</Radio>
          <Radio value="inactive">Inaktiv</Radio>
        </HStack>
      </RadioGroup>
    </VStack>
  );
}
