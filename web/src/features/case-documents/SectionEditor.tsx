import { useRef, useState } from 'react';
import {
  BodyLong,
  BodyShort,
  Button,
  Fieldset,
  Heading,
  HStack,
  Textarea,
  VStack,
} from '@navikt/ds-react';
import { PlusIcon, TrashIcon } from '@navikt/aksel-icons';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import {
  discardSectionDraft,
  listSectionDrafts,
  saveInvestigationSection,
  saveSectionDraft,
} from '../../../../core/contracts/case-documents.ts';
import type {
  Investigation,
  InvestigationSection,
  SectionDraft,
} from '../../../../core/contracts/case-documents.ts';
import type { BodyOf } from '../../../../core/contracts/contract.ts';
import { sourceLabel } from '../../../../core/domain/investigation-template.ts';
import { call, callWhileLeaving } from '../../api/client.ts';
import { fieldId, messageFor } from '../../api/forms.ts';
import {
  ChangeErrorAlert,
  isVersionConflict,
  VersionConflictEffect,
} from '../../components/ChangeErrorAlert.tsx';
import { formatDateTime } from '../../components/format.ts';
import { FormErrorSummary } from '../../components/FormErrorSummary.tsx';
import { useFormMutation } from '../../components/useFormMutation.ts';
import { useServerDraft } from '../../components/useServerDraft.tsx';
import { investigationKey } from './keys.ts';
import { SourceFields, sourceForApi, sourceFromApi } from './SourceFields.tsx';
import type { SourceValue } from './SourceFields.tsx';

interface Row {
  /** Only for React: rows move when one above is removed. */
  id: number;
  text: string;
  source: SourceValue;
}

let nextRowId = 1;
const rowsOf = (section: InvestigationSection): Row[] =>
  section.statements.map((s) => ({
    id: nextRowId++,
    text: s.text,
    source: sourceFromApi(s.source),
  }));
const rowsOfDraft = (draft: SectionDraft): Row[] =>
  draft.statements.map((s) => ({
    id: nextRowId++,
    text: s.text,
    source: sourceFromApi(s.source),
  }));
const draftOf = (version: number, rows: Row[]): SectionDraft => ({
  version,
  statements: rows.map((r) => ({ text: r.text, source: sourceForApi(r.source) })),
});
const newRow = (): Row => ({ id: nextRowId++, text: '', source: { kind: 'person', detail: '' } });

/**
 * One section of the utredning. A main heading that only groups the ones under it is a heading
 * and nothing more. Otherwise its statements, each with its source; the writer adds and removes
 * rows and saves the section, naming the version it started from.
 */
export function SectionEditor({
  caseId,
  section,
  headingLevel,
  canWrite,
  reload,
}: {
  caseId: string;
  section: InvestigationSection;
  headingLevel: '3' | '4';
  canWrite: boolean;
  reload: () => Promise<Investigation | undefined>;
}) {
  const headingId = `avsnitt-${section.key}`;
  const heading = (
    <Heading
      level={headingLevel}
      size={section.level === 1 ? 'medium' : 'small'}
      id={headingId}
      className={section.level === 1 ? 'section-main-heading' : undefined}
    >
      {section.heading}
    </Heading>
  );
  if (section.groupOnly) return <div className="investigation-group">{heading}</div>;
  return (
    <div className="investigation-section">
      <VStack gap="space-12">
        {heading}
        {section.guidance ? (
          <BodyShort size="small" textColor="subtle">
            {section.guidance}
          </BodyShort>
        ) : null}
        {canWrite ? (
          <WithDraft caseId={caseId} section={section} headingId={headingId} reload={reload} />
        ) : (
          <Statements section={section} />
        )}
      </VStack>
    </div>
  );
}

function LastSaved({ section }: { section: InvestigationSection }) {
  if (!section.recordedAt) return null;
  return (
    <BodyShort size="small" textColor="subtle">
      Senast sparat {formatDateTime(section.recordedAt)}
      {section.recordedBy ? ` av ${section.recordedBy}` : ''}
    </BodyShort>
  );
}

