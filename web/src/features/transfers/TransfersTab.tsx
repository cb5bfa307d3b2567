import { useEffect, useRef, useState } from 'react';
import {
  Alert,
  BodyLong,
  BodyShort,
  Button,
  Checkbox,
  CheckboxGroup,
  Heading,
  HStack,
  Link,
  Radio,
  RadioGroup,
  Select,
  Tag,
  Textarea,
  TextField,
  VStack,
} from '@navikt/ds-react';
import { DownloadIcon } from '@navikt/aksel-icons';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import type { CaseDetail } from '../../../../core/contracts/cases.ts';
import { buildPath } from '../../../../core/contracts/contract.ts';
import {
  approveTransfer,
  completeTransfer,
  produceTransferPackage,
  recordTransferAnswer,
  requestTransfer,
  transferPackagePath,
} from '../../../../core/contracts/transfers.ts';
import type { Transfer } from '../../../../core/contracts/transfers.ts';
import { call } from '../../api/client.ts';
import { contactKindLabels } from '../../app/labels.ts';
import { ApiErrorAlert } from '../../components/ApiErrorAlert.tsx';
import { ChangeErrorAlert } from '../../components/ChangeErrorAlert.tsx';
import { DateField } from '../../components/DateField.tsx';
import { stockholmToday } from '../../components/dates.ts';
import { FormErrorSummary } from '../../components/FormErrorSummary.tsx';
import { formatDate, formatDateTime } from '../../components/format.ts';
import { Loading } from '../../components/Loading.tsx';
import { personName } from '../../components/PersonCell.tsx';
import { useContractForm } from '../../components/useContractForm.ts';
import { useLeaveClosedCase, useRefreshCase } from '../cases/useCase.ts';
import { TransferImportSection } from './TransferImportSection.tsx';
import {
  packageFilename,
  stageColors,
  stageLabels,
  transferImportQuery,
  transfersKey,
  transfersQuery,
  transferTitle,
} from './transfers.ts';

const channelKinds = ['phone', 'email', 'address', 'digital_mailbox'] as const;

/** A transfer still on its way: another is not requested meanwhile. */
const ongoing = (t: Transfer) => t.stage !== 'refused' && t.stage !== 'completed';

/** After a step: what to say, and the transfer whose heading takes focus. */
type Done = (transferId: string, message: string) => void;

/**
 * The case's tab "Överflyttning" (2 a kap. 10 § SoL): the requests to move the case to another
 * municipality, newest first — written by the handläggare, decided by the enhetschef, answered
 * by the receiving municipality, the package produced and sent, the case closed here — and, on a
 * case that came here in a package, where it came from and the documents that came with it.
 */
export function TransfersTab({ detail }: { detail: CaseDetail }) {
  const query = useQuery(transfersQuery(detail.id));
  const imported = useQuery(transferImportQuery(detail.id));
  const [announcement, setAnnouncement] = useState<string | null>(null);
  const [focused, setFocused] = useState<string | null>(null);
  if (query.isPending) return <Loading label="Hämtar överflyttningarna…" />;
  if (query.isError) return <ApiErrorAlert error={query.error} />;
  const { canWrite, transfers } = query.data;
  const done: Done = (transferId, message) => {
    setFocused(transferId);
    setAnnouncement(message);
  };
  const headingId = 'overflyttningar-rubrik';
  return (
    <VStack gap="space-32">
      <VStack gap="space-12">
        <Heading level="2" size="large">
          Överflyttning
        </Heading>
        <BodyLong>
          Ett ärende kan flyttas till en annan kommun om personen har starkast anknytning dit och
          själv önskar det (2 a kap. 10 § socialtjänstlagen). Handläggaren skriver begäran,
          enhetschefen beslutar att den ska göras, och när den andra kommunen har godtagit den
          skickas ett överflyttningspaket och ärendet avslutas här.
        </BodyLong>
      </VStack>
      <div role="status">
        {announcement ? <BodyShort weight="semibold">{announcement}</BodyShort> : null}
      </div>
      {imported.isError ? <ApiErrorAlert error={imported.error} /> : null}
      {imported.data?.import ? (
        <TransferImportSection caseId={detail.id} imported={imported.data.import} />
      ) : null}
      <section aria-labelledby={headingId}>
        <VStack gap="space-16">
          <Heading level="3" size="medium" id={headingId}>
            Begärda överflyttningar
          </Heading>
          {transfers.length === 0 ? (
            <BodyShort textColor="subtle">Ingen överflyttning är begärd i ärendet.</BodyShort>
          ) : (
            <ul className="counterpart-list" aria-labelledby={headingId}>
              {transfers.map((t) => (
                <li key={t.id}>
                  <TransferCard
                    detail={detail}
                    transfer={t}
                    canWrite={canWrite}
                    focus={focused === t.id}
                    onDone={done}
                  />
                </li>
              ))}
            </ul>
          )}
        </VStack>
      </section>
      {canWrite && !transfers.some(ongoing) ? (
        <RequestForm caseId={detail.id} onDone={done} />
      ) : null}
    </VStack>
  );
}

