import { useEffect, useMemo, useRef, useState } from 'react';
import {
  BodyLong,
  BodyShort,
  Button,
  Checkbox,
  CheckboxGroup,
  Heading,
  HStack,
  Radio,
  RadioGroup,
  Select,
  Table,
  Tag,
  Textarea,
  TextField,
  VStack,
} from '@navikt/ds-react';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import type { CaseDetail } from '../../../../core/contracts/cases.ts';
import {
  attachConsentDocument,
  listConsents,
  recordConsent,
  revokeConsent,
} from '../../../../core/contracts/consents.ts';
import type {
  CaseConsents,
  Consent,
  ConsentStatus,
  Disclosure,
} from '../../../../core/contracts/consents.ts';
import { consentWayLabels, consentWays } from '../../../../core/domain/commissions.ts';
import {
  disclosurePurposeLabels,
  disclosurePurposes,
  informationCategoryLabels,
  recipientKindLabels,
  recipientKinds,
} from '../../../../core/domain/consents.ts';
import type { DisclosurePurpose, InformationCategory } from '../../../../core/domain/consents.ts';
import { call } from '../../api/client.ts';
import { ApiErrorAlert } from '../../components/ApiErrorAlert.tsx';
import { DateField } from '../../components/DateField.tsx';
import { stockholmToday } from '../../components/dates.ts';
import { FormActions } from '../../components/FormActions.tsx';
import { FormErrorSummary } from '../../components/FormErrorSummary.tsx';
import { formatDate, formatDateTime } from '../../components/format.ts';
import { Loading } from '../../components/Loading.tsx';
import { useContractForm } from '../../components/useContractForm.ts';
import { caseKey } from '../cases/useCase.ts';
import {
  chosenDocumentErrors,
  ConsentDocumentList,
  ConsentDocumentPicker,
  documentBody,
  onThePicker,
} from './ConsentDocumentFields.tsx';
import type { ChosenDocument } from './ConsentDocumentFields.tsx';
import { CategoriesField } from './DisclosureGroundFields.tsx';

/**
 * The case's tab "Samtycken": the person's samtyckesregister — what she consented to share, with
 * whom, for what, from when until when and how — with each consent's status and its revocation;
 * for whoever works the case, the form for a new consent and "Återkalla" on each that still
 * holds; and every utlämnande made in the case with its ground: the consent, or the lagstöd with
 * its sekretessprövning. The server decides what a disclosure may rest on
 * (core/domain/consents.ts).
 */

/** Under the case's key; the uppdrag form reads the same register. */
export const consentsKey = (caseId: string) => [...caseKey(caseId), 'consents'] as const;

export const consentsQuery = (caseId: string) => ({
  queryKey: consentsKey(caseId),
  queryFn: () => call(listConsents, { params: { caseId } }),
});

export const consentStatusLabels: Record<ConsentStatus, string> = {
  valid: 'Gäller',
  expiring: 'Går ut snart',
  expired: 'Har gått ut',
  revoked: 'Återkallat',
};

const statusVariant = {
  valid: 'success',
  expiring: 'warning',
  expired: 'neutral',
  revoked: 'error',
} as const;

export function ConsentStatusTag({ status }: { status: ConsentStatus }) {
  return (
    <Tag variant={statusVariant[status]} size="small">
      {consentStatusLabels[status]}
    </Tag>
  );
}

const categoryList = (categories: readonly InformationCategory[]) =>
  categories.map((k) => informationCategoryLabels[k]).join(', ');

/** A consent as a list or a select names it: "2026-12-01 till Skyddat boende Fristad". */
export const consentTitle = (c: Pick<Consent, 'givenOn' | 'recipient'>) =>
  `${formatDate(c.givenOn)} till ${c.recipient.name}`;

