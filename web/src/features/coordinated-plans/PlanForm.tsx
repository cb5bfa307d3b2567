import { BodyShort, Fieldset, Link, Radio, RadioGroup, Select, Textarea } from '@navikt/ds-react';
import { Link as RouterLink } from 'react-router';
import { createPlan, revisePlan } from '../../../../core/contracts/coordinated-plans.ts';
import type { Plan } from '../../../../core/contracts/coordinated-plans.ts';
import type { Consent } from '../../../../core/contracts/consents.ts';
import type { FieldError } from '../../../../core/contracts/errors.ts';
import type { InformationCategory } from '../../../../core/domain/consents.ts';
import {
  needsConsent,
  planKindLabels,
  planKinds,
  planPurpose,
} from '../../../../core/domain/coordinated-plans.ts';
import type { PlanKind } from '../../../../core/domain/coordinated-plans.ts';
import { call } from '../../api/client.ts';
import { DateField } from '../../components/DateField.tsx';
import { formatDate } from '../../components/format.ts';
import { useContractForm } from '../../components/useContractForm.ts';
import type { FieldBindings } from '../../components/useContractForm.ts';
import { consentStatusLabels } from '../consents/ConsentsTab.tsx';
import { CategoriesField } from '../consents/DisclosureGroundFields.tsx';
import {
  newParticipant,
  ParticipantFields,
  participantBody,
} from '../coordination-meetings/ParticipantFields.tsx';
import type { Options, ParticipantRow } from '../coordination-meetings/ParticipantFields.tsx';
import { rowLabel, RowList } from '../coordination-meetings/RowList.tsx';
import { PlanFormFrame } from './PlanFormFrame.tsx';
import { participantName } from './PlanView.tsx';
import { useRefreshPlans } from './plans.ts';

/**
 * The form of a SIP or an intern samverkansplan, new ("Ny plan") or revised from the version in
 * force ("Revidera"): the insatser needed, who takes part and is responsible for what — each
 * participant from outside the case's own unit on a consent of the case's register — what
 * others do, who holds the overall responsibility, when it is followed up and what it shares.
 * The server checks the consents by the one rule (core/domain/coordinated-plans.ts) and answers
 * with a sentence naming what does not cover.
 */

/** A participant as the form holds them: who, for whom, what they answer for, on which consent. */
export interface PlanRow extends ParticipantRow {
  responsibility: string;
  /** '' for none chosen (and for the case's own unit, which needs none). */
  consentId: string;
}

export type PlanValues = {
  kind: PlanKind | '';
  needs: string;
  participants: PlanRow[];
  othersDo: string;
  /** The participant's place, as a select holds it; '' for none chosen. */
  overallResponsible: string;
  followUpOn: string;
  categories: InformationCategory[];
};

/** What the form needs of the case: its unit, its consents and the units and providers to name. */
export interface PlanContext {
  caseId: string;
  ownUnitId: string;
  consents: readonly Consent[];
  options: Options;
}

const rowNeedsConsent = (row: PlanRow, ownUnitId: string) =>
  needsConsent(
    {
      recipient:
        row.kind === 'unit' || row.kind === 'provider'
          ? { kind: row.kind, id: row.kind === 'unit' ? row.unitId : row.providerId, name: '' }
          : { kind: row.kind, name: '' },
    },
    ownUnitId,
  );

const participantPath = (i: number, name: string) => `participants.${String(i)}.${name}`;

/** The body's content the values stand for; an unchosen overall responsibility is left to the contract. */
const contentBody = (v: PlanValues, ownUnitId: string) => ({
  needs: v.needs,
  participants: v.participants.map((row) => ({
    participant: participantBody(row),
    responsibility: row.responsibility,
    consentId: rowNeedsConsent(row, ownUnitId) && row.consentId !== '' ? row.consentId : null,
  })),
  othersDo: v.othersDo,
  overallResponsible: v.overallResponsible === '' ? -1 : Number(v.overallResponsible),
  followUpOn: v.followUpOn,
  categories: v.categories,
});

/** Every participant from outside the case's own unit takes part on a consent. */
const consentProblems = (v: PlanValues, ownUnitId: string): FieldError[] =>
  v.participants.flatMap((row, i) =>
    rowNeedsConsent(row, ownUnitId) && row.consentId === ''
      ? [
          {
            path: `body.${participantPath(i, 'consentId')}`,
            message: `Välj samtycket som deltagare ${String(i + 1)} deltar med stöd av.`,
          },
        ]
      : [],
  );

const unchosen = {
  kind: 'Välj SIP eller intern samverkansplan.',
  overallResponsible: 'Ange vem som har det övergripande ansvaret.',
};

/** The case's own unit first, its handläggare as the attendee. */
export const blankPlan = (ownUnitId: string, handlaggare: string): PlanValues => ({
  kind: '',
  needs: '',
  participants: [
    {
      ...newParticipant(),
      unitId: ownUnitId,
      name: handlaggare,
      responsibility: '',
      consentId: '',
    },
  ],
  othersDo: '',
  overallResponsible: '',
  followUpOn: '',
  categories: [],
});