function TransferCard({
  detail,
  transfer: t,
  canWrite,
  focus,
  onDone,
}: {
  detail: CaseDetail;
  transfer: Transfer;
  canWrite: boolean;
  focus: boolean;
  onDone: Done;
}) {
  const titleId = `overflyttning-${t.id}`;
  const headingRef = useRef<HTMLHeadingElement>(null);
  // After a step the form that was pressed is gone: the transfer's heading takes focus.
  useEffect(() => {
    if (focus) headingRef.current?.focus();
  }, [focus, t.stage]);
  const href = buildPath(transferPackagePath, { caseId: detail.id, transferId: t.id });
  return (
    <article aria-labelledby={titleId} className="counterpart">
      <VStack gap="space-12">
        <HStack gap="space-8" align="center">
          <Heading level="4" size="small" id={titleId} ref={headingRef} tabIndex={-1}>
            {transferTitle(t)}
          </Heading>
          <Tag size="small" variant="outline" data-color={stageColors[t.stage]}>
            {stageLabels[t.stage]}
          </Tag>
        </HStack>
        <dl className="facts">
          <dt>Läge</dt>
          <dd>{stageLabels[t.stage]}</dd>
          <dt>Mottagande kommun</dt>
          <dd>{t.receivingMunicipality}</dd>
          <dt>Kontaktväg</dt>
          <dd>
            {contactKindLabels[t.channel.kind]}: {t.channel.value}
          </dd>
          <dt>Personens anknytning</dt>
          <dd className="preserve-lines">{t.grounds}</dd>
          <dt>Personens önskemål</dt>
          <dd className="preserve-lines">{t.wishes}</dd>
          <dt>Hjälpbehovets varaktighet</dt>
          <dd className="preserve-lines">{t.duration}</dd>
          <dt>Begärd</dt>
          <dd>
            {formatDateTime(t.requestedAt)} av {t.requestedBy.displayName}
          </dd>
          <dt>Beslut att begära</dt>
          <dd>
            {t.approval
              ? `${formatDateTime(t.approval.approvedAt)} av ${t.approval.approvedBy.displayName}`
              : 'Inte fattat'}
          </dd>
          {t.answer ? (
            <>
              <dt>Svar</dt>
              <dd>
                {t.answer.outcome === 'accepted' ? 'Godtar' : 'Avslår'}, beslutat{' '}
                {formatDate(t.answer.decidedOn)}
                {t.answer.reference ? `, diarienummer ${t.answer.reference}` : ''}. Registrerat av{' '}
                {t.answer.recordedBy.displayName}.
              </dd>
              {t.answer.comment ? (
                <>
                  <dt>Kommentar</dt>
                  <dd className="preserve-lines">{t.answer.comment}</dd>
                </>
              ) : null}
            </>
          ) : null}
          {t.package ? (
            <>
              <dt>Paket</dt>
              <dd>
                Framtaget {formatDateTime(t.package.createdAt)} av {t.package.createdBy.displayName}
              </dd>
            </>
          ) : null}
          {t.completion ? (
            <>
              <dt>Överflyttat</dt>
              <dd>
                Paketet skickades {formatDate(t.completion.sentOn)}. Ärendet avslutades{' '}
                {formatDateTime(t.completion.completedAt)} av {t.completion.completedBy.displayName}
                .
              </dd>
            </>
          ) : null}
        </dl>
        {t.package ? (
          <VStack gap="space-8">
            <Heading level="5" size="xsmall" id={`${titleId}-dokument`}>
              Dokument i paketet
            </Heading>
            {t.package.documents.length === 0 ? (
              <BodyShort>Paketet innehåller inga dokument.</BodyShort>
            ) : (
              <ul className="plain-list" aria-labelledby={`${titleId}-dokument`}>
                {t.package.documents.map((d) => (
                  <li key={d.filename}>
                    {d.title} ({d.filename})
                  </li>
                ))}
              </ul>
            )}
            <div>
              <Link href={href} download={packageFilename}>
                <DownloadIcon aria-hidden />
                Ladda ned överflyttningspaketet ({packageFilename})
              </Link>
            </div>
          </VStack>
        ) : null}
        {t.problems.length > 0 ? (
          <Alert variant="warning" size="small">
            <Heading level="5" size="xsmall" spacing>
              Det här hindrar nästa steg
            </Heading>
            <ul>
              {t.problems.map((p) => (
                <li key={p}>{p}</li>
              ))}
            </ul>
          </Alert>
        ) : null}
        {t.stage === 'requested' && t.mayApprove ? (
          <ApproveForm caseId={detail.id} transfer={t} onDone={onDone} />
        ) : null}
        {t.stage === 'approved' && canWrite ? (
          <AnswerForm caseId={detail.id} transfer={t} onDone={onDone} />
        ) : null}
        {t.stage === 'accepted' && canWrite ? (
          <PackageForm caseId={detail.id} transfer={t} onDone={onDone} />
        ) : null}
        {t.stage === 'packaged' && canWrite ? <CompleteForm detail={detail} transfer={t} /> : null}
      </VStack>
    </article>
  );
}