export function ConsentsTab({ detail }: { detail: CaseDetail }) {
  const query = useQuery(consentsQuery(detail.id));
  const [announcement, setAnnouncement] = useState<string | null>(null);
  if (query.isPending) return <Loading label="Hämtar samtyckena…" />;
  if (query.isError) return <ApiErrorAlert error={query.error} />;
  const data = query.data;
  const mayWrite = data.options !== null;
  return (
    <VStack gap="space-32">
      <VStack gap="space-12">
        <Heading level="2" size="large">
          Samtycken
        </Heading>
        <BodyLong>
          Uppgifter om personen lämnas ut bara med personens samtycke eller med stöd av lag efter en
          sekretessprövning. Samtyckesregistret visar vad personen har samtyckt till, till vilken
          mottagare och för vilket syfte. Ett återkallat samtycke gäller inte längre från den stund
          återkallelsen registreras.
        </BodyLong>
      </VStack>
      <div role="status">
        {announcement ? <BodyShort weight="semibold">{announcement}</BodyShort> : null}
      </div>
      <section aria-labelledby="samtyckesregister-rubrik">
        <VStack gap="space-16">
          <Heading level="3" size="medium" id="samtyckesregister-rubrik">
            Samtyckesregister
          </Heading>
          {data.consents.length === 0 ? (
            <BodyShort textColor="subtle">Inga samtycken är registrerade i ärendet.</BodyShort>
          ) : (
            <ul className="counterpart-list" aria-label="Registrerade samtycken">
              {data.consents.map((c) => (
                <li key={c.id}>
                  <ConsentCard
                    caseId={detail.id}
                    consent={c}
                    mayRevoke={mayWrite}
                    onDone={setAnnouncement}
                  />
                </li>
              ))}
            </ul>
          )}
        </VStack>
      </section>
      {data.options ? (
        <ConsentForm
          caseId={detail.id}
          options={data.options}
          onDone={() => {
            setAnnouncement(null);
          }}
        />
      ) : null}
      <DisclosureList data={data} />
    </VStack>
  );
}