/** The values of the version in force, for its revision. */
export function planValues(plan: Plan): PlanValues {
  const v = plan.current;
  return {
    kind: plan.kind,
    needs: v.needs,
    participants: v.participants.map((p) => ({
      ...newParticipant(),
      kind: p.recipient.kind,
      unitId: p.recipient.kind === 'unit' ? (p.recipient.id ?? '') : '',
      providerId: p.recipient.kind === 'provider' ? (p.recipient.id ?? '') : '',
      organisation: p.recipient.kind === 'agency' ? p.recipient.name : '',
      name: p.name,
      role: p.role,
      responsibility: p.responsibility,
      consentId: p.consent?.id ?? '',
    })),
    othersDo: v.othersDo,
    overallResponsible: String(v.overallResponsible),
    followUpOn: v.followUpOn,
    categories: [...v.categories],
  };
}

const newFormId = 'ny-plan';

/** What the new and the revised plan's forms share: the checks, and the plans read again once saved. */
function usePlanFormOptions(context: PlanContext, onDone: () => void) {
  const refresh = useRefreshPlans(context.caseId);
  return {
    refresh,
    options: {
      unchosen,
      check: (v: PlanValues) => consentProblems(v, context.ownUnitId),
      onSuccess: () => {
        refresh();
        onDone();
      },
    },
  };
}

export function NewPlanForm({
  context,
  initial,
  onCancel,
  onDone,
}: {
  context: PlanContext;
  initial: PlanValues;
  onCancel: () => void;
  onDone: () => void;
}) {
  const { refresh, options } = usePlanFormOptions(context, onDone);
  const form = useContractForm(createPlan, {
    formId: newFormId,
    initial,
    ...options,
    toBody: (v) => ({ kind: v.kind, ...contentBody(v, context.ownUnitId) }),
    send: (body) => call(createPlan, { params: { caseId: context.caseId }, body }),
  });
  return (
    <PlanFormFrame
      form={form}
      heading="Ny plan"
      level="3"
      intro="En SIP görs tillsammans med regionen, en intern samverkansplan av flera enheter i kommunen. Alla som deltar utanför ärendets egen enhet deltar med stöd av personens samtycke."
      submit="Spara planen"
      onCancel={onCancel}
      onReload={refresh}
    >
      <RadioGroup {...form.choice('kind')} legend="Vilken sorts plan">
        {planKinds.map((k) => (
          <Radio key={k} value={k}>
            {planKindLabels[k]}
          </Radio>
        ))}
      </RadioGroup>
      <PlanFields form={form} context={context} />
    </PlanFormFrame>
  );
}

export function RevisePlanForm({
  context,
  plan,
  onCancel,
  onDone,
}: {
  context: PlanContext;
  plan: Plan;
  onCancel: () => void;
  onDone: () => void;
}) {
  const { refresh, options } = usePlanFormOptions(context, onDone);
  const form = useContractForm(revisePlan, {
    formId: `revidera-${plan.id}`,
    initial: planValues(plan),
    ...options,
    // The version the writer saw: a newer one written meanwhile is refused (409).
    toBody: (v) => ({ version: plan.current.version, ...contentBody(v, context.ownUnitId) }),
    send: (body) => call(revisePlan, { params: { caseId: context.caseId, planId: plan.id }, body }),
  });
  return (
    <PlanFormFrame
      form={form}
      heading={`Revidera planen, version ${String(plan.current.version + 1)}`}
      level="4"
      intro="Planen sparas som en ny version. Den version som gäller nu finns kvar under Tidigare versioner."
      submit="Spara den nya versionen"
      onCancel={onCancel}
      onReload={refresh}
    >
      <PlanFields form={form} context={context} />
    </PlanFormFrame>
  );
}

/** A consent as the participant's select names it: "Vårdcentralen Centrum, 2026-12-01 – 2027-05-30". */
const consentOption = (c: Consent) =>
  `${c.recipient.name}, ${formatDate(c.givenOn)} – ${formatDate(c.validUntil)}`;