const requestFormId = 'begar-overflyttning';

/** "Begär överflyttning": where to, how the request reaches them, and the grounds for it. */
function RequestForm({ caseId, onDone }: { caseId: string; onDone: Done }) {
  const queryClient = useQueryClient();
  const form = useContractForm(requestTransfer, {
    formId: requestFormId,
    initial: {
      receivingMunicipality: '',
      channelKind: '',
      channelValue: '',
      grounds: '',
      wishes: '',
      duration: '',
    },
    paths: { channelKind: 'channel.kind', channelValue: 'channel.value' },
    unchosen: { channelKind: 'Välj hur begäran skickas.' },
    toBody: (v) => ({
      receivingMunicipality: v.receivingMunicipality,
      channel: { kind: v.channelKind, value: v.channelValue },
      grounds: v.grounds,
      wishes: v.wishes,
      duration: v.duration,
    }),
    send: (body) => call(requestTransfer, { params: { caseId }, body }),
    clearOnSuccess: true,
    onSuccess: (result, body) => {
      void queryClient.invalidateQueries({ queryKey: transfersKey(caseId) });
      onDone(
        result.id,
        `Begäran om överflyttning till ${body.receivingMunicipality} är sparad. Enhetschefen beslutar om den ska göras.`,
      );
    },
  });
  return (
    <form {...form.formProps} aria-labelledby={`${requestFormId}-rubrik`} className="step-form">
      <VStack gap="space-16">
        <Heading level="3" size="medium" id={`${requestFormId}-rubrik`}>
          Begär överflyttning
        </Heading>
        <BodyLong>
          Begäran skickas till socialtjänsten i den mottagande kommunen när enhetschefen har
          beslutat att den ska göras.
        </BodyLong>
        <FormErrorSummary {...form.summaryProps} />
        <ApiErrorAlert error={form.generalError} />
        <TextField
          {...form.text('receivingMunicipality')}
          label="Mottagande kommun"
          autoComplete="off"
        />
        <Select
          {...form.select('channelKind')}
          className="field-narrow"
          label="Kontaktväg dit begäran skickas"
          description="Den mottagande kommunens socialtjänst."
        >
          <option value="">Välj</option>
          {channelKinds.map((k) => (
            <option key={k} value={k}>
              {contactKindLabels[k]}
            </option>
          ))}
        </Select>
        <TextField
          {...form.text('channelValue')}
          label="Kontaktuppgift dit begäran skickas"
          autoComplete="off"
        />
        <Textarea
          {...form.longText('grounds')}
          label="Personens anknytning till kommunen"
          description="Varför personen har starkast anknytning till den mottagande kommunen."
          minRows={3}
        />
        <Textarea {...form.longText('wishes')} label="Personens önskemål" minRows={2} />
        <Textarea
          {...form.longText('duration')}
          label="Hjälpbehovets varaktighet"
          description="Hur länge behovet av hjälp väntas bestå."
          minRows={2}
        />
        <div>
          <Button type="submit" loading={form.mutation.isPending}>
            Begär överflyttning
          </Button>
        </div>
      </VStack>
    </form>
  );
}

