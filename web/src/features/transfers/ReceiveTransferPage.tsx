import { useRef, useState } from 'react';
import {
  Alert,
  BodyLong,
  Button,
  Checkbox,
  FileUpload,
  Fieldset,
  Heading,
  Select,
  VStack,
} from '@navikt/ds-react';
import type { FileObject } from '@navikt/ds-react';
import { useQueryClient } from '@tanstack/react-query';
import { useNavigate } from 'react-router';
import type { TransferPackage } from '../../../../core/contracts/transfer-package.ts';
import { importTransfer } from '../../../../core/contracts/transfers.ts';
import { call } from '../../api/client.ts';
import { protectionLabels } from '../../app/labels.ts';
import { ApiErrorAlert } from '../../components/ApiErrorAlert.tsx';
import { FormErrorSummary } from '../../components/FormErrorSummary.tsx';
import { formatDate, formatFileSize } from '../../components/format.ts';
import { PageHeading } from '../../components/PageHeading.tsx';
import { useContractForm } from '../../components/useContractForm.ts';
import { useActiveSession } from '../auth/session.tsx';
import { AcuteNeedFields } from '../cases/AcuteNotice.tsx';
import { caseworkerUnits } from '../cases/units.ts';
import { readPackage } from './transfers.ts';
import { RoutedMatter } from '../cases/RoutedMatter.tsx';

const formId = 'ta-emot-overflyttning';
const pageTitle = 'Ta emot överflyttning';

/** The chosen file: being read, read into a package, or refused with the reason. */
interface Chosen {
  file: File;
  refused: string | null;
}

/**
 * The receiving side of an överflyttning: the package the other municipality sent is read in as
 * a new case in one of the reader's units — an aktualisering, with the screening of acute need
 * made now — so a person who already has a file here goes to the unit responsible for it.
 */
export function ReceiveTransferPage() {
  const session = useActiveSession();
  const units = caseworkerUnits(session);
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const [routed, setRouted] = useState<{ unitName: string | null } | null>(null);
  const [chosen, setChosen] = useState<Chosen | null>(null);
  // The file chosen last: one read after another was chosen, or after it was removed, is forgotten.
  const current = useRef<File | null>(null);
  const form = useContractForm(importTransfer, {
    formId,
    initial: {
      unitId: units[0]?.id ?? '',
      package: null as TransferPackage | null,
      acuteNeed: '',
      motivation: '',
      assignToMe: true,
    },
    paths: { acuteNeed: 'acuteScreening.acuteNeed', motivation: 'acuteScreening.motivation' },
    unchosen: { acuteNeed: 'Svara på om det finns ett akut behov av skydd.' },
    check: (v) =>
      v.package
        ? []
        : [
            {
              path: 'body.package',
              message: chosen?.refused ?? 'Välj filen med överflyttningspaketet.',
            },
          ],
    // The package is checked as it is read; the form's own sentence says what is wrong with it.
    relevant: (error) => !error.path.startsWith('body.package.'),
    toBody: (v) => ({
      unitId: v.unitId,
      package: v.package,
      acuteScreening: { acuteNeed: v.acuteNeed, motivation: v.motivation },
      assignToMe: v.assignToMe,
    }),
    send: (body) => call(importTransfer, { body }),
    onSuccess: (result) => {
      void queryClient.invalidateQueries({ queryKey: ['cases'] });
      if (result.outcome === 'routed') setRouted({ unitName: result.unitName });
      else void navigate(`/arenden/${result.caseId}`);
    },
  });
  const { values, set } = form;

  if (routed) return <RoutedMatter unitName={routed.unitName} matter="Överflyttningen" />;

  if (units.length === 0) {
    return (
      <div>
        <PageHeading>{pageTitle}</PageHeading>
        <BodyLong>
          Du handlägger inte ärenden i någon enhet och kan därför inte ta emot en överflyttning.
        </BodyLong>
      </div>
    );
  }

  const pickerId = form.idOf('package');
  const choose = (files: FileObject[]) => {
    const picked = files[0];
    if (!picked) return;
    const file = picked.file;
    current.current = file;
    form.forget();
    set({ package: null });
    setChosen({ file, refused: null });
    file.text().then(
      (text) => {
        if (current.current !== file) return;
        const read = readPackage(text);
        if (read.ok) set({ package: read.package });
        setChosen({ file, refused: read.ok ? null : read.message });
      },
      () => {
        if (current.current === file) {
          setChosen({ file, refused: 'Filen kunde inte läsas. Välj den igen.' });
        }
      },
    );
  };

  return (
    <VStack gap="space-32">
      <div>
        <PageHeading>{pageTitle}</PageHeading>
        <BodyLong>
          Läs in det överflyttningspaket som en annan kommun har skickat (2 a kap. 10 §
          socialtjänstlagen). Ärendet blir en ny aktualisering i din enhet, med de dokument som kom
          med. Gör samtidigt den första bedömningen av om det finns ett akut behov av skydd.
        </BodyLong>
      </div>
      <form {...form.formProps} aria-label={pageTitle}>
        <VStack gap="space-32">
          <FormErrorSummary {...form.summaryProps} />
          <ApiErrorAlert error={form.generalError} />

          <Select {...form.select('unitId')} className="field-narrow" label="Enhet">
            {units.map((u) => (
              <option key={u.id} value={u.id}>
                {u.name}
              </option>
            ))}
          </Select>

          <VStack gap="space-8">
            <FileUpload.Dropzone
              id={pickerId}
              label="Överflyttningspaket (JSON)"
              description="Den fil som den andra kommunen skickade, till exempel overflyttningspaket.json."
              multiple={false}
              accept=".json,application/json"
              onSelect={choose}
              error={chosen?.refused ?? form.errorOf('package')}
            />
            {chosen ? (
              <FileUpload.Item
                file={chosen.file}
                description={formatFileSize(chosen.file.size)}
                button={{
                  action: 'delete',
                  onClick: () => {
                    current.current = null;
                    setChosen(null);
                    set({ package: null });
                    // The remove button is gone with the file: back to the picker.
                    document.getElementById(pickerId)?.focus();
                  },
                }}
              />
            ) : null}
          </VStack>

          {values.package ? <PackagePreview pkg={values.package} /> : null}

          <Fieldset legend="Bedömning av akut skyddsbehov" size="medium">
            <VStack gap="space-16">
              <AcuteNeedFields
                need={form.choice('acuteNeed')}
                motivation={form.longText('motivation')}
                value={values.acuteNeed}
                legend="Akut behov av skydd"
                description="Finns det ett akut behov av skydd nu, när ärendet kommer hit?"
              />
            </VStack>
          </Fieldset>

          <Checkbox
            {...form.flag('assignToMe')}
            description="Annars hamnar ärendet i enhetens inkorg."
          >
            Tilldela mig ärendet
          </Checkbox>

          <div>
            <Button type="submit" loading={form.mutation.isPending}>
              Läs in ärendet
            </Button>
          </div>
        </VStack>
      </form>
    </VStack>
  );
}

