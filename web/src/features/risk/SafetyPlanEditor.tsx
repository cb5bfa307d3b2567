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
  discardSafetyPlanDraft,
  getSafetyPlan,
  getSafetyPlanDraft,
  safetyPlanPdfPath,
  saveSafetyPlan,
  saveSafetyPlanDraft,
} from '../../../../core/contracts/risk.ts';
import type { SafetyPlan, SafetyPlanDraft } from '../../../../core/contracts/risk.ts';
import {
  completePlan,
  safetyPlanPartLabels,
  safetyPlanPoints,
  safetyPlanStatuses,
  safetyPlanStatusLabels,
} from '../../../../core/domain/safety-plan.ts';
import type { SafetyPlanItem, SafetyPlanStatus } from '../../../../core/domain/safety-plan.ts';
import { call, callWhileLeaving } from '../../api/client.ts';
import { fieldId, messageFor } from '../../api/forms.ts';
import { ApiErrorAlert } from '../../components/ApiErrorAlert.tsx';
import {
  ChangeErrorAlert,
  isVersionConflict,
  VersionConflictEffect,
} from '../../components/ChangeErrorAlert.tsx';
import { formatDateTime } from '../../components/format.ts';
import { FormErrorSummary } from '../../components/FormErrorSummary.tsx';
import { Loading } from '../../components/Loading.tsx';
import { personName } from '../../components/PersonCell.tsx';
import { useFormMutation } from '../../components/useFormMutation.ts';
import { useServerDraft } from '../../components/useServerDraft.tsx';
import { riskKey, safetyPlanKey } from './keys.ts';

