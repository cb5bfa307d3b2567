import { useEffect, useRef } from 'react';
import {
  Alert,
  BodyLong,
  BodyShort,
  Button,
  Checkbox,
  Heading,
  Radio,
  RadioGroup,
  Select,
  Tag,
  Textarea,
  TextField,
  VStack,
} from '@navikt/ds-react';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import {
  approveExtract,
  releaseExtract,
  saveExtractChoices,
} from '../../../../core/contracts/file-requests.ts';
import type {
  ExtractPiece,
  FileExtract,
  FileRequest,
} from '../../../../core/contracts/file-requests.ts';
import { call } from '../../api/client.ts';
import { contactKindLabels } from '../../app/labels.ts';
import { ApiErrorAlert } from '../../components/ApiErrorAlert.tsx';
import { FormErrorSummary } from '../../components/FormErrorSummary.tsx';
import { Loading } from '../../components/Loading.tsx';
import { useContractForm } from '../../components/useContractForm.ts';
import {
  fileExtractQuery,
  fileRequestsKey,
  pieceClassLabels,
  requestTitle,
} from './file-requests.ts';

const classColor = { open: 'success', masked: 'warning', withheld: 'danger' } as const;

/** The pieces in their order, under each heading of the file once. */
function groupByHeading(pieces: readonly ExtractPiece[]) {
  const groups: { heading: string; pieces: { piece: ExtractPiece; index: number }[] }[] = [];
  pieces.forEach((piece, index) => {
    let group = groups.at(-1);
    if (group?.heading !== piece.heading) {
      group = { heading: piece.heading, pieces: [] };
      groups.push(group);
    }
    group.pieces.push({ piece, index });
  });
  return groups;
}

/** A piece as its fieldset names it: "Uppgift 3: Journalanteckning 2026-11-02, Anmälare". */
const pieceName = (p: ExtractPiece, index: number) =>
  `Uppgift ${String(index + 1)}: ${p.heading}${p.label ? `, ${p.label}` : ''}`;

/**
 * The extract of one request: every piece of the file with the rule's class, the choice in force
 * and, for whoever works the case, the sekretessprövning; what stands in the way; the
 * enhetschef's approval; and the release.
 */
export function ExtractSection({
  caseId,
  request,
  canWrite,
  onDone,
}: {
  caseId: string;
  request: FileRequest;
  canWrite: boolean;
  onDone: (message: string | null) => void;
}) {
  const query = useQuery(fileExtractQuery(caseId, request.id));
  const headingRef = useRef<HTMLHeadingElement>(null);
  useEffect(() => {
    headingRef.current?.focus();
  }, []);
  const headingId = `utdrag-${request.id}`;
  const title = `Utdrag för ${requestTitle(request)}`;
  return (
    <section aria-labelledby={headingId}>
      <VStack gap="space-16">
        <Heading level="3" size="medium" id={headingId} ref={headingRef} tabIndex={-1}>
          {title}
        </Heading>
        {query.isPending ? <Loading label="Hämtar utdraget…" /> : null}
        {query.isError ? <ApiErrorAlert error={query.error} /> : null}
        {query.data ? (
          <ExtractBody
            caseId={caseId}
            request={request}
            extract={query.data}
            canWrite={canWrite}
            onDone={onDone}
          />
        ) : null}
      </VStack>
    </section>
  );
}

