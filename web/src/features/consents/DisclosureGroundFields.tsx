import {
  Alert,
  BodyShort,
  Checkbox,
  CheckboxGroup,
  Link,
  Radio,
  RadioGroup,
  Select,
  Textarea,
  VStack,
} from '@navikt/ds-react';
import { useQuery } from '@tanstack/react-query';
import { Link as RouterLink } from 'react-router';
import type { Consent } from '../../../../core/contracts/consents.ts';
import type { FieldError } from '../../../../core/contracts/errors.ts';
import {
  disclosurePurposeLabels,
  informationCategories,
  informationCategoryLabels,
  SECRECY_TEST_MIN,
} from '../../../../core/domain/consents.ts';
import type {
  DisclosurePurpose,
  InformationCategory,
  LegalBasis,
} from '../../../../core/domain/consents.ts';
import { ApiErrorAlert } from '../../components/ApiErrorAlert.tsx';
import { formatDate } from '../../components/format.ts';
import { Loading } from '../../components/Loading.tsx';
import type { FieldBindings } from '../../components/useContractForm.ts';
import { consentsQuery, consentStatusLabels } from './ConsentsTab.tsx';

/**
 * The ground of a disclosure, chosen the same way wherever Värn discloses (an uppdrag, a samråd):
 * "Samtycke" — a consent of the case's own register that holds and is given for the purpose —
 * or "Lagstöd" — a paragraph the purpose may rest on, with the sekretessprövning written. The
 * server decides whether the ground covers this recipient and these uppgifter, and refuses with
 * a sentence naming the consent when not.
 */

/** The values a form holds for its ground, under these names. */
export interface GroundValues {
  groundKind: string;
  consentId: string;
  basis: string;
  secrecyTest: string;
}

export const blankGround: GroundValues = {
  groundKind: '',
  consentId: '',
  basis: '',
  secrecyTest: '',
};

/** Where the ground's values stand in a body that carries it as `ground`. */
export const groundPaths = {
  groundKind: 'ground.kind',
  consentId: 'ground.consentId',
  basis: 'ground.basis',
  secrecyTest: 'ground.secrecyTest',
} as const;

/** The body's `ground` the values stand for; an unchosen kind is left for the contract to name. */
export const groundBody = (v: GroundValues) =>
  v.groundKind === 'consent'
    ? { kind: 'consent', consentId: v.consentId }
    : v.groundKind === 'legal'
      ? { kind: 'legal', basis: v.basis, secrecyTest: v.secrecyTest }
      : { kind: '' };

/** A sekretessprövning begun but too short to say anything, named on its field. */
export function secrecyTestProblems(v: GroundValues, message: string): FieldError[] {
  const written = v.secrecyTest.trim();
  return v.groundKind === 'legal' && written !== '' && written.length < SECRECY_TEST_MIN
    ? [{ path: 'body.ground.secrecyTest', message }]
    : [];
}

/** Which uppgifter a disclosure shares: the ground must cover each one. */
export function CategoriesField({
  form,
  legend,
  description,
}: {
  form: FieldBindings<{ categories: InformationCategory[] }>;
  legend: string;
  description?: string;
}) {
  return (
    <CheckboxGroup
      id={form.idOf('categories')}
      legend={legend}
      description={description}
      value={form.values.categories}
      onChange={(value: InformationCategory[]) => {
        form.set({ categories: value });
      }}
      error={form.errorOf('categories')}
    >
      {informationCategories.map((k) => (
        <Checkbox key={k} value={k}>
          {informationCategoryLabels[k]}
        </Checkbox>
      ))}
    </CheckboxGroup>
  );
}

/** A consent as the select names it: "2026-12-01 till Fristad (Namn, Telefonnummer)". */
const consentOption = (c: Consent) =>
  `${formatDate(c.givenOn)} till ${c.recipient.name} (${c.categories
    .map((k) => informationCategoryLabels[k])
    .join(
      ', ',
    )})${c.status === 'expiring' ? `, gäller till och med ${formatDate(c.validUntil)}` : ''}`;

export function DisclosureGroundFields({
  caseId,
  form,
  purpose,
  legalBases,
  consentDescription,
  secrecyTestDescription,
}: {
  caseId: string;
  form: FieldBindings<GroundValues>;
  purpose: DisclosurePurpose;
  /** The paragraphs the purpose may rest on, as the legal catalogue cites them. */
  legalBases: readonly { basis: LegalBasis; reference: string }[];
  consentDescription: string;
  secrecyTestDescription: string;
}) {
  return (
    <>
      <RadioGroup
        {...form.choice('groundKind')}
        legend="Stöd för utlämnandet"
        description="Uppgifter om personen lämnas ut med personens samtycke, eller med stöd av lag efter en sekretessprövning."
      >
        <Radio value="consent">Samtycke</Radio>
        <Radio value="legal">Lagstöd</Radio>
      </RadioGroup>
      {form.values.groundKind === 'consent' ? (
        <ConsentChoice
          caseId={caseId}
          form={form}
          purpose={purpose}
          description={consentDescription}
        />
      ) : null}
      {form.values.groundKind === 'legal' ? (
        <>
          <Select {...form.select('basis')} label="Lagstöd">
            <option value="">Välj lagstöd</option>
            {legalBases.map((b) => (
              <option key={b.basis} value={b.basis}>
                {b.reference}
              </option>
            ))}
          </Select>
          <Textarea
            {...form.longText('secrecyTest')}
            label="Sekretessprövning"
            description={secrecyTestDescription}
            minRows={3}
          />
        </>
      ) : null}
    </>
  );
}

/**
 * The consents of the case's register the disclosure may rest on: those that hold and are given
 * for its purpose.
 */
function ConsentChoice({
  caseId,
  form,
  purpose,
  description,
}: {
  caseId: string;
  form: FieldBindings<GroundValues>;
  purpose: DisclosurePurpose;
  description: string;
}) {
  const query = useQuery(consentsQuery(caseId));
  if (query.isPending) return <Loading label="Hämtar samtyckena…" />;
  if (query.isError) return <ApiErrorAlert error={query.error} />;
  const all = query.data.consents;
  const usable = all.filter(
    (c) => (c.status === 'valid' || c.status === 'expiring') && c.purposes.includes(purpose),
  );
  // One chosen before it stopped holding stays chosen, named as it is now: the server says why
  // it no longer covers.
  const chosen = all.find((c) => c.id === form.values.consentId);
  const choices = chosen && !usable.includes(chosen) ? [...usable, chosen] : usable;
  const samtyckenLink = (
    <Link as={RouterLink} to={`/arenden/${caseId}?flik=samtycken`}>
      fliken Samtycken
    </Link>
  );
  const purposeName = disclosurePurposeLabels[purpose].toLowerCase();
  if (choices.length === 0) {
    return (
      <Alert variant="info" size="small" inline>
        Det finns inget samtycke i ärendet som gäller {purposeName}. Registrera personens samtycke
        under {samtyckenLink}, eller ange lagstöd.
      </Alert>
    );
  }
  return (
    <VStack gap="space-8">
      <Select {...form.select('consentId')} label="Samtycke" description={description}>
        <option value="">Välj samtycke</option>
        {choices.map((c) => (
          <option key={c.id} value={c.id}>
            {consentOption(c)}
            {usable.includes(c) ? '' : ` – ${consentStatusLabels[c.status].toLowerCase()}`}
          </option>
        ))}
      </Select>
      <BodyShort size="small">Nytt samtycke registreras under {samtyckenLink}.</BodyShort>
    </VStack>
  );
}