/**
 * One person's safety plan (Bilaga 1). The notes say where she can be reached and where she may
 * go: they stay in this form's memory and in the writer's own draft on the server, never in the
 * browser's storage.
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
  const canWrite = plan.data?.abilities.write === true;
  const draft = useQuery({
    queryKey: ['safety-plan-draft', caseId, personId],
    queryFn: () => call(getSafetyPlanDraft, { params: { caseId, personId } }),
    // Only the one who may write the plan keeps a draft of it.
    enabled: canWrite,
    // Read when the plan opens: a refetch must not overwrite what is being typed.
    staleTime: Infinity,
    gcTime: 0,
  });
  if (plan.isPending || (canWrite && draft.isPending)) {
    return <Loading label="Hämtar säkerhetsplanen…" />;
  }
  if (plan.isError) return <ApiErrorAlert error={plan.error} />;
  const stored =
    canWrite && draft.data?.draft && draft.data.savedAt
      ? { value: draft.data.draft, savedAt: draft.data.savedAt }
      : null;
  return (
    <PlanForm
      caseId={caseId}
      personId={personId}
      plan={plan.data}
      stored={stored}
      onClose={onClose}
      onReload={async () => {
        await queryClient.invalidateQueries({ queryKey: safetyPlanKey(caseId, personId) });
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
  stored,
  onClose,
  onReload,
}: {
  caseId: string;
  personId: string;
  plan: SafetyPlan;
  stored: { value: SafetyPlanDraft; savedAt: string } | null;
  onClose: () => void;
  onReload: () => Promise<void>;
}) {
  const queryClient = useQueryClient();
  // The version this form's text started from, or last saved: sent back so a concurrent save is
  // refused. Older than the plan's after a conflict: the saved notes are then shown beside hers.
  const [version, setVersion] = useState(stored?.value.version ?? plan.version);
  const [items, setItems] = useState<SafetyPlanItem[]>(() =>
    completePlan(stored?.value.items ?? plan.items),
  );
  const [reviewOn, setReviewOn] = useState(stored?.value.reviewOn ?? plan.reviewOn ?? '');
  const [saved, setSaved] = useState<string | null>(null);
  const conflict = version < plan.version;
  const params = { caseId, personId };
  const draft = useServerDraft<SafetyPlanDraft>(
    {
      save: (d) => call(saveSafetyPlanDraft, { params, body: { draft: d } }),
      saveWhileLeaving: (d) => {
        callWhileLeaving(saveSafetyPlanDraft, { params, body: { draft: d } });
      },
      discard: () => call(discardSafetyPlanDraft, { params }),
      isEmpty: () => false,
    },
    stored,
  );
  const saveDraftOf = (next: { items?: SafetyPlanItem[]; reviewOn?: string }) => {
    draft.change({ version, items: next.items ?? items, reviewOn: next.reviewOn ?? reviewOn });
  };
  const name = personName(plan.person);
  const headingId = `${formId}-rubrik`;
  const save = useFormMutation(saveSafetyPlan.body, {
    mutationFn: async (body: Body) => {
      await draft.settle();
      return call(saveSafetyPlan, { params: { caseId, personId }, body });
    },
    onSuccess: (r) => {
      setVersion(r.version);
      draft.reset();
      setSaved(`Säkerhetsplanen är sparad som version ${r.version}.`);
      void queryClient.invalidateQueries({ queryKey: safetyPlanKey(caseId, personId) });
      void queryClient.invalidateQueries({ queryKey: riskKey(caseId) });
    },
  });
  const update = (key: string, patch: Partial<SafetyPlanItem>) => {
    const next = items.map((i) => (i.key === key ? { ...i, ...patch } : i));
    setItems(next);
    saveDraftOf({ items: next });
  };
  const savedItems = new Map(completePlan(plan.items).map((i) => [i.key, i]));
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
            save.submit({
              // In a conflict the saved notes are shown beside hers: she saves over them knowingly.
              version: conflict ? plan.version : version,
              items,
              reviewOn: reviewOn === '' ? null : reviewOn,
            });
          }}
        >
          <VStack gap="space-24">
            <FormErrorSummary formId={formId} errors={save.fieldErrors} />
            {draft.guard}
            {draft.restoredNote ? <BodyShort>{draft.restoredNote}</BodyShort> : null}
            {isVersionConflict(save.generalError) ? null : (
              <ChangeErrorAlert error={save.generalError} onReload={() => undefined} />
            )}
            <VersionConflictEffect
              error={save.generalError}
              onConflict={() => {
                // Her text is kept as her draft on the version it started from; the saved plan
                // is loaded and its notes shown beside hers, so she can merge by hand.
                draft.change({ version, items, reviewOn });
                void draft.saveNow();
                save.reset();
                void onReload();
              }}
            />
            {conflict ? (
              <BodyShort weight="semibold" className="draft-conflict">
                Någon annan sparade säkerhetsplanen (version {plan.version}) medan du skrev. Din
                text finns kvar i fälten. Den sparade texten visas under varje punkt där den skiljer
                sig. Jämför, för över det som ska vara kvar och spara igen.
              </BodyShort>
            ) : null}
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
                          {conflict &&
                          (savedItems.get(point.key)?.note ?? '') !== (item?.note ?? '') ? (
                            <div className="draft-conflict-saved">
                              <BodyShort size="small" weight="semibold">
                                Sparad text, version {plan.version}:
                              </BodyShort>
                              <BodyLong size="small" className="preserve-lines">
                                {savedItems.get(point.key)?.note || '(tom)'}
                              </BodyLong>
                            </div>
                          ) : null}
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
                saveDraftOf({ reviewOn: e.target.value });
              }}
              error={messageFor(save.fieldErrors, 'body.reviewOn')}
            />
            {canWrite ? (
              <HStack gap="space-16" align="center">
                <Button type="submit" loading={save.mutation.isPending}>
                  Spara säkerhetsplanen
                </Button>
                <BodyShort
                  size="small"
                  textColor="subtle"
                  aria-live="polite"
                  className="draft-status"
                >
                  {draft.status}
                </BodyShort>
              </HStack>
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
