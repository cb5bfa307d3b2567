import { Alert, BodyLong, BodyShort, Heading, VStack } from '@navikt/ds-react';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useParams } from 'react-router';
import { getPerson } from '../../../../core/contracts/persons.ts';
import type { PersonFile } from '../../../../core/contracts/persons.ts';
import { ApiError, call } from '../../api/client.ts';
import { accessLabels, identityKindLabels } from '../../app/labels.ts';
import { ApiErrorAlert } from '../../components/ApiErrorAlert.tsx';
import { formatTime } from '../../components/format.ts';
import { Loading } from '../../components/Loading.tsx';
import { PageHeading } from '../../components/PageHeading.tsx';
import { personName } from '../../components/PersonCell.tsx';
import { NotFoundPage } from '../home/NotFoundPage.tsx';
import { withChannel } from './ContactChannelForms.tsx';
import { PersonCases } from './PersonCases.tsx';
import { PersonDetails } from './PersonDetails.tsx';
import { ProtectedDetailsSection } from './ProtectedDetailsSection.tsx';
import { ProtectionBanner } from './ProtectionBanner.tsx';
import { ProtectionLevelSection } from './ProtectionLevelSection.tsx';
import { PersonRelations } from './PersonRelations.tsx';
import { CaseGuardians } from '../family/CaseGuardians.tsx';

export function PersonPage() {
  const { personId = '' } = useParams();
  const person = useQuery({
    queryKey: ['person', personId],
    queryFn: () => call(getPerson, { params: { personId } }),
    retry: false,
  });

  if (person.isPending) {
    return (
      <div>
        <PageHeading>Personakt</PageHeading>
        <Loading label="Hämtar personakten…" />
      </div>
    );
  }
  // A file the reader may not see answers 404 exactly like one that does not exist: so does the page.
  if (person.error instanceof ApiError && person.error.code === 'NOT_FOUND') {
    return <NotFoundPage />;
  }
  if (person.isError) {
    return (
      <VStack gap="space-16">
        <PageHeading>Personakt</PageHeading>
        <ApiErrorAlert error={person.error} />
      </VStack>
    );
  }
  return <PersonFileView file={person.data} />;
}

function PersonFileView({ file }: { file: PersonFile }) {
  const name = personName(file);
  const queryClient = useQueryClient();
  const fileKey = ['person', file.id];
  // A child's vårdnadshavare, as the child's open case shows them (issue 14).
  const childCase = file.cases.find((c) => c.targetGroup === 'child' && c.status === 'open');
  return (
    <VStack gap="space-32">
      <VStack gap="space-16">
        <div>
          <PageHeading>{name}</PageHeading>
          <BodyShort>
            {file.identity
              ? `${identityKindLabels[file.identity.kind]} ${file.identity.display}`
              : 'Saknar identitetsnummer'}
          </BodyShort>
          <BodyShort size="small" textColor="subtle">
            Din åtkomst: {accessLabels[file.access]}
          </BodyShort>
        </div>
        <ProtectionBanner level={file.protectionLevel} />
        {file.access === 'emergency_access' ? (
          <Alert variant="warning">
            <Heading level="2" size="small" spacing>
              Du läser personakten med nödåtkomst
            </Heading>
            {file.emergencyAccessUntil ? (
              <BodyShort weight="semibold" spacing>
                Nödåtkomst till kl. {formatTime(file.emergencyAccessUntil)}
              </BodyShort>
            ) : null}
            <BodyLong>
              Åtkomsten är tillfällig. Allt du läser här loggas och granskas av din enhetschef.
            </BodyLong>
          </Alert>
        ) : null}
      </VStack>
      {file.details ? (
        <PersonDetails
          details={file.details}
          headingLevel="2"
          editing={
            file.abilities.update
              ? {
                  personId: file.id,
                  onSaved: (channel) => {
                    queryClient.setQueryData<PersonFile>(fileKey, (old) =>
                      old?.details ? { ...old, details: withChannel(old.details, channel) } : old,
                    );
                  },
                  onConflict: () => {
                    void queryClient.invalidateQueries({ queryKey: fileKey, exact: true });
                  },
                }
              : undefined
          }
        />
      ) : file.protectionLevel !== 'none' ? (
        <ProtectedDetailsSection
          personId={file.id}
          canRead={file.abilities.readProtectedDetails}
          canEdit={file.abilities.update}
        />
      ) : null}
      {file.abilities.update ? <ProtectionLevelSection file={file} /> : null}
      <PersonRelations
        personId={file.id}
        relations={file.relations}
        pastRelations={file.pastRelations}
      />
      {childCase ? (
        <section aria-labelledby="vardnadshavare-rubrik">
          <Heading level="2" size="medium" id="vardnadshavare-rubrik" spacing>
            Vårdnadshavare
          </Heading>
          <CaseGuardians caseId={childCase.id} />
        </section>
      ) : null}
      <PersonCases cases={file.cases} />
    </VStack>
  );
}