function Statements({ section }: { section: InvestigationSection }) {
  if (section.statements.length === 0) {
    return <BodyShort textColor="subtle">Inget dokumenterat.</BodyShort>;
  }
  return (
    <VStack gap="space-8">
      <ul className="statement-list">
        {section.statements.map((s, i) => (
          <li key={i}>
            <BodyLong className="preserve-lines">{s.text}</BodyLong>
            <BodyShort size="small" textColor="subtle">
              Källa: {sourceLabel(s.source)}
            </BodyShort>
          </li>
        ))}
      </ul>
      <LastSaved section={section} />
    </VStack>
  );
}

/** The writer's drafts of every section: one request for the whole utredning, shared. */
function WithDraft(props: {
  caseId: string;
  section: InvestigationSection;
  headingId: string;
  reload: () => Promise<Investigation | undefined>;
}) {
  const drafts = useQuery({
    queryKey: ['section-drafts', props.caseId],
    queryFn: () => call(listSectionDrafts, { params: { caseId: props.caseId } }),
    // Read when the utredning opens: a refetch must not overwrite what is being typed.
    staleTime: Infinity,
    gcTime: 0,
  });
  if (drafts.isPending) return null;
  const draft = drafts.data?.items.find((d) => d.section === props.section.key) ?? null;
  return <EditableStatements {...props} draft={draft} />;
}

