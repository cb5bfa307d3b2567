import { BodyLong, Heading, Select, Textarea, VStack } from '@navikt/ds-react';
import { useQuery } from '@tanstack/react-query';
import {
  listChildrenUnits,
  registerChildReport,
  waiveChildReport,
} from '../../../../../core/contracts/cases.ts';
import type { CaseDetail, ChildReportDutyView } from '../../../../../core/contracts/cases.ts';
import { call } from '../../../api/client.ts';
import { ApiErrorAlert } from '../../../components/ApiErrorAlert.tsx';
import { FormActions } from '../../../components/FormActions.tsx';
import { FormErrorSummary } from '../../../components/FormErrorSummary.tsx';
import { personName } from '../../../components/PersonCell.tsx';
import { useContractForm } from '../../../components/useContractForm.ts';
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
