import { useEffect, useRef } from 'react';
import {
  BodyShort,
  Fieldset,
  Heading,
  Select,
  Textarea,
  TextField,
  VStack,
} from '@navikt/ds-react';
import { useQueryClient } from '@tanstack/react-query';
import { createCertificate, reviseCertificate } from '../../../../core/contracts/certificates.ts';
import type { Certificate } from '../../../../core/contracts/certificates.ts';
import {
  certificatePurposeLabels,
  certificatePurposes,
  certificateSourceKinds,
  certificateSourceLabels,
} from '../../../../core/domain/certificates.ts';
import { call } from '../../api/client.ts';
import { contactKindLabels } from '../../app/labels.ts';
import { ApiErrorAlert } from '../../components/ApiErrorAlert.tsx';
import { FormActions } from '../../components/FormActions.tsx';
import { FormErrorSummary } from '../../components/FormErrorSummary.tsx';
import { useContractForm } from '../../components/useContractForm.ts';
import { rowLabel, RowList } from '../coordination-meetings/RowList.tsx';
import { certificatesKey } from './certificates.ts';

interface StatementRow {
  text: string;
  /** A source kind, or '' while unchosen. */
  kind: string;
  detail: string;
  clearance: string;
}

const newStatement = (): StatementRow => ({ text: '', kind: '', detail: '', clearance: '' });

const channelKinds = ['phone', 'email', 'address', 'digital_mailbox'] as const;

/** The values a new intyg starts from, or a new version from the one it revises. */
function initialValues(certificate: Certificate | undefined) {
  const c = certificate?.current;
  return {
    purpose: c?.purpose ?? '',
    purposeText: c?.purposeText ?? '',
    recipientName: c?.recipient.name ?? '',
    channelKind: c?.recipient.channel?.kind ?? '',
    channelValue: c?.recipient.channel?.value ?? '',
    certifies: c?.certifies ?? '',
    statements: c?.statements.map((s) => ({
      text: s.text,
      kind: s.source.kind,
      detail: s.source.detail ?? '',
      clearance: s.clearance ?? '',
    })) ?? [newStatement()],
  };
}

const blankToNull = (v: string) => (v.trim() === '' ? null : v);

/**
 * "Skriv intyg", or "Ny version" of a draft (from the version seen, so a change made meanwhile
 * answers 409): why it is written, to whom, what it certifies, and each statement with where it
 * comes from — and, for a statement about someone else, the secrecy test that found it may be
 * given. Saved as a draft; it leaves only once reviewed and issued.
 */