function ConsentCard({
  caseId,
  consent: c,
  mayRevoke,
  onDone,
}: {
  caseId: string;
  consent: Consent;
  mayRevoke: boolean;
  onDone: (message: string) => void;
}) {
  const [open, setOpen] = useState<'revoke' | 'attach' | null>(null);
  const headingRef = useRef<HTMLHeadingElement>(null);
  const revokeRef = useRef<HTMLButtonElement>(null);
  const attachRef = useRef<HTMLButtonElement>(null);
  /** The form closed last, whose button gets the focus back. */
  const closed = useRef<'revoke' | 'attach' | null>(null);
  const headingId = `samtycke-${c.id}`;
  const title = consentTitle(c);
  const holds = c.status === 'valid' || c.status === 'expiring';
  // A written consent gets its signed form attached whatever its status: a revoked one's too.
  const mayAttach = mayRevoke && c.way === 'written';
  // Back from a form, focus goes where the person was: its button, or the heading once the
  // consent is revoked and the button is gone.
  useEffect(() => {
    if (open !== null || closed.current === null) return;
    const button = closed.current === 'revoke' ? revokeRef : attachRef;
    closed.current = null;
    (button.current ?? headingRef.current)?.focus();
  }, [open]);
  const close = () => {
    closed.current = open;
    setOpen(null);
  };
  return (
    <article aria-labelledby={headingId} className="counterpart">
      <VStack gap="space-8">
        <HStack gap="space-8" align="center">
          <Heading level="4" size="small" id={headingId} ref={headingRef} tabIndex={-1}>
            Samtycke {title}
          </Heading>
          <ConsentStatusTag status={c.status} />
        </HStack>
        <dl className="facts">
          <dt>Uppgifter</dt>
          <dd>{categoryList(c.categories)}</dd>
          <dt>Mottagare</dt>
          <dd>
            {c.recipient.name} ({recipientKindLabels[c.recipient.kind].toLowerCase()})
          </dd>
          <dt>Syfte</dt>
          <dd>{c.purposes.map((p) => disclosurePurposeLabels[p]).join(', ')}</dd>
          <dt>Syftet med personens ord</dt>
          <dd className="preserve-lines">{c.purposeText}</dd>
          <dt>Gäller</dt>
          <dd>
            {formatDate(c.givenOn)} – {formatDate(c.validUntil)}
          </dd>
          <dt>Hur</dt>
          <dd>
            {consentWayLabels[c.way]}
            {c.documentReference ? `. Det skriftliga samtycket finns: ${c.documentReference}` : ''}
          </dd>
          {c.documents.length > 0 ? (
            <>
              <dt>Dokument</dt>
              <dd>
                <ConsentDocumentList caseId={caseId} consent={c} />
              </dd>
            </>
          ) : null}
          <dt>Registrerat</dt>
          <dd>
            {formatDateTime(c.recordedAt)} av {c.recordedBy.displayName}
          </dd>
          {c.revocation ? (
            <>
              <dt>Återkallat</dt>
              <dd>
                <div className="preserve-lines">
                  {formatDate(c.revocation.revokedOn)}: {c.revocation.how}
                </div>
                <BodyShort size="small" textColor="subtle">
                  Registrerat {formatDateTime(c.revocation.recordedAt)} av{' '}
                  {c.revocation.recordedBy.displayName}
                </BodyShort>
              </dd>
            </>
          ) : null}
        </dl>
        {open === null && ((mayRevoke && holds) || mayAttach) ? (
          <HStack gap="space-12">
            {/* Here mayRevoke is true: only those who may revoke may attach. */}
            {holds ? (
              <Button
                ref={revokeRef}
                type="button"
                size="small"
                variant="secondary"
                onClick={() => {
                  setOpen('revoke');
                }}
              >
                Återkalla<span className="visually-hidden"> samtycket {title}</span>
              </Button>
            ) : null}
            {mayAttach ? (
              <Button
                ref={attachRef}
                type="button"
                size="small"
                variant="secondary"
                onClick={() => {
                  setOpen('attach');
                }}
              >
                Bifoga dokument<span className="visually-hidden"> till samtycket {title}</span>
              </Button>
            ) : null}
          </HStack>
        ) : null}
        {open === 'attach' ? (
          <AttachDocumentForm
            caseId={caseId}
            consent={c}
            onCancel={close}
            onDone={() => {
              close();
              onDone(`Dokumentet är bifogat till samtycket ${title}.`);
            }}
          />
        ) : null}
        {open === 'revoke' ? (
          <RevokeForm
            caseId={caseId}
            consent={c}
            onCancel={close}
            onDone={() => {
              close();
              onDone(`Samtycket ${title} är återkallat.`);
            }}
          />
        ) : null}
      </VStack>
    </article>
  );
}

function RevokeForm({
  caseId,
  consent,
  onCancel,
  onDone,
}: {
  caseId: string;
  consent: Consent;
  onCancel: () => void;
  onDone: () => void;
}) {
  const queryClient = useQueryClient();
  const formId = `aterkalla-${consent.id}`;
  const headingRef = useRef<HTMLHeadingElement>(null);
  useEffect(() => {
    headingRef.current?.focus();
  }, []);
  const form = useContractForm(revokeConsent, {
    formId,
    initial: { revokedOn: stockholmToday(), how: '' },
    send: (body) => call(revokeConsent, { params: { caseId, consentId: consent.id }, body }),
    onSuccess: () => {
      // A revocation reaches everything the consent grounded: the case's uppdrag, plans and
      // deadlines, and the samråd its presences are in.
      void queryClient.invalidateQueries({ queryKey: caseKey(caseId) });
      void queryClient.invalidateQueries({ queryKey: ['meetings'] });
      onDone();
    },
  });
  return (
    <form {...form.formProps} aria-labelledby={`${formId}-rubrik`} className="step-form">
      <VStack gap="space-16">
        <Heading level="5" size="xsmall" id={`${formId}-rubrik`} ref={headingRef} tabIndex={-1}>
          Återkalla samtycket {consentTitle(consent)}
        </Heading>
        <BodyShort size="small">
          Från och med nu lämnas inga uppgifter ut med stöd av samtycket, och utföraren ser inte
          längre det som ett uppdrag lämnade ut med stöd av det.
        </BodyShort>
        <FormErrorSummary {...form.summaryProps} />
        <ApiErrorAlert error={form.generalError} size="small" />
        <DateField {...form.text('revokedOn')} label="Återkallat den" />
        <Textarea
          {...form.longText('how')}
          label="Hur återkallade personen samtycket?"
          description="Till exempel muntligt i telefon till handläggaren."
          minRows={2}
        />
        <FormActions
          submit="Återkalla samtycket"
          pending={form.mutation.isPending}
          onCancel={onCancel}
        />
      </VStack>
    </form>
  );
}

