import { useEffect, useRef, useState } from 'react';
import {
  BodyLong,
  BodyShort,
  Button,
  Heading,
  HStack,
  Link,
  Select,
  Textarea,
  TextField,
  VStack,
} from '@navikt/ds-react';
import { FilePdfIcon } from '@navikt/aksel-icons';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { buildPath } from '../../../../core/contracts/contract.ts';
import type { BodyOf } from '../../../../core/contracts/contract.ts';
import {
  getSafetyPlan,
  safetyPlanPdfPath,
  saveSafetyPlan,
} from '../../../../core/contracts/risk.ts';
import type { SafetyPlan } from '../../../../core/contracts/risk.ts';
import {
  completePlan,
  safetyPlanPartLabels,
  safetyPlanPoints,
  safetyPlanStatuses,
  safetyPlanStatusLabels,
} from '../../../../core/domain/safety-plan.ts';
import type { SafetyPlanItem, SafetyPlanStatus } from '../../../../core/domain/safety-plan.ts';
import { call } from '../../api/client.ts';
import { fieldId, messageFor } from '../../api/forms.ts';
import { ApiErrorAlert } from '../../components/ApiErrorAlert.tsx';
import { ChangeErrorAlert } from '../../components/ChangeErrorAlert.tsx';
import { formatDateTime } from '../../components/format.ts';
import { FormErrorSummary } from '../../components/FormErrorSummary.tsx';
import { Loading } from '../../components/Loading.tsx';
import { personName } from '../../components/PersonCell.tsx';
import { useFormMutation } from '../../components/useFormMutation.ts';
import { riskKey, safetyPlanKey } from './keys.ts';

/**
 * One person's safety plan (Bilaga 1). The notes say where she can be reached and where she may
 * go: they stay in this form's memory only, never in the browser's storage.
 */
export function SafetyPlanEditor({
  caseId,
  personId,
  onClose,
}: {
  caseId: string;
  personId: string;
  onClose: () => void;
}) {
  const plan = useQuery({
    queryKey: safetyPlanKey(caseId, personId),
    queryFn: () => call(getSafetyPlan, { params: { caseId, personId } }),
    gcTime: 0,
  });
  const queryClient = useQueryClient();
  // A new generation starts the form again from what is stored (after a conflict).
  const [generation, setGeneration] = useState(0);
  if (plan.isPending) return <Loading label="Hämtar säkerhetsplanen…" />;
  if (plan.isError) return <ApiErrorAlert error={plan.error} />;
  return (
    <PlanForm
      key={generation}
      caseId={caseId}
      personId={personId}
      plan={plan.data}
      onClose={onClose}
      onReload={async () => {
        await queryClient.invalidateQueries({ queryKey: safetyPlanKey(caseId, personId) });
        setGeneration((g) => g + 1);
      }}
    />
  );
}

const formId = 'sakerhetsplan';
type Body = BodyOf<typeof saveSafetyPlan>;
const parts = ['before_leaving', 'after_leaving'] as const;

