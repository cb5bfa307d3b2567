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
import { useQueryClient } from '@tanstack/react-query';
import { saveInvestigationSection } from '../../../../core/contracts/case-documents.ts';
import type {
  Investigation,
  InvestigationSection,
} from '../../../../core/contracts/case-documents.ts';
import type { BodyOf } from '../../../../core/contracts/contract.ts';
import { sourceLabel } from '../../../../core/domain/investigation-template.ts';
import { call } from '../../api/client.ts';
import { fieldId, messageFor } from '../../api/forms.ts';
import { ChangeErrorAlert } from '../../components/ChangeErrorAlert.tsx';
import { formatDateTime } from '../../components/format.ts';
import { FormErrorSummary } from '../../components/FormErrorSummary.tsx';
import { useFormMutation } from '../../components/useFormMutation.ts';
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
          <EditableStatements
            caseId={caseId}
            section={section}
            headingId={headingId}
            reload={reload}
          />
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

function EditableStatements({
  caseId,
  section,
  headingId,
  reload,
}: {
  caseId: string;
  section: InvestigationSection;
  headingId: string;
  reload: () => Promise<Investigation | undefined>;
}) {
  const formId = `utredning-${section.key}`;
  const queryClient = useQueryClient();
  const [rows, setRows] = useState<Row[]>(() => rowsOf(section));
  const [dirty, setDirty] = useState(false);
  const [status, setStatus] = useState<string | null>(null);
  const [baseVersion, setBaseVersion] = useState(section.version);
  const addButton = useRef<HTMLButtonElement>(null);
  const focusRow = useRef<number | null>(null);

  type Body = BodyOf<typeof saveInvestigationSection>;
  const save = useFormMutation(saveInvestigationSection.body, {
    mutationFn: (body: Body) =>
      call(saveInvestigationSection, { params: { caseId, section: section.key }, body }),
    onSuccess: (result) => {
      setBaseVersion(result.version);
      setDirty(false);
      setStatus('Avsnittet är sparat.');
      // The coverage may have changed; this section's rows stay as they are (they are stored).
      void queryClient.invalidateQueries({ queryKey: investigationKey(caseId) });
    },
  });

  const change = (next: Row[]) => {
    setRows(next);
    setDirty(true);
    setStatus(null);
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
          version: baseVersion,
          statements: rows.map((r) => ({ text: r.text, source: sourceForApi(r.source) })),
        });
      }}
    >
      <VStack gap="space-12">
        <FormErrorSummary formId={formId} errors={save.fieldErrors} />
        <ChangeErrorAlert
          error={save.generalError}
          size="small"
          onReload={() => {
            void reload().then((fresh) => {
              const latest = fresh?.sections.find((s) => s.key === section.key);
              if (!latest) return;
              setRows(rowsOf(latest));
              setBaseVersion(latest.version);
              setDirty(false);
              save.reset();
              setStatus('Avsnittet är laddat om. Gör din ändring igen.');
            });
          }}
        />
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
        </HStack>
        <div role="status">{status}</div>
        {!dirty ? <LastSaved section={{ ...section, version: baseVersion }} /> : null}
      </VStack>
    </form>
  );
}