function ExtractBody({
  caseId,
  request,
  extract,
  canWrite,
  onDone,
}: {
  caseId: string;
  request: FileRequest;
  extract: FileExtract;
  canWrite: boolean;
  onDone: (message: string | null) => void;
}) {
  const editable = canWrite && !extract.released;
  return (
    <VStack gap="space-16">
      {extract.released ? (
        <Alert variant="success" size="small">
          Utdraget är utlämnat. Det som lämnades ut finns i PDF-filen.
        </Alert>
      ) : extract.approved ? (
        <Alert variant="success" size="small">
          Version {extract.version} är godkänd av enhetschefen.
        </Alert>
      ) : null}
      {extract.problems.length > 0 ? (
        <Alert variant="warning" size="small">
          <Heading level="4" size="xsmall" spacing>
            Det här behöver göras innan utdraget kan lämnas ut
          </Heading>
          <ul>
            {extract.problems.map((p) => (
              <li key={p}>{p}</li>
            ))}
          </ul>
        </Alert>
      ) : null}
      {editable ? (
        <ChoicesForm
          key={`${request.id}-${String(extract.version)}`}
          caseId={caseId}
          request={request}
          extract={extract}
          onDone={onDone}
        />
      ) : (
        <PieceList extract={extract} />
      )}
      {extract.mayApprove && !extract.approved && !extract.released ? (
        <ApproveForm caseId={caseId} request={request} extract={extract} onDone={onDone} />
      ) : null}
      {editable && extract.approved && extract.problems.length === 0 ? (
        <ReleaseForm caseId={caseId} request={request} extract={extract} onDone={onDone} />
      ) : null}
    </VStack>
  );
}

function PieceHeader({ piece }: { piece: ExtractPiece }) {
  return (
    <VStack gap="space-4">
      <div>
        <Tag size="small" variant="outline" data-color={classColor[piece.class]}>
          {pieceClassLabels[piece.class]}
        </Tag>
      </div>
      <BodyShort className="preserve-lines">{piece.text}</BodyShort>
      {piece.class === 'withheld' && piece.ruleReason ? (
        <BodyShort size="small" textColor="subtle">
          {piece.ruleReason}
        </BodyShort>
      ) : null}
    </VStack>
  );
}

/** The extract read only: for the enhetschef, and once released. */
function PieceList({ extract }: { extract: FileExtract }) {
  return (
    <VStack gap="space-24">
      {groupByHeading(extract.pieces).map((g) => (
        <VStack gap="space-8" key={`${g.heading}-${String(g.pieces[0]?.index ?? 0)}`}>
          <Heading level="4" size="small">
            {g.heading}
          </Heading>
          <ul className="plain-list">
            {g.pieces.map(({ piece, index }) => (
              <li key={piece.key} aria-label={pieceName(piece, index)}>
                <VStack gap="space-4">
                  {piece.label ? <BodyShort weight="semibold">{piece.label}</BodyShort> : null}
                  <PieceHeader piece={piece} />
                  {piece.class !== 'withheld' ? (
                    <BodyShort size="small">
                      {piece.mask ? 'Maskeras' : 'Lämnas ut'}
                      {piece.reason ? `: ${piece.reason}` : ''}
                    </BodyShort>
                  ) : null}
                </VStack>
              </li>
            ))}
          </ul>
        </VStack>
      ))}
    </VStack>
  );
}

interface Choice {
  mask: boolean;
  reason: string;
}

/**
 * The sekretessprövning: for each piece about another person whether it is given after all and
 * why; for each open piece whether it is masked and why. Every piece's choice is sent, with the
 * version it started from.
 */
