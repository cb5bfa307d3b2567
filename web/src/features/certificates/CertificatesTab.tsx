import { useEffect, useRef, useState } from 'react';
import type { ReactNode } from 'react';
import {
  Alert,
  BodyLong,
  BodyShort,
  Button,
  Checkbox,
  Fieldset,
  Heading,
  HStack,
  Link,
  Radio,
  RadioGroup,
  Tag,
  Textarea,
  VStack,
} from '@navikt/ds-react';
import { FilePdfIcon } from '@navikt/aksel-icons';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import {
  certificatePdfPath,
  issueCertificate,
  reviewCertificate,
} from '../../../../core/contracts/certificates.ts';
import type { Certificate } from '../../../../core/contracts/certificates.ts';
import { buildPath } from '../../../../core/contracts/contract.ts';
import type { CaseDetail } from '../../../../core/contracts/cases.ts';
import {
  certificatePurposeLabels,
  certificateSourceLabel,
} from '../../../../core/domain/certificates.ts';
import { call } from '../../api/client.ts';
import { contactKindLabels } from '../../app/labels.ts';
import { ApiErrorAlert } from '../../components/ApiErrorAlert.tsx';
import { FormActions } from '../../components/FormActions.tsx';
import { FormErrorSummary } from '../../components/FormErrorSummary.tsx';
import { formatDateTime } from '../../components/format.ts';
import { Loading } from '../../components/Loading.tsx';
import { useContractForm } from '../../components/useContractForm.ts';
import { CertificateForm } from './CertificateForm.tsx';
import {
  certificatesKey,
  certificatesQuery,
  certificateStatus,
  certificateStatusLabels,
} from './certificates.ts';

/**
 * The case's tab "Intyg": every intyg written in the case, newest first — drafts with what
 * stands in the way of issuing them, their reviews, and the issued ones with their PDF — and,
 * for whoever works the case, "Skriv intyg", "Ny version" and "Utfärda"; for someone who wrote
 * none of its versions and works with the case (the enhetschef), "Granska".
 */
export function CertificatesTab({ detail }: { detail: CaseDetail }) {
  const query = useQuery(certificatesQuery(detail.id));
  const [announcement, setAnnouncement] = useState<string | null>(null);
  if (query.isPending) return <Loading label="Hämtar intygen…" />;
  if (query.isError) return <ApiErrorAlert error={query.error} />;
  const data = query.data;
  const headingId = 'intyg-lista-rubrik';
  return (
    <VStack gap="space-32">
      <VStack gap="space-12">
        <Heading level="2" size="large">
          Intyg
        </Heading>
        <BodyLong>
          Intyg som socialtjänsten skriver på personens begäran, till exempel till Skatteverket,
          bostadskön eller ett målsägandebiträde. Ett intyg redovisar fakta och varifrån de kommer,
          granskas av någon annan än den som skrev det och ändras inte när det är utfärdat.
        </BodyLong>
      </VStack>
      <div role="status">
        {announcement ? <BodyShort weight="semibold">{announcement}</BodyShort> : null}
      </div>
      {data.canWrite ? (
        <Opener
          label="Skriv intyg"
          onOpen={() => {
            setAnnouncement(null);
          }}
        >
          {(close) => (
            <CertificateForm
              caseId={detail.id}
              onCancel={close}
              onDone={(message) => {
                close();
                setAnnouncement(message);
              }}
            />
          )}
        </Opener>
      ) : null}
      <section aria-labelledby={headingId}>
        <VStack gap="space-16">
          <Heading level="3" size="medium" id={headingId}>
            Intyg i ärendet
          </Heading>
          {data.certificates.length === 0 ? (
            <BodyShort textColor="subtle">Inga intyg är skrivna i ärendet.</BodyShort>
          ) : (
            <ul className="counterpart-list" aria-labelledby={headingId}>
              {data.certificates.map((c) => (
                <li key={c.id}>
                  <CertificateCard
                    caseId={detail.id}
                    certificate={c}
                    canWrite={data.canWrite}
                    onDone={setAnnouncement}
                  />
                </li>
              ))}
            </ul>
          )}
        </VStack>
      </section>
    </VStack>
  );
}

