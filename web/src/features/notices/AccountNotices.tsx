import { Alert, BodyLong, BodyShort, Button, Heading, VStack } from '@navikt/ds-react';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { listMyNotices, markNoticeRead } from '../../../../core/contracts/notices.ts';
import { call } from '../../api/client.ts';
import { ApiErrorAlert } from '../../components/ApiErrorAlert.tsx';
import { formatDateTime } from '../../components/format.ts';

const noticesKey = ['notices'] as const;

/**
 * Changes to the user's own account — a role asked for, given or taken away, a login reset —
 * on the start page until read, so nothing is done to an account behind its owner's back.
 */
export function AccountNotices() {
  const queryClient = useQueryClient();
  const notices = useQuery({ queryKey: noticesKey, queryFn: () => call(listMyNotices) });
  const markRead = useMutation({
    mutationFn: (noticeId: string) => call(markNoticeRead, { params: { noticeId } }),
    onSuccess: () => {
      void queryClient.invalidateQueries({ queryKey: noticesKey });
    },
  });
  const unread = (notices.data?.items ?? []).filter((n) => !n.read);
  if (unread.length === 0 && !notices.error) return null;
  return (
    <section aria-labelledby="meddelanden-rubrik">
      <VStack gap="space-12">
        <Heading level="2" size="medium" id="meddelanden-rubrik">
          Ändringar av ditt konto
        </Heading>
        <ApiErrorAlert error={notices.error ?? markRead.error} />
        <ul className="plain-list">
          {unread.map((n) => (
            <li key={n.id}>
              <Alert variant="info" size="small">
                <VStack gap="space-8" align="start">
                  <BodyLong>{n.text}</BodyLong>
                  <BodyShort size="small" textColor="subtle">
                    {formatDateTime(n.createdAt)}
                  </BodyShort>
                  <Button
                    size="small"
                    variant="secondary"
                    loading={markRead.isPending && markRead.variables === n.id}
                    onClick={() => {
                      markRead.mutate(n.id);
                    }}
                  >
                    Jag har läst det
                  </Button>
                </VStack>
              </Alert>
            </li>
          ))}
        </ul>
      </VStack>
    </section>
  );
}