/** The enhetschef's decision to request the transfer. */
function ApproveForm({
  caseId,
  transfer: t,
  onDone,
}: {
  caseId: string;
  transfer: Transfer;
  onDone: Done;
}) {
  const queryClient = useQueryClient();
  const form = useContractForm(approveTransfer, {
    formId: `besluta-${t.id}`,
    initial: {},
    send: (body) => call(approveTransfer, { params: { caseId, transferId: t.id }, body }),
    onSuccess: () => {
      void queryClient.invalidateQueries({ queryKey: transfersKey(caseId) });
      onDone(
        t.id,
        `Beslutet är fattat: begäran om överflyttning till ${t.receivingMunicipality} ska skickas.`,
      );
    },
  });
  return (
    <form
      {...form.formProps}
      aria-label={`Beslut att begära överflyttning till ${t.receivingMunicipality}`}
    >
      <VStack gap="space-8" align="start">
        <ApiErrorAlert error={form.generalError} size="small" />
        <Button type="submit" loading={form.mutation.isPending}>
          Besluta att begära överflyttning
        </Button>
      </VStack>
    </form>
  );
}

/** The receiving municipality's answer, as it decided. */
function AnswerForm({
  caseId,
  transfer: t,
  onDone,
}: {
  caseId: string;
  transfer: Transfer;
  onDone: Done;
}) {
  const queryClient = useQueryClient();
  const formId = `svar-${t.id}`;
  const form = useContractForm(recordTransferAnswer, {
    formId,
    initial: { outcome: '', decidedOn: stockholmToday(), reference: '', comment: '' },
    unchosen: { outcome: 'Ange om kommunen tog emot ärendet.' },
    send: (body) => call(recordTransferAnswer, { params: { caseId, transferId: t.id }, body }),
    onSuccess: (_result, body) => {
      void queryClient.invalidateQueries({ queryKey: transfersKey(caseId) });
      onDone(
        t.id,
        body.outcome === 'accepted'
          ? `Svaret är registrerat: ${t.receivingMunicipality} godtar överflyttningen. Ta fram överflyttningspaketet.`
          : `Svaret är registrerat: ${t.receivingMunicipality} avslår överflyttningen.`,
      );
    },
  });
  return (
    <form {...form.formProps} aria-labelledby={`${formId}-rubrik`} className="step-form">
      <VStack gap="space-16">
        <Heading level="5" size="small" id={`${formId}-rubrik`}>
          Registrera svaret
        </Heading>
        <FormErrorSummary {...form.summaryProps} />
        <ApiErrorAlert error={form.generalError} />
        <RadioGroup {...form.choice('outcome')} legend={`Vad svarade ${t.receivingMunicipality}?`}>
          <Radio value="accepted">Godtar</Radio>
          <Radio value="refused">Avslår</Radio>
        </RadioGroup>
        <DateField {...form.text('decidedOn')} label="Beslutsdatum" />
        <TextField
          {...form.text('reference')}
          label="Diarienummer (valfritt)"
          description="Den mottagande kommunens diarienummer."
          autoComplete="off"
        />
        <Textarea {...form.longText('comment')} label="Kommentar (valfritt)" minRows={2} />
        <div>
          <Button type="submit" loading={form.mutation.isPending}>
            Registrera svaret
          </Button>
        </div>
      </VStack>
    </form>
  );
}

/**
 * Produces the package; refused while anything in it would leak. A document the guard stops can
 * be left out (an utredning closed with its beslut cannot be corrected any more): the package
 * then says that it exists.
 */
