import { Alert, BodyLong, BodyShort, Heading, Link, Tag, VStack } from '@navikt/ds-react';
import { Link as RouterLink, useParams } from 'react-router';
import type { FamilyMember, FamilyView, RelatedCase } from '../../../../core/contracts/family.ts';
import { ApiError } from '../../api/client.ts';
import { familyRelationLabels, phaseLabels, targetGroupLabels } from '../../app/labels.ts';
import { ApiErrorAlert } from '../../components/ApiErrorAlert.tsx';
import { Loading } from '../../components/Loading.tsx';
import { PageHeading } from '../../components/PageHeading.tsx';
import { personName } from '../../components/PersonCell.tsx';
import { NotFoundPage } from '../home/NotFoundPage.tsx';
import { DeadlineList } from '../cases/Deadlines.tsx';
import { memberName, useFamily } from './useFamily.ts';

/**
 * "Familjen": the persons around a case and who handles their cases, to coordinate with and to
 * call — never what their files say (issue 14). The one place to start an orosanmälan for the
 * household's children and a contact with another handläggare.
 */
export function FamilyPage() {
  const { caseId = '' } = useParams();
  const family = useFamily(caseId);
  if (family.error instanceof ApiError && family.error.code === 'NOT_FOUND') {
    return <NotFoundPage />;
  }
  // One heading through loading and loaded, so the focus it took on navigation stays on it.
  return (
    <VStack gap="space-32">
      <VStack gap="space-8">
        <PageHeading>
          {family.data ? `Familjen: ${personName(family.data.person)}` : 'Familjen'}
        </PageHeading>
        {family.isPending ? <Loading label="Hämtar familjen…" /> : null}
        {family.isError ? <ApiErrorAlert error={family.error} /> : null}
      </VStack>
      {family.data ? <FamilyViewPage view={family.data} /> : null}
    </VStack>
  );
}

function FamilyViewPage({ view }: { view: FamilyView }) {
  const persons = view.members.filter((m) => m.source !== 'counterpart');
  const counterparts = view.members.filter((m) => m.source === 'counterpart');
  return (
    <>
      <VStack gap="space-8">
        <BodyShort>
          <Link as={RouterLink} to={`/arenden/${view.caseId}`}>
            Tillbaka till ärendet
          </Link>
        </BodyShort>
        <BodyLong>
          Var och en i familjen har sin egen akt och sin egen handläggare. Här ser du vilka som hör
          till familjen och vem som handlägger deras ärenden, så att ni kan samordna er. Vad de
          andras akter innehåller visas aldrig här.
        </BodyLong>
      </VStack>

      <ChildReportSection view={view} />

      <section aria-labelledby="familj-personer">
        <VStack gap="space-16">
          <Heading level="2" size="medium" id="familj-personer">
            Personer i familjen
          </Heading>
          {persons.length === 0 ? (
            <BodyShort>Inga personer i familjen är registrerade i Värn.</BodyShort>
          ) : (
            <ul className="family-list">
              {persons.map((m) => (
                <li key={m.key}>
                  <MemberCard member={m} />
                </li>
              ))}
            </ul>
          )}
        </VStack>
      </section>

      {counterparts.length > 0 ? (
        <section aria-labelledby="familj-motparter">
          <VStack gap="space-16">
            <Heading level="2" size="medium" id="familj-motparter">
              Motparter enligt akten
            </Heading>
            <BodyShort>
              Så som personens akt beskriver dem. Har en motpart ett eget ärende som du får känna
              till, står det vem som handlägger det.
            </BodyShort>
            <ul className="family-list">
              {counterparts.map((m) => (
                <li key={m.key}>
                  <MemberCard member={m} />
                </li>
              ))}
            </ul>
          </VStack>
        </section>
      ) : null}
    </>
  );
}

function ChildReportSection({ view }: { view: FamilyView }) {
  // A child's own case makes no orosanmälan about the household: the adults' cases do.
  if (view.targetGroup === 'child') return null;
  const open = view.openChildReportDuties;
  return (
    <section aria-labelledby="familj-orosanmalan">
      <VStack gap="space-8">
        <Heading level="2" size="medium" id="familj-orosanmalan">
          Orosanmälan
        </Heading>
        {open > 0 ? (
          <Alert variant="warning" size="small">
            {open === 1
              ? 'Orosanmälan saknas för ett barn i hushållet.'
              : `Orosanmälan saknas för ${open} barn i hushållet.`}
          </Alert>
        ) : (
          <BodyShort>Inga barn i hushållet saknar orosanmälan.</BodyShort>
        )}
        {view.abilities.childReport ? (
          <BodyShort>
            <Link as={RouterLink} to={`/arenden/${view.caseId}#barn-rubrik`}>
              Gör orosanmälan för barnen i hushållet
            </Link>
          </BodyShort>
        ) : (
          <BodyShort textColor="subtle">Orosanmälan görs av den som arbetar med ärendet.</BodyShort>
        )}
      </VStack>
    </section>
  );
}

function MemberCard({ member }: { member: FamilyMember }) {
  const masked = member.person !== null && 'masked' in member.person;
  return (
    <VStack gap="space-8" className="family-member">
      <Heading level="3" size="small">
        {memberName(member)}
      </Heading>
      <BodyShort>
        {familyRelationLabels[member.relation]}
        {member.guardian === 'yes' ? ' · Vårdnadshavare' : ''}
      </BodyShort>
      {member.guardian === 'masked' ? (
        <Alert variant="info" size="small" inline>
          Barnet har skyddade personuppgifter och vårdnadshavaren är registrerad som den som utövar
          våld. Därför visas inte vem vårdnadshavaren är eller vem som handlägger hens ärenden.
        </Alert>
      ) : masked ? (
        <BodyShort size="small" textColor="subtle">
          Du kan inte se vem personen är eller vem som handlägger personens ärenden.
        </BodyShort>
      ) : null}
      {member.cases.length > 0 ? (
        <ul className="family-cases" aria-label={`Ärenden för ${memberName(member)}`}>
          {member.cases.map((c, i) => (
            <li key={`${c.unitName}-${String(i)}`}>
              <RelatedCaseFacts related={c} />
            </li>
          ))}
        </ul>
      ) : null}
    </VStack>
  );
}

function RelatedCaseFacts({ related }: { related: RelatedCase }) {
  return (
    <dl className="facts">
      <dt>Enhet</dt>
      <dd>{related.unitName}</dd>
      <dt>Målgrupp</dt>
      <dd>{targetGroupLabels[related.targetGroup]}</dd>
      <dt>Fas</dt>
      <dd>{phaseLabels[related.phase]}</dd>
      <dt>Kontakt</dt>
      <dd>
        {related.handlaggare ? (
          <>
            Handläggare {related.handlaggare}, {related.unitName}
          </>
        ) : (
          <>
            Ingen handläggare ännu – kontakta {related.unitName}{' '}
            <Tag variant="neutral" size="xsmall">
              I enhetens inkorg
            </Tag>
          </>
        )}
      </dd>
      <dt>Tidsfrister</dt>
      <dd>
        <DeadlineList deadlines={related.deadlines} />
      </dd>
    </dl>
  );
}