function PlanFields({ form, context }: { form: FieldBindings<PlanValues>; context: PlanContext }) {
  const { values } = form;
  const rows = values.participants;
  const purposes = values.kind === '' ? Object.values(planPurpose) : [planPurpose[values.kind]];
  const usable = context.consents.filter(
    (c) =>
      (c.status === 'valid' || c.status === 'expiring') &&
      c.purposes.some((p) => purposes.includes(p)),
  );
  const setRow = (i: number, patch: Partial<PlanRow>) => {
    form.set({ participants: rows.map((r, j) => (j === i ? { ...r, ...patch } : r)) });
  };
  const remove = (i: number) => {
    const overall = values.overallResponsible === '' ? -1 : Number(values.overallResponsible);
    form.set({
      participants: rows.filter((_, j) => j !== i),
      // The one holding the overall responsibility keeps it when a row above goes.
      overallResponsible:
        overall === i || overall === -1 ? '' : String(overall > i ? overall - 1 : overall),
    });
  };
  const samtyckenLink = (
    <Link as={RouterLink} to={`/arenden/${context.caseId}?flik=samtycken`}>
      fliken Samtycken
    </Link>
  );
  return (
    <>
      <Textarea
        {...form.longText('needs')}
        label="Insatser som behövs"
        description="Vilka insatser personen behöver, med personens egna ord där det går."
        minRows={3}
      />
      <Fieldset
        legend="Vem ansvarar för vad"
        description="Den första deltagaren är ärendets egen enhet. Lägg till regionen, andra enheter, utförare och verksamheter som deltar i planen."
        id={form.idOf('participants')}
        error={form.errorOf('participants')}
      >
        <RowList
          count={rows.length}
          noun="deltagare"
          min={1}
          addLabel="Lägg till en deltagare"
          onAdd={() => {
            form.set({
              participants: [...rows, { ...newParticipant(), responsibility: '', consentId: '' }],
            });
          }}
          onRemove={remove}
        >
          {(i, rowName) => {
            const row = rows[i];
            if (!row) return null;
            const chosen = context.consents.find((c) => c.id === row.consentId);
            // One chosen before it stopped holding stays chosen, named as it is now: the server
            // says why it no longer covers.
            const choices = chosen && !usable.includes(chosen) ? [...usable, chosen] : usable;
            return (
              <>
                <ParticipantFields
                  nameDescription="Den som företräder deltagaren i planen"
                  row={row}
                  rowName={rowName}
                  options={context.options}
                  onChange={(patch) => {
                    setRow(i, patch);
                  }}
                  field={(name) => ({
                    id: form.idOf(participantPath(i, `participant.${name}`)),
                    error: form.errorOf(participantPath(i, `participant.${name}`)),
                  })}
                />
                <Textarea
                  id={form.idOf(participantPath(i, 'responsibility'))}
                  error={form.errorOf(participantPath(i, 'responsibility'))}
                  label={rowLabel('Ansvar', rowName)}
                  description="Vad deltagaren ansvarar för i planen."
                  minRows={2}
                  value={row.responsibility}
                  onChange={(e) => {
                    setRow(i, { responsibility: e.target.value });
                  }}
                />
                {rowNeedsConsent(row, context.ownUnitId) ? (
                  <Select
                    id={form.idOf(participantPath(i, 'consentId'))}
                    error={form.errorOf(participantPath(i, 'consentId'))}
                    label={rowLabel('Samtycke', rowName)}
                    description="Personens samtycke till att deltagaren får uppgifterna för planen."
                    value={row.consentId}
                    onChange={(e) => {
                      setRow(i, { consentId: e.target.value });
                    }}
                  >
                    <option value="">Välj samtycke</option>
                    {choices.map((c) => (
                      <option key={c.id} value={c.id}>
                        {consentOption(c)}
                        {usable.includes(c)
                          ? ''
                          : ` – ${consentStatusLabels[c.status].toLowerCase()}`}
                      </option>
                    ))}
                  </Select>
                ) : null}
              </>
            );
          }}
        </RowList>
      </Fieldset>
      {usable.length === 0 ? (
        <BodyShort size="small">
          Det finns inget samtycke i ärendet som gäller en SIP eller en intern samverkansplan.
          Registrera personens samtycke under {samtyckenLink}.
        </BodyShort>
      ) : (
        <BodyShort size="small">Nytt samtycke registreras under {samtyckenLink}.</BodyShort>
      )}
      <Textarea
        {...form.longText('othersDo')}
        label="Vad andra gör"
        description="Det personen själv, hennes nätverk och andra utanför planen gör."
        minRows={2}
      />
      <Select {...form.select('overallResponsible')} label="Övergripande ansvar">
        <option value="">Välj deltagare</option>
        {rows.map((row, i) => (
          <option key={participantPath(i, 'name')} value={String(i)}>
            {`Deltagare ${String(i + 1)}`}
            {row.name.trim() !== '' ? `: ${optionName(row, context.options)}` : ''}
          </option>
        ))}
      </Select>
      <DateField {...form.text('followUpOn')} label="Uppföljning senast" />
      <CategoriesField
        form={form}
        legend="Uppgifter som planen lämnar ut"
        description="Samtycket för varje deltagare utanför ärendets enhet måste omfatta dem."
      />
    </>
  );
}

/** A participant being written, as the select of the overall responsibility names them. */
function optionName(row: PlanRow, options: Options) {
  const of =
    row.kind === 'unit'
      ? options.units.find((u) => u.id === row.unitId)?.name
      : row.kind === 'provider'
        ? options.providers.find((p) => p.id === row.providerId)?.name
        : row.kind === 'agency'
          ? row.organisation
          : undefined;
  return participantName({
    recipient: { kind: row.kind, id: null, name: of?.trim() ? of : row.name },
    name: row.name,
    role: row.role,
    responsibility: row.responsibility,
    consent: null,
  });
}
