import {
  BodyLong,
  Checkbox,
  CheckboxGroup,
  Heading,
  Select,
  Textarea,
  VStack,
} from '@navikt/ds-react';
import { useQuery } from '@tanstack/react-query';
import {
  listChildrenUnits,
  registerChildReport,
  registerChildReports,
  waiveChildReport,
} from '../../../../../core/contracts/cases.ts';
import type { CaseDetail, ChildReportDutyView } from '../../../../../core/contracts/cases.ts';
import type { CounterpartView } from '../../../../../core/contracts/counterparts.ts';
import { call } from '../../../api/client.ts';
import { ApiErrorAlert } from '../../../components/ApiErrorAlert.tsx';
import { FormActions } from '../../../components/FormActions.tsx';
import { FormErrorSummary } from '../../../components/FormErrorSummary.tsx';
import { Loading } from '../../../components/Loading.tsx';
import { personName } from '../../../components/PersonCell.tsx';
import { useContractForm } from '../../../components/useContractForm.ts';
import { counterpartsQuery } from '../../counterparts/CounterpartsSection.tsx';
import { counterpartRelationLabels } from '../../counterparts/labels.ts';
import { useRefreshCase } from '../useCase.ts';
import { useFocusOnOpen } from './useFocusOnOpen.ts';

interface DutyFormProps {
  detail: CaseDetail;
  duty: ChildReportDutyView;
  onClose: (message?: string) => void;
}

/** An orosanmälan for one child, to a unit for children and young people. */
export function ChildReportForm({ detail, duty, onClose }: DutyFormProps) {
  const formId = 'orosanmalan';
  const name = personName(duty.child);
  const headingRef = useFocusOnOpen();
  const refresh = useRefreshCase(detail.id);
  const units = useQuery({
    queryKey: ['units', 'children'],
    queryFn: () => call(listChildrenUnits),
    staleTime: 5 * 60_000,
  });
  const onlyUnit = units.data?.items.length === 1 ? units.data.items[0]?.id : undefined;
  const save = useContractForm(registerChildReport, {
    formId,
    initial: { childrenUnitId: '', content: '' },
    // The only unit there is stands chosen until another is picked.
    toBody: (v) => ({
      childPersonId: duty.child.id,
      childrenUnitId: v.childrenUnitId || onlyUnit || '',
      content: v.content,
    }),
    send: (body) => call(registerChildReport, { params: { caseId: detail.id }, body }),
    onSuccess: (_result, body) => {
      const unit =
        units.data?.items.find((u) => u.id === body.childrenUnitId)?.name ?? 'barn och unga';
      onClose(`Orosanmälan för ${name} är registrerad och har skickats till ${unit}.`);
      refresh('detail');
    },
  });
  const unitField = save.select('childrenUnitId');

  return (
    <form {...save.formProps} aria-labelledby={`${formId}-rubrik`} className="step-form">
      <VStack gap="space-16">
        <Heading level="3" size="small" id={`${formId}-rubrik`} ref={headingRef} tabIndex={-1}>
          Orosanmälan för {name}
        </Heading>
        <BodyLong>
          Anmälan blir en aktualisering i den valda enheten för barn och unga, med barnet som
          person. Där görs skyddsbedömningen samma dag.
        </BodyLong>
        <FormErrorSummary {...save.summaryProps} />
        <ApiErrorAlert error={save.generalError ?? units.error} />
        <Select
          {...unitField}
          value={unitField.value || onlyUnit || ''}
          className="field-narrow"
          label="Till enhet"
        >
          {onlyUnit ? null : <option value="">Välj enhet</option>}
          {units.data?.items.map((u) => (
            <option key={u.id} value={u.id}>
              {u.name}
            </option>
          ))}
        </Select>
        <Textarea
          {...save.longText('content')}
          label="Oron för barnet"
          description="Vad har barnet varit med om, och vad vet du om barnets situation nu?"
          minRows={4}
        />
        <FormActions
          submit="Skicka orosanmälan"
          pending={save.mutation.isPending}
          onCancel={onClose}
        />
      </VStack>
    </form>
  );
}

/** The recorded reason an orosanmälan is not made for one child. */
export function WaiverForm({ detail, duty, onClose }: DutyFormProps) {
  const formId = 'ingen-orosanmalan';
  const name = personName(duty.child);
  const headingRef = useFocusOnOpen();
  const refresh = useRefreshCase(detail.id);
  const save = useContractForm(waiveChildReport, {
    formId,
    initial: { reason: '' },
    toBody: (v) => ({ childPersonId: duty.child.id, reason: v.reason }),
    send: (body) => call(waiveChildReport, { params: { caseId: detail.id }, body }),
    onSuccess: () => {
      onClose(`Skälet till att ingen orosanmälan görs för ${name} är registrerat.`);
      refresh('detail');
    },
  });

  return (
    <form {...save.formProps} aria-labelledby={`${formId}-rubrik`} className="step-form">
      <VStack gap="space-16">
        <Heading level="3" size="small" id={`${formId}-rubrik`} ref={headingRef} tabIndex={-1}>
          Ingen orosanmälan för {name}
        </Heading>
        <FormErrorSummary {...save.summaryProps} />
        <ApiErrorAlert error={save.generalError} />
        <Textarea
          {...save.longText('reason')}
          label="Skäl till att orosanmälan inte görs"
          description="Till exempel att polisen redan har gjort en anmälan om barnet, och när."
          minRows={3}
        />
        <FormActions submit="Spara skälet" pending={save.mutation.isPending} onCancel={onClose} />
      </VStack>
    </form>
  );
}