export function CertificateForm({
  caseId,
  certificate,
  onCancel,
  onDone,
}: {
  caseId: string;
  /** The draft revised; none for a new intyg. */
  certificate?: Certificate;
  onCancel: () => void;
  onDone: (message: string) => void;
}) {
  const queryClient = useQueryClient();
  const formId = certificate ? `ny-version-${certificate.id}` : 'nytt-intyg';
  const title = certificate
    ? `Ny version av intyget, version ${certificate.version + 1}`
    : 'Skriv intyg';
  const headingRef = useRef<HTMLHeadingElement>(null);
  useEffect(() => {
    headingRef.current?.focus();
  }, []);
  // One form for both: a new version is the same content with the version it starts from.
  const contract = (
    certificate ? reviseCertificate : createCertificate
  ) as typeof reviseCertificate;
  const form = useContractForm(contract, {
    formId,
    initial: initialValues(certificate),
    paths: {
      recipientName: 'recipient.name',
      channelKind: 'recipient.channel.kind',
      channelValue: 'recipient.channel.value',
    },
    unchosen: { purpose: 'Välj syftet med intyget.' },
    toBody: (v) => ({
      ...(certificate ? { version: certificate.version } : {}),
      purpose: v.purpose,
      purposeText: v.purposeText,
      recipient: {
        name: v.recipientName,
        channel: v.channelKind === '' ? null : { kind: v.channelKind, value: v.channelValue },
      },
      certifies: v.certifies,
      statements: v.statements.map((s) => ({
        text: s.text,
        source: { kind: s.kind, detail: blankToNull(s.detail) },
        clearance: blankToNull(s.clearance),
      })),
    }),
    send: (body) =>
      certificate
        ? call(reviseCertificate, {
            params: { caseId, certificateId: certificate.id },
            body,
          })
        : call(createCertificate, { params: { caseId }, body }),
    onSuccess: (result) => {
      void queryClient.invalidateQueries({ queryKey: certificatesKey(caseId) });
      onDone(
        certificate
          ? `Version ${String(result.version)} av intyget är sparad. Den behöver granskas innan intyget utfärdas.`
          : 'Intyget är sparat som utkast. Det behöver granskas innan det utfärdas.',
      );
    },
  });
  const rows = form.values.statements;
  const setRow = (i: number, patch: Partial<StatementRow>) => {
    form.set({ statements: rows.map((r, j) => (j === i ? { ...r, ...patch } : r)) });
  };
  const field = (i: number, name: string) => ({
    id: form.idOf(`statements.${String(i)}.${name}`),
    error: form.errorOf(`statements.${String(i)}.${name}`),
  });
  return (
    <form {...form.formProps} aria-labelledby={`${formId}-rubrik`} className="step-form">
      <VStack gap="space-16">
        <Heading level="3" size="medium" id={`${formId}-rubrik`} ref={headingRef} tabIndex={-1}>
          {title}
        </Heading>
        <BodyShort>
          Ett intyg redovisar fakta, inte nya bedömningar, och för varje uppgift varifrån den
          kommer. Det sparas som utkast och granskas av någon annan än den som skrev det innan det
          utfärdas.
        </BodyShort>
        <FormErrorSummary {...form.summaryProps} />
        <ApiErrorAlert error={form.generalError} />
        <Select {...form.select('purpose')} label="Syfte">
          <option value="">Välj syfte</option>
          {certificatePurposes.map((p) => (
            <option key={p} value={p}>
              {certificatePurposeLabels[p]}
            </option>
          ))}
        </Select>
        <Textarea
          {...form.longText('purposeText')}
          label="Syftet med intyget"
          description="Med dina ord: varför intyget skrivs, till exempel underlag till målsägandebiträdet inför rättegången."
          minRows={2}
        />
        <Fieldset legend="Mottagare">
          <VStack gap="space-12">
            <TextField
              {...form.text('recipientName')}
              label="Vem intyget ska till"
              description="Namn och roll, till exempel Advokat Eva Ek, målsägandebiträde."
              autoComplete="off"
            />
            <Select
              {...form.select('channelKind')}
              label="Hur intyget skickas"
              onChange={(e) => {
                form.set({
                  channelKind: e.target.value,
                  ...(e.target.value === '' ? { channelValue: '' } : {}),
                });
              }}
            >
              <option value="">Lämnas till personen själv</option>
              {channelKinds.map((k) => (
                <option key={k} value={k}>
                  {contactKindLabels[k]}
                </option>
              ))}
            </Select>
            {form.values.channelKind !== '' ? (
              <TextField
                {...form.text('channelValue')}
                label="Dit intyget skickas"
                description="Telefonnummer, e-postadress eller adress."
                autoComplete="off"
              />
            ) : null}
          </VStack>
        </Fieldset>
        <Textarea
          {...form.longText('certifies')}
          label="Vad som intygas"
          description="En eller några meningar."
          minRows={2}
        />
        <Fieldset
          legend="Uppgifter och deras källor"
          description="Varje uppgift med varifrån den kommer. Det någon annan har berättat redovisas som det."
          id={form.idOf('statements')}
          error={form.errorOf('statements')}
        >
          <RowList
            count={rows.length}
            noun="uppgift"
            min={1}
            addLabel="Lägg till en uppgift"
            onAdd={() => {
              form.set({ statements: [...rows, newStatement()] });
            }}
            onRemove={(i) => {
              form.set({ statements: rows.filter((_, j) => j !== i) });
            }}
          >
            {(i, rowName) => {
              const row = rows[i] ?? newStatement();
              return (
                <>
                  <Textarea
                    {...field(i, 'text')}
                    label={rowLabel('Text', rowName)}
                    minRows={2}
                    value={row.text}
                    onChange={(e) => {
                      setRow(i, { text: e.target.value });
                    }}
                  />
                  <Select
                    {...field(i, 'source.kind')}
                    label={rowLabel('Källa', rowName)}
                    value={row.kind}
                    onChange={(e) => {
                      setRow(i, { kind: e.target.value });
                    }}
                  >
                    <option value="">Välj källa</option>
                    {certificateSourceKinds.map((k) => (
                      <option key={k} value={k}>
                        {certificateSourceLabels[k]}
                      </option>
                    ))}
                  </Select>
                  <TextField
                    {...field(i, 'source.detail')}
                    label={rowLabel('Vem eller vad uppgiften kommer från', rowName)}
                    description="Till exempel Polisen eller Riskbedömning 2026-11-02. Frivilligt när källan är personen själv eller din egen iakttagelse."
                    autoComplete="off"
                    value={row.detail}
                    onChange={(e) => {
                      setRow(i, { detail: e.target.value });
                    }}
                  />
                  <Textarea
                    {...field(i, 'clearance')}
                    label={rowLabel(
                      'Sekretessprövning (när uppgiften gäller någon annan)',
                      rowName,
                    )}
                    description="Behövs när uppgiften nämner någon annan än personen intyget gäller: varför uppgiften ändå kan lämnas ut. Lämna tomt när uppgiften bara gäller personen själv."
                    minRows={2}
                    value={row.clearance}
                    onChange={(e) => {
                      setRow(i, { clearance: e.target.value });
                    }}
                  />
                </>
              );
            }}
          </RowList>
        </Fieldset>
        <FormActions
          submit={certificate ? 'Spara den nya versionen' : 'Spara intyget'}
          pending={form.mutation.isPending}
          onCancel={onCancel}
        />
      </VStack>
    </form>
  );
}