function AttachDocumentForm({
  caseId,
  consent,
  onCancel,
  onDone,
}: {
  caseId: string;
  consent: Consent;
  onCancel: () => void;
  onDone: () => void;
}) {
  const queryClient = useQueryClient();
  const formId = `bifoga-${consent.id}`;
  const headingRef = useRef<HTMLHeadingElement>(null);
  useEffect(() => {
    headingRef.current?.focus();
  }, []);
  const form = useContractForm(attachConsentDocument, {
    formId,
    // The body is the document itself: its content's path is `content`.
    initial: { content: null as ChosenDocument | null },
    toBody: (v) => documentBody(v.content) ?? {},
    // Without a file read, the form says what is missing rather than the schema's two complaints.
    relevant: (_, v) => documentBody(v.content) !== undefined,
    check: (v) =>
      v.content === null
        ? [{ path: 'body.content', message: 'Välj filen med det undertecknade samtycket.' }]
        : chosenDocumentErrors(v.content, 'body.content'),
    send: (body) =>
      call(attachConsentDocument, { params: { caseId, consentId: consent.id }, body }),
    onSuccess: () => {
      void queryClient.invalidateQueries({ queryKey: consentsKey(caseId) });
      onDone();
    },
  });
  // The same list while the errors are the same: the summary takes focus when its list changes.
  const summaryErrors = useMemo(() => onThePicker(form.fieldErrors, 'body'), [form.fieldErrors]);
  return (
    <form {...form.formProps} aria-labelledby={`${formId}-rubrik`} className="step-form">
      <VStack gap="space-16">
        <Heading level="5" size="xsmall" id={`${formId}-rubrik`} ref={headingRef} tabIndex={-1}>
          Bifoga dokument till samtycket {consentTitle(consent)}
        </Heading>
        <BodyShort size="small">
          Det undertecknade samtycket, inskannat eller fotograferat; eller en sida som saknades. Ett
          bifogat dokument tas inte bort.
        </BodyShort>
        <FormErrorSummary formId={formId} errors={summaryErrors} />
        <ApiErrorAlert error={form.generalError} size="small" />
        <ConsentDocumentPicker
          id={form.idOf('content')}
          error={form.errorOf('content') ?? form.errorOf('filename')}
          chosen={form.values.content}
          onChange={(chosen) => {
            form.set({ content: chosen });
          }}
        />
        <FormActions
          submit="Bifoga dokumentet"
          pending={form.mutation.isPending}
          onCancel={onCancel}
        />
      </VStack>
    </form>
  );
}

const newFormId = 'nytt-samtycke';