/**
 * What came in at intake, the household, and who uses violence as her file records them, as the
 * start of the text of an orosanmälan — which the handläggare reads and edits before sending.
 */
export function prefilledReport(
  detail: CaseDetail,
  duties: readonly ChildReportDutyView[],
  counterparts: readonly CounterpartView[] = [],
) {
  const children = duties
    .map((d) => `${personName(d.child)}${d.age ? ` (${d.age})` : ''}`)
    .join(', ');
  const came = detail.intake
    ? `Uppgifterna kom in ${detail.receivedAt.slice(0, 10)} från ${detail.intake.from}:\n${detail.intake.content}\n\n`
    : '';
  const violent = counterparts
    .filter((c) => c.usesViolence && c.status === 'current')
    .map((c) => `${c.name} (${counterpartRelationLabels[c.relation].toLowerCase()})`);
  const who = violent.length > 0 ? `\n\nDen som utövar våld: ${violent.join(', ')}.` : '';
  return `${came}Barn i hushållet: ${children}. Barnen har levt i en miljö där en vuxen utsätts för våld av en närstående.${who}`;
}

/** The joint form, once the file's counterparts are known: they are part of its prefill. */
export function JointChildReportForm(props: {
  detail: CaseDetail;
  duties: readonly ChildReportDutyView[];
  onClose: (message?: string) => void;
}) {
  const counterparts = useQuery(counterpartsQuery(props.detail.id));
  if (counterparts.isPending) return <Loading label="Förbereder orosanmälan…" />;
  return <JointReportForm {...props} counterparts={counterparts.data?.current ?? []} />;
}

/**
 * One orosanmälan for several children of the household (siblings): one text, one intake per
 * child in the chosen unit. The text starts from what came in at intake and who uses violence.
 */
function JointReportForm({
  detail,
  duties,
  counterparts,
  onClose,
}: {
  detail: CaseDetail;
  duties: readonly ChildReportDutyView[];
  counterparts: readonly CounterpartView[];
  onClose: (message?: string) => void;
}) {
  const formId = 'gemensam-orosanmalan';
  const headingRef = useFocusOnOpen();
  const refresh = useRefreshCase(detail.id);
  const units = useQuery({
    queryKey: ['units', 'children'],
    queryFn: () => call(listChildrenUnits),
    staleTime: 5 * 60_000,
  });
  const onlyUnit = units.data?.items.length === 1 ? units.data.items[0]?.id : undefined;
  const save = useContractForm(registerChildReports, {
    formId,
    initial: {
      childPersonIds: duties.map((d) => d.child.id),
      childrenUnitId: '',
      content: prefilledReport(detail, duties, counterparts),
    },
    toBody: (v) => ({
      childPersonIds: v.childPersonIds,
      childrenUnitId: v.childrenUnitId || onlyUnit || '',
      content: v.content,
    }),
    send: (body) => call(registerChildReports, { params: { caseId: detail.id }, body }),
    onSuccess: (_result, body) => {
      const unit =
        units.data?.items.find((u) => u.id === body.childrenUnitId)?.name ?? 'barn och unga';
      onClose(
        `Orosanmälan för ${String(body.childPersonIds.length)} barn är registrerad och har skickats till ${unit}.`,
      );
      refresh('detail');
    },
  });
  const unitField = save.select('childrenUnitId');

  return (
    <form {...save.formProps} aria-labelledby={`${formId}-rubrik`} className="step-form">
      <VStack gap="space-16">
        <Heading level="3" size="small" id={`${formId}-rubrik`} ref={headingRef} tabIndex={-1}>
          Orosanmälan för flera barn
        </Heading>
        <BodyLong>
          En anmälan med samma text för syskonen. Varje barn blir en egen aktualisering i den valda
          enheten för barn och unga, där skyddsbedömningen görs samma dag.
        </BodyLong>
        <FormErrorSummary {...save.summaryProps} />
        <ApiErrorAlert error={save.generalError ?? units.error} />
        <CheckboxGroup
          id={save.idOf('childPersonIds')}
          legend="Barn som anmälan gäller"
          value={save.values.childPersonIds}
          onChange={(ids: string[]) => {
            save.set({ childPersonIds: ids });
          }}
          error={save.errorOf('childPersonIds')}
        >
          {duties.map((d) => (
            <Checkbox key={d.child.id} value={d.child.id}>
              {personName(d.child)}
              {d.age ? ` (${d.age})` : ''}
            </Checkbox>
          ))}
        </CheckboxGroup>
        <Select
          {...unitField}
          value={unitField.value || onlyUnit || ''}
          className="field-narrow"
          label="Till enhet"
        >
          {onlyUnit ? null : <option value="">Välj enhet</option>}
          {units.data?.items.map((u) => (
            <option key={u.id} value={u.id}>
              {u.name}
            </option>
          ))}
        </Select>
        <Textarea
          {...save.longText('content')}
          label="Oron för barnen"
          description="Förifylld med det som kom in. Vad har barnen varit med om, och vad vet du om deras situation nu?"
          minRows={6}
        />
        <FormActions
          submit="Skicka orosanmälan"
          pending={save.mutation.isPending}
          onCancel={onClose}
        />
      </VStack>
    </form>
  );
}