function EditableStatements({
  caseId,
  section,
  headingId,
  reload,
  draft: stored,
}: {
  caseId: string;
  section: InvestigationSection;
  headingId: string;
  reload: () => Promise<Investigation | undefined>;
  draft: { draft: SectionDraft; savedAt: string } | null;
}) {
  const formId = `utredning-${section.key}`;
  const queryClient = useQueryClient();
  const [rows, setRows] = useState<Row[]>(() =>
    stored ? rowsOfDraft(stored.draft) : rowsOf(section),
  );
  const [dirty, setDirty] = useState(stored !== null);
  const [status, setStatus] = useState<string | null>(null);
  // The version the writer's text started from; older than the section's after a conflict.
  const [baseVersion, setBaseVersion] = useState(stored?.draft.version ?? section.version);
  const conflict = baseVersion < section.version;
  const params = { caseId, section: section.key };
  const draft = useServerDraft<SectionDraft>(
    {
      save: (d) => call(saveSectionDraft, { params, body: { draft: d } }),
      saveWhileLeaving: (d) => {
        callWhileLeaving(saveSectionDraft, { params, body: { draft: d } });
      },
      discard: () => call(discardSectionDraft, { params }),
      isEmpty: (d) =>
        d.version === 0 && d.statements.every((s) => !s.text.trim() && !s.source.detail),
    },
    stored ? { value: stored.draft, savedAt: stored.savedAt } : null,
  );
  const addButton = useRef<HTMLButtonElement>(null);
  const focusRow = useRef<number | null>(null);

  type Body = BodyOf<typeof saveInvestigationSection>;
  const save = useFormMutation(saveInvestigationSection.body, {
    mutationFn: async (body: Body) => {
      await draft.settle();
      return call(saveInvestigationSection, { params, body });
    },
    onSuccess: (result) => {
      setBaseVersion(result.version);
      setDirty(false);
      draft.reset();
      setStatus('Avsnittet är sparat.');
      // The coverage may have changed; this section's rows stay as they are (they are stored).
      void queryClient.invalidateQueries({ queryKey: investigationKey(caseId) });
    },
  });

  const change = (next: Row[]) => {
    setRows(next);
    setDirty(true);
    setStatus(null);
    draft.change(draftOf(baseVersion, next));
  };
  const setFocusTarget = (el: HTMLTextAreaElement | null, id: number) => {
    if (el && focusRow.current === id) {
      focusRow.current = null;
      el.focus();
    }
  };

  return (
    <form
      noValidate
      aria-labelledby={headingId}
      onSubmit={(event) => {
        event.preventDefault();
        save.submit({
          // In a conflict the writer has the saved text beside hers: she saves over it knowingly.
          version: conflict ? section.version : baseVersion,
          statements: rows.map((r) => ({ text: r.text, source: sourceForApi(r.source) })),
        });
      }}
    >
      <VStack gap="space-12">
        <FormErrorSummary formId={formId} errors={save.fieldErrors} />
        {draft.guard}
        {draft.restoredNote ? <BodyShort size="small">{draft.restoredNote}</BodyShort> : null}
        {isVersionConflict(save.generalError) ? null : (
          <ChangeErrorAlert error={save.generalError} size="small" onReload={() => undefined} />
        )}
        <VersionConflictEffect
          error={save.generalError}
          onConflict={() => {
            // Her text is kept as her draft, on the version it started from; the saved text is
            // loaded and shown beside it, so she can merge by hand.
            draft.change(draftOf(baseVersion, rows));
            void draft.saveNow();
            save.reset();
            void reload();
          }}
        />
        {conflict ? (
          <div className="draft-conflict" role="region" aria-label="Sparad text att jämföra med">
            <VStack gap="space-8">
              <BodyShort weight="semibold">
                Någon annan sparade avsnittet medan du skrev. Din text finns kvar nedan. Jämför med
                den sparade texten, för över det som ska vara kvar och spara igen.
              </BodyShort>
              <BodyShort size="small">
                Sparad version {section.version}
                {section.recordedBy ? ` av ${section.recordedBy}` : ''}:
              </BodyShort>
              <Statements section={section} />
            </VStack>
          </div>
        ) : null}
        {rows.length === 0 ? <BodyShort textColor="subtle">Inget dokumenterat.</BodyShort> : null}
        {rows.map((row, i) => {
          const path = `body.statements.${i}`;
          return (
            <Fieldset
              key={row.id}
              legend={`Uppgift ${i + 1}`}
              size="small"
              className="statement-row"
            >
              <VStack gap="space-8">
                <Textarea
                  ref={(el) => {
                    setFocusTarget(el, row.id);
                  }}
                  id={fieldId(formId, `${path}.text`)}
                  label="Text"
                  size="small"
                  minRows={2}
                  maxLength={20_000}
                  value={row.text}
                  onChange={(e) => {
                    change(rows.map((r) => (r.id === row.id ? { ...r, text: e.target.value } : r)));
                  }}
                  error={messageFor(save.fieldErrors, `${path}.text`)}
                />
                <SourceFields
                  idPrefix={fieldId(formId, `${path}.source`)}
                  size="small"
                  value={row.source}
                  onChange={(source) => {
                    change(rows.map((r) => (r.id === row.id ? { ...r, source } : r)));
                  }}
                  kindError={messageFor(save.fieldErrors, `${path}.source.kind`)}
                  detailError={messageFor(save.fieldErrors, `${path}.source.detail`)}
                />
                <div>
                  <Button
                    type="button"
                    size="small"
                    variant="tertiary"
                    icon={<TrashIcon aria-hidden />}
                    onClick={() => {
                      change(rows.filter((r) => r.id !== row.id));
                      addButton.current?.focus();
                    }}
                  >
                    Ta bort uppgift {i + 1}
                  </Button>
                </div>
              </VStack>
            </Fieldset>
          );
        })}
        <HStack gap="space-12" align="center" wrap>
          <Button
            ref={addButton}
            type="button"
            size="small"
            variant="secondary"
            icon={<PlusIcon aria-hidden />}
            onClick={() => {
              const row = newRow();
              focusRow.current = row.id;
              change([...rows, row]);
            }}
          >
            Lägg till uppgift
          </Button>
          {/* A section never written shows only "Lägg till uppgift", not 40 save buttons. */}
          {dirty || rows.length > 0 || baseVersion > 0 ? (
            <Button type="submit" size="small" loading={save.mutation.isPending}>
              Spara avsnittet
            </Button>
          ) : null}
          {dirty ? (
            <BodyShort size="small" textColor="subtle">
              Ändringar som inte är sparade
            </BodyShort>
          ) : null}
          <BodyShort size="small" textColor="subtle" aria-live="polite" className="draft-status">
            {dirty ? draft.status : null}
          </BodyShort>
        </HStack>
        <div role="status">{status}</div>
        {!dirty ? <LastSaved section={{ ...section, version: baseVersion }} /> : null}
      </VStack>
    </form>
  );
}