function ConsentForm({
  caseId,
  options,
  onDone,
}: {
  caseId: string;
  options: NonNullable<CaseConsents['options']>;
  onDone: () => void;
}) {
  const queryClient = useQueryClient();
  const form = useContractForm(recordConsent, {
    formId: newFormId,
    initial: {
      categories: [] as InformationCategory[],
      purposes: [] as DisclosurePurpose[],
      purposeText: '',
      recipientKind: '',
      unitId: '',
      providerId: '',
      recipientName: '',
      givenOn: stockholmToday(),
      validUntil: '',
      way: '',
      /** The signed consent, for a written one; under `document` in the body. */
      document: null as ChosenDocument | null,
      documentReference: '',
    },
    paths: {
      recipientKind: 'recipient.kind',
      unitId: 'recipient.unitId',
      providerId: 'recipient.providerId',
      recipientName: 'recipient.name',
    },
    unchosen: {
      recipientKind: 'Ange vem uppgifterna får lämnas till.',
      way: 'Ange hur samtycket lämnades.',
    },
    check: (v) => {
      if (v.way !== 'written') return [];
      // A written consent is in Värn as its file, or said where it is kept; or both.
      const missing =
        v.documentReference.trim() === '' && documentBody(v.document) === undefined
          ? [
              {
                path: 'body.documentReference',
                message:
                  'Bifoga det undertecknade samtycket eller ange var det finns, till exempel dess diarienummer.',
              },
            ]
          : [];
      return [...missing, ...chosenDocumentErrors(v.document, 'body.document.content')];
    },
    toBody: (v) => ({
      categories: v.categories,
      purposes: v.purposes,
      purposeText: v.purposeText,
      recipient:
        v.recipientKind === 'unit'
          ? { kind: 'unit', unitId: v.unitId }
          : v.recipientKind === 'provider'
            ? { kind: 'provider', providerId: v.providerId }
            : v.recipientKind === ''
              ? { kind: '' }
              : { kind: v.recipientKind, name: v.recipientName },
      givenOn: v.givenOn,
      validUntil: v.validUntil,
      way: v.way,
      documentReference: v.way === 'written' ? v.documentReference : null,
      // No `document` key at all without a file read (the form says why, in `check`).
      ...(v.way === 'written' && documentBody(v.document)
        ? { document: documentBody(v.document) }
        : {}),
    }),
    send: (body) => call(recordConsent, { params: { caseId }, body }),
    clearOnSuccess: true,
    onSuccess: () => {
      void queryClient.invalidateQueries({ queryKey: consentsKey(caseId) });
      onDone();
    },
  });
  const kind = form.values.recipientKind;
  // The same list while the errors are the same: the summary takes focus when its list changes.
  const summaryErrors = useMemo(
    () => onThePicker(form.fieldErrors, 'body.document'),
    [form.fieldErrors],
  );
  return (
    <form {...form.formProps} aria-labelledby={`${newFormId}-rubrik`} className="step-form">
      <VStack gap="space-16">
        <Heading level="3" size="medium" id={`${newFormId}-rubrik`}>
          Nytt samtycke
        </Heading>
        <BodyShort>
          Registrera samtycket som personen har lämnat: vilka uppgifter, till vem, för vilket syfte
          och hur länge. Ett samtycke ändras aldrig; registrera ett nytt om det behövs.
        </BodyShort>
        <FormErrorSummary formId={newFormId} errors={summaryErrors} />
        <ApiErrorAlert error={form.generalError} />
        <CategoriesField form={form} legend="Uppgifter som samtycket gäller" />
        <CheckboxGroup
          id={form.idOf('purposes')}
          legend="Syfte"
          description="Vad uppgifterna får lämnas ut för."
          value={form.values.purposes}
          onChange={(value: DisclosurePurpose[]) => {
            form.set({ purposes: value });
          }}
          error={form.errorOf('purposes')}
        >
          {disclosurePurposes.map((p) => (
            <Checkbox key={p} value={p}>
              {disclosurePurposeLabels[p]}
            </Checkbox>
          ))}
        </CheckboxGroup>
        <Textarea
          {...form.longText('purposeText')}
          label="Syftet med samtycket"
          description="Vad personen har sagt ja till, med personens egna ord."
          minRows={2}
        />
        <RadioGroup {...form.choice('recipientKind')} legend="Mottagare">
          {recipientKinds.map((k) => (
            <Radio key={k} value={k}>
              {recipientKindLabels[k]}
            </Radio>
          ))}
        </RadioGroup>
        {kind === 'unit' ? (
          <Select {...form.select('unitId')} label="Enhet">
            <option value="">Välj enhet</option>
            {options.units.map((u) => (
              <option key={u.id} value={u.id}>
                {u.name}
              </option>
            ))}
          </Select>
        ) : null}
        {kind === 'provider' ? (
          <Select {...form.select('providerId')} label="Utförare">
            <option value="">Välj utförare</option>
            {options.providers.map((p) => (
              <option key={p.id} value={p.id}>
                {p.name}
              </option>
            ))}
          </Select>
        ) : null}
        {kind === 'agency' || kind === 'person' ? (
          <TextField
            {...form.text('recipientName')}
            label={kind === 'agency' ? 'Myndighetens eller verksamhetens namn' : 'Mottagarens namn'}
            autoComplete="off"
          />
        ) : null}
        <HStack gap="space-16">
          <DateField {...form.text('givenOn')} label="Lämnat den" />
          <DateField {...form.text('validUntil')} label="Gäller till och med" />
        </HStack>
        <RadioGroup {...form.choice('way')} legend="Hur samtycket lämnades">
          {consentWays.map((w) => (
            <Radio key={w} value={w}>
              {consentWayLabels[w]}
            </Radio>
          ))}
        </RadioGroup>
        {form.values.way === 'written' ? (
          <>
            <ConsentDocumentPicker
              id={form.idOf('document.content')}
              error={form.errorOf('document.content') ?? form.errorOf('document.filename')}
              chosen={form.values.document}
              onChange={(chosen) => {
                form.set({ document: chosen });
              }}
            />
            <TextField
              {...form.text('documentReference')}
              label="Var det skriftliga samtycket finns"
              description="Till exempel diarienummer eller var i akten det är sparat."
              autoComplete="off"
            />
          </>
        ) : null}
        <div>
          <Button type="submit" loading={form.mutation.isPending}>
            Registrera samtycket
          </Button>
        </div>
        <div role="status">{form.saved ? 'Samtycket är registrerat.' : null}</div>
      </VStack>
    </form>
  );
}