/** What the package holds, read before it is taken in: who sends whom, with which documents. */
function PackagePreview({ pkg }: { pkg: TransferPackage }) {
  const headingId = `${formId}-innehall`;
  const person = pkg.person;
  return (
    <section aria-labelledby={headingId} className="step-form">
      <VStack gap="space-16">
        <Heading level="2" size="medium" id={headingId}>
          Paketet från {pkg.sender.municipality}
        </Heading>
        <dl className="facts">
          <dt>Från</dt>
          <dd>
            {pkg.sender.unit}, {pkg.sender.municipality}
          </dd>
          <dt>Handläggare där</dt>
          <dd>{pkg.sender.handlaggare}</dd>
          <dt>Till</dt>
          <dd>{pkg.receiver.municipality}</dd>
          <dt>Personen</dt>
          <dd>
            {person.givenName} {person.familyName}
          </dd>
          <dt>Skydd</dt>
          <dd>{protectionLabels[person.protectionLevel]}</dd>
          <dt>Godtaget</dt>
          <dd>
            {formatDate(pkg.answer.decidedOn)}
            {pkg.answer.reference ? `, diarienummer ${pkg.answer.reference}` : ''}
          </dd>
          <dt>Barn i hushållet</dt>
          <dd>{pkg.children.length === 0 ? 'Inga' : String(pkg.children.length)}</dd>
        </dl>
        {person.protectionLevel !== 'none' ? (
          <Alert variant="warning" size="small">
            Personen har skyddade personuppgifter. Adress och kontaktvägar kommer inte med i
            paketet: ta dem från personen själv.
          </Alert>
        ) : null}
        <VStack gap="space-8">
          <Heading level="3" size="small" id={`${headingId}-dokument`}>
            Dokument i paketet
          </Heading>
          {pkg.documents.length === 0 ? (
            <BodyLong>Paketet innehåller inga dokument.</BodyLong>
          ) : (
            <ul className="plain-list" aria-labelledby={`${headingId}-dokument`}>
              {pkg.documents.map((d) => (
                <li key={d.filename}>
                  {d.title} ({d.filename})
                </li>
              ))}
            </ul>
          )}
        </VStack>
      </VStack>
    </section>
  );
}