function ChoicesForm({
  caseId,
  request,
  extract,
  onDone,
}: {
  caseId: string;
  request: FileRequest;
  extract: FileExtract;
  onDone: (message: string | null) => void;
}) {
  const queryClient = useQueryClient();
  const formId = `sekretessprovning-${request.id}`;
  const initial: Record<string, Choice> = Object.fromEntries(
    extract.pieces.map((p) => [
      p.key,
      {
        mask: p.mask,
        // The rule's own reason is not the handläggare's: only one written is shown.
        reason: p.reason && p.reason !== p.ruleReason ? p.reason : '',
      },
    ]),
  );
  const form = useContractForm(saveExtractChoices, {
    formId,
    initial: { choices: initial },
    check: (v) =>
      extract.pieces.flatMap((p, i) => {
        const c = v.choices[p.key];
        if (!c || c.reason.trim() !== '') return [];
        const path = `body.choices.${String(i)}.reason`;
        if (p.class === 'masked' && !c.mask) {
          return [
            {
              path,
              message: `Skriv sekretessprövningen som visar att uppgift ${String(i + 1)} kan lämnas ut.`,
            },
          ];
        }
        if (p.class === 'open' && c.mask) {
          return [
            {
              path,
              message: `Skriv skälet till att uppgift ${String(i + 1)} maskeras.`,
            },
          ];
        }
        return [];
      }),
    toBody: (v) => ({
      version: extract.version,
      choices: extract.pieces.map((p) => {
        const c = v.choices[p.key] ?? { mask: p.mask, reason: '' };
        const mask = p.class === 'withheld' ? true : c.mask;
        const reason = c.reason.trim();
        return {
          key: p.key,
          mask,
          reason: p.class === 'withheld' || reason === '' ? null : reason,
        };
      }),
    }),
    send: (body) => call(saveExtractChoices, { params: { caseId, requestId: request.id }, body }),
    onSuccess: (result) => {
      void queryClient.invalidateQueries({ queryKey: fileRequestsKey(caseId) });
      onDone(`Sekretessprövningen är sparad som version ${String(result.version)}.`);
    },
  });
  const choose = (key: string, patch: Partial<Choice>) => {
    const before = form.values.choices[key] ?? { mask: true, reason: '' };
    form.set({ choices: { ...form.values.choices, [key]: { ...before, ...patch } } });
  };
  return (
    <form {...form.formProps} aria-labelledby={`${formId}-rubrik`}>
      <VStack gap="space-24">
        <VStack gap="space-8">
          <Heading level="4" size="small" id={`${formId}-rubrik`}>
            Sekretessprövning
          </Heading>
          <BodyLong>
            Gå igenom varje uppgift. Uppgifter om andra personer maskeras om du inte skriver varför
            de kan lämnas ut. Uppgifter som markeras Lämnas aldrig ut kan inte lämnas ut.
          </BodyLong>
        </VStack>
        <FormErrorSummary {...form.summaryProps} />
        <ApiErrorAlert error={form.generalError} />
        {groupByHeading(extract.pieces).map((g) => (
          <VStack gap="space-12" key={`${g.heading}-${String(g.pieces[0]?.index ?? 0)}`}>
            <Heading level="5" size="xsmall">
              {g.heading}
            </Heading>
            {g.pieces.map(({ piece, index }) => {
              const c = form.values.choices[piece.key] ?? { mask: piece.mask, reason: '' };
              const reasonPath = `choices.${String(index)}.reason`;
              return (
                <fieldset key={piece.key} className="counterpart">
                  <legend>
                    <BodyShort as="span" weight="semibold">
                      {pieceName(piece, index)}
                    </BodyShort>
                  </legend>
                  <VStack gap="space-8">
                    <PieceHeader piece={piece} />
                    {piece.class === 'masked' ? (
                      <>
                        <BodyShort size="small" textColor="subtle">
                          {piece.ruleReason}
                        </BodyShort>
                        <Checkbox
                          checked={!c.mask}
                          onChange={(e) => {
                            choose(piece.key, { mask: !e.target.checked });
                          }}
                        >
                          Lämna ut
                        </Checkbox>
                        {!c.mask ? (
                          <Textarea
                            id={form.idOf(reasonPath)}
                            error={form.errorOf(reasonPath)}
                            label="Sekretessprövning"
                            description="Varför uppgiften kan lämnas ut utan att den andra personen lider men."
                            value={c.reason}
                            maxLength={2000}
                            minRows={2}
                            onChange={(e) => {
                              choose(piece.key, { reason: e.target.value });
                            }}
                          />
                        ) : null}
                      </>
                    ) : piece.class === 'open' ? (
                      <>
                        <Checkbox
                          checked={c.mask}
                          onChange={(e) => {
                            choose(piece.key, { mask: e.target.checked });
                          }}
                        >
                          Maskera
                        </Checkbox>
                        {c.mask ? (
                          <Textarea
                            id={form.idOf(reasonPath)}
                            error={form.errorOf(reasonPath)}
                            label="Skäl till maskering"
                            value={c.reason}
                            maxLength={2000}
                            minRows={2}
                            onChange={(e) => {
                              choose(piece.key, { reason: e.target.value });
                            }}
                          />
                        ) : null}
                      </>
                    ) : null}
                  </VStack>
                </fieldset>
              );
            })}
          </VStack>
        ))}
        <div>
          <Button type="submit" loading={form.mutation.isPending}>
            Spara sekretessprövning
          </Button>
        </div>
      </VStack>
    </form>
  );
}