function PlanForm({
  caseId,
  personId,
  plan,
  onClose,
  onReload,
}: {
  caseId: string;
  personId: string;
  plan: SafetyPlan;
  onClose: () => void;
  onReload: () => Promise<void>;
}) {
  const queryClient = useQueryClient();
  // The version this form started from, or last saved: sent back so a concurrent save is refused.
  const [version, setVersion] = useState(plan.version);
  const [items, setItems] = useState<SafetyPlanItem[]>(() => completePlan(plan.items));
  const [reviewOn, setReviewOn] = useState(plan.reviewOn ?? '');
  const [saved, setSaved] = useState<string | null>(null);
  const name = personName(plan.person);
  const headingId = `${formId}-rubrik`;
  const save = useFormMutation(saveSafetyPlan.body, {
    mutationFn: (body: Body) => call(saveSafetyPlan, { params: { caseId, personId }, body }),
    onSuccess: (r) => {
      setVersion(r.version);
      setSaved(`Säkerhetsplanen är sparad som version ${r.version}.`);
      void queryClient.invalidateQueries({ queryKey: safetyPlanKey(caseId, personId) });
      void queryClient.invalidateQueries({ queryKey: riskKey(caseId) });
    },
  });
  const update = (key: string, patch: Partial<SafetyPlanItem>) => {
    setItems((all) => all.map((i) => (i.key === key ? { ...i, ...patch } : i)));
  };
  const canWrite = plan.abilities.write;
  // Opening the plan moves focus to it, so a keyboard or screen-reader user lands where it is.
  const heading = useRef<HTMLHeadingElement>(null);
  useEffect(() => {
    heading.current?.focus();
  }, []);

  return (
    <section aria-labelledby={headingId}>
      <VStack gap="space-16">
        <Heading level="3" size="medium" id={headingId} tabIndex={-1} ref={heading}>
          Säkerhetsplan för {name}
        </Heading>
        <BodyShort>
          {plan.version === 0
            ? 'Ingen säkerhetsplan är sparad ännu.'
            : `Version ${plan.version}, sparad ${plan.recordedAt ? formatDateTime(plan.recordedAt) : ''} av ${plan.recordedBy?.displayName ?? ''}.`}
        </BodyShort>
        <HStack gap="space-16" align="center" wrap>
          {plan.version > 0 ? (
            <Link href={buildPath(safetyPlanPdfPath, { caseId, personId })} target="_blank">
              <FilePdfIcon aria-hidden />
              Skriv ut säkerhetsplan (PDF)
              <span className="visually-hidden"> (öppnas i en ny flik)</span>
            </Link>
          ) : null}
          <Button type="button" size="small" variant="tertiary" onClick={onClose}>
            Stäng säkerhetsplanen
          </Button>
        </HStack>
        <form
          noValidate
          aria-labelledby={headingId}
          className="step-form"
          onSubmit={(event) => {
            event.preventDefault();
            setSaved(null);
            save.submit({ version, items, reviewOn: reviewOn === '' ? null : reviewOn });
          }}
        >
          <VStack gap="space-24">
            <FormErrorSummary formId={formId} errors={save.fieldErrors} />
            <ChangeErrorAlert
              error={save.generalError}
              onReload={() => {
                save.reset();
                void onReload();
              }}
            />
            {parts.map((part) => (
              <VStack key={part} gap="space-16">
                <Heading level="4" size="small">
                  {safetyPlanPartLabels[part]}
                </Heading>
                {safetyPlanPoints
                  .filter((p) => p.part === part)
                  .map((point) => {
                    const item = items.find((i) => i.key === point.key);
                    const index = items.findIndex((i) => i.key === point.key);
                    return (
                      <fieldset key={point.key} className="plan-point">
                        <legend>
                          <strong>{point.label}</strong>
                        </legend>
                        <VStack gap="space-8">
                          <BodyLong size="small" id={`${formId}-${point.key}-stod`}>
                            {point.guidance}
                          </BodyLong>
                          <Select
                            id={fieldId(formId, `body.items.${index}.status`)}
                            label={`Status: ${point.label}`}
                            size="small"
                            readOnly={!canWrite}
                            value={item?.status ?? 'not_started'}
                            onChange={(e) => {
                              update(point.key, { status: e.target.value as SafetyPlanStatus });
                            }}
                          >
                            {safetyPlanStatuses.map((s) => (
                              <option key={s} value={s}>
                                {safetyPlanStatusLabels[s]}
                              </option>
                            ))}
                          </Select>
                          <Textarea
                            id={fieldId(formId, `body.items.${index}.note`)}
                            label={`Anteckning: ${point.label}`}
                            aria-describedby={`${formId}-${point.key}-stod`}
                            size="small"
                            minRows={2}
                            maxLength={5_000}
                            readOnly={!canWrite}
                            autoComplete="off"
                            value={item?.note ?? ''}
                            onChange={(e) => {
                              update(point.key, { note: e.target.value });
                            }}
                            error={messageFor(save.fieldErrors, `body.items.${index}.note`)}
                          />
                        </VStack>
                      </fieldset>
                    );
                  })}
              </VStack>
            ))}
            <TextField
              id={fieldId(formId, 'body.reviewOn')}
              label="Följs upp senast"
              description="ÅÅÅÅ-MM-DD. Planen ses över regelbundet, bland annat under en vistelse i skyddat boende."
              htmlSize={12}
              autoComplete="off"
              readOnly={!canWrite}
              value={reviewOn}
              onChange={(e) => {
                setReviewOn(e.target.value);
              }}
              error={messageFor(save.fieldErrors, 'body.reviewOn')}
            />
            {canWrite ? (
              <div>
                <Button type="submit" loading={save.mutation.isPending}>
                  Spara säkerhetsplanen
                </Button>
              </div>
            ) : null}
            <div role="status">{saved}</div>
          </VStack>
        </form>
        <VStack gap="space-8">
          <Heading level="4" size="small">
            Versioner
          </Heading>
          {plan.history.length === 0 ? (
            <BodyShort textColor="subtle">Inga sparade versioner.</BodyShort>
          ) : (
            <ol className="plain-list" aria-label="Säkerhetsplanens versioner">
              {plan.history.map((h) => (
                <li key={h.version}>
                  <BodyShort size="small">
                    Version {h.version} · {formatDateTime(h.recordedAt)} ·{' '}
                    {h.recordedBy.displayName}
                  </BodyShort>
                </li>
              ))}
            </ol>
          )}
        </VStack>
      </VStack>
    </section>
  );
}