/**
 * A button that opens a form in its place; back from the form, focus goes to the button.
 */
function Opener({
  label,
  variant = 'primary',
  onOpen,
  children,
}: {
  label: ReactNode;
  variant?: 'primary' | 'secondary';
  onOpen?: () => void;
  children: (close: () => void) => ReactNode;
}) {
  const [open, setOpen] = useState(false);
  // Back from the form (not on first render), focus goes to the button that opened it.
  const [returned, setReturned] = useState(false);
  const buttonRef = useRef<HTMLButtonElement>(null);
  useEffect(() => {
    if (!open && returned) buttonRef.current?.focus();
  }, [open, returned]);
  if (open) {
    return (
      <>
        {children(() => {
          setReturned(true);
          setOpen(false);
        })}
      </>
    );
  }
  return (
    <div>
      <Button
        ref={buttonRef}
        type="button"
        variant={variant}
        onClick={() => {
          onOpen?.();
          setOpen(true);
        }}
      >
        {label}
      </Button>
    </div>
  );
}

const statusColor = {
  draft: 'neutral',
  reviewed: 'info',
  returned: 'warning',
  issued: 'success',
} as const;

export const certificateTitle = (c: Certificate) => `Intyg till ${c.current.recipient.name}`;

function CertificateCard({
  caseId,
  certificate: c,
  canWrite,
  onDone,
}: {
  caseId: string;
  certificate: Certificate;
  canWrite: boolean;
  onDone: (message: string | null) => void;
}) {
  const status = certificateStatus(c);
  const titleId = `intyg-${c.id}`;
  const content = c.current;
  const channel = content.recipient.channel;
  return (
    <article aria-labelledby={titleId} className="counterpart">
      <VStack gap="space-12">
        <HStack gap="space-8" align="center">
          <Heading level="4" size="small" id={titleId}>
            {certificateTitle(c)}
          </Heading>
          <Tag size="small" variant="outline" data-color={statusColor[status]}>
            {certificateStatusLabels[status]}
          </Tag>
        </HStack>
        <dl className="facts">
          <dt>Status</dt>
          <dd>{certificateStatusLabels[status]}</dd>
          <dt>Syfte</dt>
          <dd>{certificatePurposeLabels[content.purpose]}</dd>
          <dt>Syftet i ord</dt>
          <dd className="preserve-lines">{content.purposeText}</dd>
          <dt>Mottagare</dt>
          <dd>
            {content.recipient.name}
            {channel
              ? `, ${contactKindLabels[channel.kind].toLocaleLowerCase('sv')}: ${channel.value}`
              : ', lämnas till personen själv'}
          </dd>
          <dt>Vad som intygas</dt>
          <dd className="preserve-lines">{content.certifies}</dd>
          <dt>Version</dt>
          <dd>
            Version {c.version}, skriven {formatDateTime(c.writtenAt)} av {c.writtenBy.displayName}
          </dd>
          {c.issued ? (
            <>
              <dt>Utfärdat</dt>
              <dd>
                Version {c.issued.version}, {formatDateTime(c.issued.issuedAt)} av{' '}
                {c.issued.issuedBy.displayName}
              </dd>
            </>
          ) : null}
        </dl>
        <VStack gap="space-8">
          <Heading level="5" size="xsmall" id={`${titleId}-uppgifter`}>
            Uppgifter och deras källor
          </Heading>
          <ol className="plain-list" aria-labelledby={`${titleId}-uppgifter`}>
            {content.statements.map((s, i) => (
              <li key={i}>
                <BodyShort className="preserve-lines">{s.text}</BodyShort>
                <BodyShort size="small" textColor="subtle">
                  Källa: {certificateSourceLabel(s.source)}
                </BodyShort>
                {s.clearance ? (
                  <BodyShort size="small" className="preserve-lines">
                    Sekretessprövning: {s.clearance}
                  </BodyShort>
                ) : null}
              </li>
            ))}
          </ol>
        </VStack>
        {c.problems.length > 0 ? (
          <Alert variant="warning" size="small">
            <Heading level="5" size="xsmall" spacing>
              Innan intyget kan utfärdas
            </Heading>
            <ul>
              {c.problems.map((p) => (
                <li key={p}>{p}</li>
              ))}
            </ul>
          </Alert>
        ) : null}
        {c.reviews.length > 0 ? (
          <VStack gap="space-8">
            <Heading level="5" size="xsmall" id={`${titleId}-granskningar`}>
              Granskningar
            </Heading>
            <ul className="plain-list" aria-labelledby={`${titleId}-granskningar`}>
              {c.reviews.map((r) => (
                <li key={r.id}>
                  <BodyShort>
                    Version {r.version}: {r.outcome === 'approved' ? 'Godkänt' : 'Återlämnat'}
                    {r.comment ? ` – ${r.comment}` : ''}
                  </BodyShort>
                  <BodyShort size="small" textColor="subtle">
                    Granskat {formatDateTime(r.reviewedAt)} av {r.reviewedBy.displayName}
                  </BodyShort>
                </li>
              ))}
            </ul>
          </VStack>
        ) : null}
        {c.issued ? (
          <div>
            <Link
              href={buildPath(certificatePdfPath, { caseId, certificateId: c.id })}
              target="_blank"
            >
              <FilePdfIcon aria-hidden />
              Öppna intyget (PDF)
              <span className="visually-hidden"> (öppnas i en ny flik)</span>
            </Link>
          </div>
        ) : (
          <>
            {c.mayReview ? (
              <Opener
                label="Granska"
                variant="secondary"
                onOpen={() => {
                  onDone(null);
                }}
              >
                {(close) => (
                  <ReviewForm
                    caseId={caseId}
                    certificate={c}
                    onCancel={close}
                    onDone={(message) => {
                      close();
                      onDone(message);
                    }}
                  />
                )}
              </Opener>
            ) : null}
            {canWrite && c.problems.length === 0 ? (
              <IssueForm caseId={caseId} certificate={c} onDone={onDone} />
            ) : null}
            {canWrite ? (
              <Opener
                label={
                  <>
                    Ny version<span className="visually-hidden"> av {certificateTitle(c)}</span>
                  </>
                }
                variant="secondary"
                onOpen={() => {
                  onDone(null);
                }}
              >
                {(close) => (
                  <CertificateForm
                    caseId={caseId}
                    certificate={c}
                    onCancel={close}
                    onDone={(message) => {
                      close();
                      onDone(message);
                    }}
                  />
                )}
              </Opener>
            ) : null}
          </>
        )}
      </VStack>
    </article>
  );
}