function PackageForm({
  caseId,
  transfer: t,
  onDone,
}: {
  caseId: string;
  transfer: Transfer;
  onDone: Done;
}) {
  const queryClient = useQueryClient();
  const leaking = t.candidates.filter((c) => c.leaks).map((c) => c.filename);
  const form = useContractForm(produceTransferPackage, {
    formId: `paket-${t.id}`,
    initial: { leaveOut: leaking },
    send: (body) => call(produceTransferPackage, { params: { caseId, transferId: t.id }, body }),
    onSuccess: () => {
      void queryClient.invalidateQueries({ queryKey: transfersKey(caseId) });
      onDone(
        t.id,
        'Överflyttningspaketet är framtaget. Ladda ned det och skicka det till den mottagande kommunen.',
      );
    },
  });
  return (
    <form {...form.formProps} aria-label={`Överflyttningspaket till ${t.receivingMunicipality}`}>
      <VStack gap="space-8" align="start">
        <ApiErrorAlert error={form.generalError} size="small" />
        {t.candidates.length > 0 ? (
          <CheckboxGroup
            id={form.idOf('leaveOut')}
            legend="Dokument som lämnas utanför paketet"
            description="Ett dokument med skyddade personuppgifter följer inte med. Paketet anger att det finns."
            value={form.values.leaveOut}
            onChange={(value: string[]) => {
              form.set({ leaveOut: value });
            }}
            error={form.errorOf('leaveOut')}
          >
            {t.candidates.map((c) => (
              <Checkbox key={c.filename} value={c.filename}>
                {c.leaks ? `${c.title} (innehåller skyddade personuppgifter)` : c.title}
              </Checkbox>
            ))}
          </CheckboxGroup>
        ) : null}
        <Button type="submit" loading={form.mutation.isPending}>
          Ta fram överflyttningspaket
        </Button>
      </VStack>
    </form>
  );
}

/** The package has been sent: the case is closed here with the transfer recorded. */
function CompleteForm({ detail, transfer: t }: { detail: CaseDetail; transfer: Transfer }) {
  const refresh = useRefreshCase(detail.id);
  const leave = useLeaveClosedCase(detail.id);
  const formId = `avsluta-${t.id}`;
  const form = useContractForm(completeTransfer, {
    formId,
    initial: { sentOn: stockholmToday() },
    // The version the person has in front of them, also after reloading it on a conflict.
    toBody: (v) => ({ ...v, version: detail.version }),
    send: (body) =>
      call(completeTransfer, { params: { caseId: detail.id, transferId: t.id }, body }),
    onSuccess: () => {
      // A closed case has no work relation any more: on to Mina ärenden, saying so.
      leave(
        `Överflyttat: ärendet för ${personName(detail.person)} är avslutat här och flyttat till ${t.receivingMunicipality}.`,
      );
    },
  });
  // The case closes as any case closes: the case flow's own answer, the same as the server's 409.
  const close = detail.abilities.steps.close;
  if (!close.allowed) {
    return (
      <section aria-labelledby={`${formId}-rubrik`} className="step-form">
        <VStack gap="space-16">
          <Heading level="5" size="small" id={`${formId}-rubrik`}>
            Avsluta ärendet som överflyttat
          </Heading>
          <Alert variant="warning" size="small">
            <BodyLong>
              {close.message ?? 'Ärendet kan inte avslutas nu.'} Därefter kan ärendet avslutas som
              överflyttat.
            </BodyLong>
          </Alert>
        </VStack>
      </section>
    );
  }
  return (
    <form {...form.formProps} aria-labelledby={`${formId}-rubrik`} className="step-form">
      <VStack gap="space-16">
        <Heading level="5" size="small" id={`${formId}-rubrik`}>
          Avsluta ärendet som överflyttat
        </Heading>
        <BodyLong>
          När paketet är skickat till {t.receivingMunicipality} avslutas ärendet här. Därefter
          dokumenteras inget mer i det.
        </BodyLong>
        <FormErrorSummary {...form.summaryProps} />
        <ChangeErrorAlert
          error={form.generalError}
          onReload={() => {
            form.forget();
            refresh('detail');
          }}
        />
        <DateField {...form.text('sentOn')} label="Datum då paketet skickades" />
        <div>
          <Button type="submit" loading={form.mutation.isPending}>
            Avsluta ärendet som överflyttat
          </Button>
        </div>
      </VStack>
    </form>
  );
}
