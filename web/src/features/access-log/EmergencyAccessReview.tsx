import { BodyLong, BodyShort, Box, Button, Heading, Tag, Textarea, VStack } from '@navikt/ds-react';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import {
  listEmergencyAccess,
  reviewEmergencyAccess,
} from '../../../../core/contracts/access-log.ts';
import type { EmergencyAccessItem } from '../../../../core/contracts/access-log.ts';
import { call } from '../../api/client.ts';
import { ApiErrorAlert } from '../../components/ApiErrorAlert.tsx';
import { FormErrorSummary } from '../../components/FormErrorSummary.tsx';
import { formatDateTime } from '../../components/format.ts';
import { Loading } from '../../components/Loading.tsx';
import { useContractForm } from '../../components/useContractForm.ts';

/** Every nödåtkomst in the unit, unreviewed first, each to be reviewed with a comment. */
export function EmergencyAccessReview({ unitId }: { unitId: string }) {
  const list = useQuery({
    queryKey: ['emergency-access', unitId],
    queryFn: () => call(listEmergencyAccess, { params: { unitId } }),
  });
  const items = list.data?.items ?? [];
  const unreviewed = items.filter((i) => i.reviewedAt === null).length;

  return (
    <section aria-labelledby="nodatkomst-rubrik">
      <VStack gap="space-16">
        <Heading level="2" size="medium" id="nodatkomst-rubrik">
          Nödåtkomst att granska
        </Heading>
        {list.isPending ? <Loading label="Hämtar nödåtkomst…" /> : null}
        <ApiErrorAlert error={list.error} />
        {list.isSuccess ? (
          <BodyLong>
            {items.length === 0
              ? 'Ingen i enheten har använt nödåtkomst.'
              : unreviewed === 0
                ? 'All nödåtkomst är granskad.'
                : unreviewed === 1
                  ? 'En nödåtkomst väntar på granskning.'
                  : `${unreviewed} nödåtkomster väntar på granskning.`}
          </BodyLong>
        ) : null}
        <ul className="plain-list">
          {items.map((item) => (
            <li key={item.id}>
              <EmergencyAccessCard item={item} unitId={unitId} />
            </li>
          ))}
        </ul>
      </VStack>
    </section>
  );
}

function EmergencyAccessCard({ item, unitId }: { item: EmergencyAccessItem; unitId: string }) {
  const headingId = `nodatkomst-${item.id}`;
  return (
    <Box
      as="article"
      aria-labelledby={headingId}
      padding="space-16"
      borderWidth="1"
      borderRadius="8"
      borderColor={item.reviewedAt ? 'neutral-subtle' : 'danger'}
    >
      <VStack gap="space-12">
        <Heading level="3" size="small" id={headingId}>
          {item.user.displayName} öppnade {item.person.displayName}
        </Heading>
        <dl className="facts">
          <dt>När</dt>
          <dd>
            {formatDateTime(item.startedAt)}, med åtkomst till {formatDateTime(item.expiresAt)}
          </dd>
          <dt>Skäl</dt>
          <dd className="preserve-lines">{item.reason}</dd>
          <dt>Granskning</dt>
          <dd>
            {item.reviewedAt ? (
              <VStack gap="space-4" align="start">
                <Tag variant="moderate" data-color="success" size="small">
                  Granskad
                </Tag>
                <BodyShort size="small">
                  {formatDateTime(item.reviewedAt)} av {item.reviewedBy?.displayName ?? 'okänd'}
                </BodyShort>
                {item.reviewNote ? (
                  <BodyShort className="preserve-lines">{item.reviewNote}</BodyShort>
                ) : null}
              </VStack>
            ) : (
              <Tag variant="strong" data-color="danger" size="small">
                Inte granskad
              </Tag>
            )}
          </dd>
        </dl>
        {item.reviewedAt ? null : <ReviewForm item={item} unitId={unitId} />}
      </VStack>
    </Box>
  );
}

function ReviewForm({ item, unitId }: { item: EmergencyAccessItem; unitId: string }) {
  const queryClient = useQueryClient();
  const form = useContractForm(reviewEmergencyAccess, {
    formId: `granskning-${item.id}`,
    initial: { note: '' },
    send: (body) => call(reviewEmergencyAccess, { params: { id: item.id }, body }),
    onSuccess: () => {
      void queryClient.invalidateQueries({ queryKey: ['emergency-access', unitId] });
      void queryClient.invalidateQueries({ queryKey: ['access-log'] });
    },
  });
  return (
    <form {...form.formProps} aria-label={`Granska nödåtkomsten för ${item.person.displayName}`}>
      <VStack gap="space-12" align="start">
        <FormErrorSummary {...form.summaryProps} />
        <ApiErrorAlert error={form.generalError} />
        <Textarea
          {...form.longText('note')}
          label="Kommentar till granskningen"
          description="Till exempel om skälet var befogat och om något behöver följas upp."
          minRows={2}
          className="full-width"
        />
        <Button type="submit" size="small" loading={form.mutation.isPending}>
          Markera som granskad
        </Button>
      </VStack>
    </form>
  );
}