/**
 * "Granska": the newest version approved, with the three things the sources ask of every intyg
 * confirmed, or returned with what must change.
 */
function ReviewForm({
  caseId,
  certificate,
  onCancel,
  onDone,
}: {
  caseId: string;
  certificate: Certificate;
  onCancel: () => void;
  onDone: (message: string) => void;
}) {
  const queryClient = useQueryClient();
  const formId = `granska-${certificate.id}`;
  const headingRef = useRef<HTMLHeadingElement>(null);
  useEffect(() => {
    headingRef.current?.focus();
  }, []);
  const form = useContractForm(reviewCertificate, {
    formId,
    initial: {
      outcome: '',
      comment: '',
      purposeClear: false,
      factsOnly: false,
      sourcesShown: false,
    },
    paths: {
      purposeClear: 'confirmed.purposeClear',
      factsOnly: 'confirmed.factsOnly',
      sourcesShown: 'confirmed.sourcesShown',
    },
    unchosen: { outcome: 'Ange om intyget godkänns eller lämnas tillbaka.' },
    toBody: (v) => ({
      version: certificate.version,
      outcome: v.outcome,
      comment: v.comment.trim() === '' ? null : v.comment,
      confirmed: {
        purposeClear: v.purposeClear,
        factsOnly: v.factsOnly,
        sourcesShown: v.sourcesShown,
      },
    }),
    send: (body) =>
      call(reviewCertificate, { params: { caseId, certificateId: certificate.id }, body }),
    onSuccess: (_, body) => {
      void queryClient.invalidateQueries({ queryKey: certificatesKey(caseId) });
      onDone(
        body.outcome === 'approved'
          ? `Version ${String(body.version)} av intyget är granskad och godkänd.`
          : `Version ${String(body.version)} av intyget är återlämnad till handläggaren.`,
      );
    },
  });
  const title = `Granska ${certificateTitle(certificate)}, version ${String(certificate.version)}`;
  return (
    <form {...form.formProps} aria-labelledby={`${formId}-rubrik`} className="step-form">
      <VStack gap="space-16">
        <Heading level="5" size="small" id={`${formId}-rubrik`} ref={headingRef} tabIndex={-1}>
          {title}
        </Heading>
        <FormErrorSummary {...form.summaryProps} />
        <ApiErrorAlert error={form.generalError} />
        <RadioGroup {...form.choice('outcome')} legend="Granskningens utfall">
          <Radio value="approved">Godkänn intyget</Radio>
          <Radio value="returned">Lämna tillbaka intyget</Radio>
        </RadioGroup>
        {form.values.outcome === 'approved' ? (
          <Fieldset
            legend="Bekräfta innan du godkänner"
            id={form.idOf('confirmed')}
            error={form.errorOf('confirmed')}
          >
            <Checkbox {...form.flag('purposeClear')}>Syftet med intyget framgår tydligt</Checkbox>
            <Checkbox {...form.flag('factsOnly')}>
              Intyget redovisar bara fakta, inga nya bedömningar
            </Checkbox>
            <Checkbox {...form.flag('sourcesShown')}>Varje uppgifts källa framgår</Checkbox>
          </Fieldset>
        ) : null}
        <Textarea
          {...form.longText('comment')}
          label={
            form.values.outcome === 'returned'
              ? 'Vad som behöver ändras'
              : 'Kommentar (frivillig när du godkänner)'
          }
          minRows={2}
        />
        <FormActions
          submit="Spara granskningen"
          pending={form.mutation.isPending}
          onCancel={onCancel}
        />
      </VStack>
    </form>
  );
}

/** "Utfärda": the reviewed newest version leaves, and is never changed again. */
function IssueForm({
  caseId,
  certificate,
  onDone,
}: {
  caseId: string;
  certificate: Certificate;
  onDone: (message: string) => void;
}) {
  const queryClient = useQueryClient();
  const formId = `utfarda-${certificate.id}`;
  const form = useContractForm(issueCertificate, {
    formId,
    initial: {},
    toBody: () => ({ version: certificate.version }),
    send: (body) =>
      call(issueCertificate, { params: { caseId, certificateId: certificate.id }, body }),
    onSuccess: (result) => {
      void queryClient.invalidateQueries({ queryKey: certificatesKey(caseId) });
      onDone(`Intyget är utfärdat, version ${String(result.version)}.`);
    },
  });
  return (
    <form {...form.formProps} aria-label={`Utfärda ${certificateTitle(certificate)}`}>
      <VStack gap="space-8" align="start">
        <ApiErrorAlert error={form.generalError} size="small" />
        <Button type="submit" loading={form.mutation.isPending}>
          Utfärda<span className="visually-hidden"> {certificateTitle(certificate)}</span>
        </Button>
      </VStack>
    </form>
  );
}