function groundText(d: Disclosure, consents: readonly Consent[]) {
  if (d.consentId !== null) {
    const consent = consents.find((c) => c.id === d.consentId);
    return consent ? `Samtycke ${consentTitle(consent)}` : 'Samtycke';
  }
  return `Lagstöd: ${d.legalReference ?? ''}`;
}

function DisclosureList({ data }: { data: CaseConsents }) {
  const headingId = 'utlamnanden-rubrik';
  return (
    <section aria-labelledby={headingId}>
      <VStack gap="space-12">
        <Heading level="3" size="medium" id={headingId}>
          Utlämnanden
        </Heading>
        {data.disclosures.length === 0 ? (
          <BodyShort textColor="subtle">Inga uppgifter har lämnats ut i ärendet.</BodyShort>
        ) : (
          <div className="table-scroll">
            <Table size="small" aria-labelledby={headingId}>
              <Table.Header>
                <Table.Row>
                  <Table.HeaderCell scope="col">Syfte</Table.HeaderCell>
                  <Table.HeaderCell scope="col">Mottagare</Table.HeaderCell>
                  <Table.HeaderCell scope="col">Uppgifter</Table.HeaderCell>
                  <Table.HeaderCell scope="col">Grund</Table.HeaderCell>
                  <Table.HeaderCell scope="col">Beslutat</Table.HeaderCell>
                </Table.Row>
              </Table.Header>
              <Table.Body>
                {data.disclosures.map((d) => (
                  <Table.Row key={d.id}>
                    <Table.DataCell>{disclosurePurposeLabels[d.purpose]}</Table.DataCell>
                    <Table.DataCell>{d.recipient.name}</Table.DataCell>
                    <Table.DataCell>
                      {d.categories.length === 0
                        ? 'Inga personuppgifter'
                        : categoryList(d.categories)}
                    </Table.DataCell>
                    <Table.DataCell>
                      {groundText(d, data.consents)}
                      {d.secrecyTest ? (
                        <BodyShort size="small" className="preserve-lines">
                          Sekretessprövning: {d.secrecyTest}
                        </BodyShort>
                      ) : null}
                    </Table.DataCell>
                    <Table.DataCell>
                      {formatDateTime(d.decidedAt)} av {d.decidedBy.displayName}
                    </Table.DataCell>
                  </Table.Row>
                ))}
              </Table.Body>
            </Table>
          </div>
        )}
      </VStack>
    </section>
  );
}