/** "Godkänn": the enhetschef approves the newest version for the file as it stands. */
function ApproveForm({
  caseId,
  request,
  extract,
  onDone,
}: {
  caseId: string;
  request: FileRequest;
  extract: FileExtract;
  onDone: (message: string | null) => void;
}) {
  const queryClient = useQueryClient();
  const form = useContractForm(approveExtract, {
    formId: `godkann-${request.id}`,
    initial: {},
    toBody: () => ({ version: extract.version }),
    send: (body) => call(approveExtract, { params: { caseId, requestId: request.id }, body }),
    onSuccess: () => {
      void queryClient.invalidateQueries({ queryKey: fileRequestsKey(caseId) });
      onDone(`Version ${String(extract.version)} av utdraget är godkänd.`);
    },
  });
  return (
    <form {...form.formProps} aria-label={`Godkänn utdraget, version ${String(extract.version)}`}>
      <VStack gap="space-8" align="start">
        <ApiErrorAlert error={form.generalError} size="small" />
        <Button type="submit" loading={form.mutation.isPending}>
          Godkänn<span className="visually-hidden"> version {extract.version} av utdraget</span>
        </Button>
      </VStack>
    </form>
  );
}

const channelKinds = ['phone', 'email', 'address', 'digital_mailbox'] as const;

/** "Lämna ut": the approved version leaves, handed over or sent, once. */
function ReleaseForm({
  caseId,
  request,
  extract,
  onDone,
}: {
  caseId: string;
  request: FileRequest;
  extract: FileExtract;
  onDone: (message: string | null) => void;
}) {
  const queryClient = useQueryClient();
  const formId = `lamna-ut-${request.id}`;
  const form = useContractForm(releaseExtract, {
    formId,
    initial: { way: '', channelKind: '', channelValue: '' },
    paths: {
      way: 'delivery.way',
      channelKind: 'delivery.channel.kind',
      channelValue: 'delivery.channel.value',
    },
    unchosen: { way: 'Ange hur utdraget lämnas.' },
    check: (v) =>
      v.way === 'sent' && v.channelKind === ''
        ? [{ path: 'body.delivery.channel.kind', message: 'Välj hur utdraget skickas.' }]
        : [],
    toBody: (v) => ({
      version: extract.version,
      delivery: {
        way: v.way,
        channel: v.way === 'sent' ? { kind: v.channelKind, value: v.channelValue } : null,
      },
    }),
    send: (body) => call(releaseExtract, { params: { caseId, requestId: request.id }, body }),
    onSuccess: () => {
      void queryClient.invalidateQueries({ queryKey: fileRequestsKey(caseId) });
      onDone('Utdraget är utlämnat. Öppna det som PDF för att se vad som lämnades ut.');
    },
  });
  return (
    <form {...form.formProps} aria-labelledby={`${formId}-rubrik`} className="step-form">
      <VStack gap="space-16">
        <Heading level="4" size="small" id={`${formId}-rubrik`}>
          Lämna ut utdraget
        </Heading>
        <FormErrorSummary {...form.summaryProps} />
        <ApiErrorAlert error={form.generalError} />
        <RadioGroup {...form.choice('way')} legend="Hur utdraget lämnas">
          <Radio value="handed_over">Lämnas över</Radio>
          <Radio value="sent">Skickas</Radio>
        </RadioGroup>
        {form.values.way === 'sent' ? (
          <>
            <Select {...form.select('channelKind')} label="Hur utdraget skickas">
              <option value="">Välj</option>
              {channelKinds.map((k) => (
                <option key={k} value={k}>
                  {contactKindLabels[k]}
                </option>
              ))}
            </Select>
            <TextField
              {...form.text('channelValue')}
              label="Dit utdraget skickas"
              autoComplete="off"
            />
          </>
        ) : null}
        <div>
          <Button type="submit" loading={form.mutation.isPending}>
            Lämna ut
          </Button>
        </div>
      </VStack>
    </form>
  );
}
