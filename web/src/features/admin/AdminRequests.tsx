import { useState } from 'react';
import { BodyLong, BodyShort, Box, Button, Heading, HStack, Tag, VStack } from '@navikt/ds-react';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import {
  approveAdminRequest,
  rejectAdminRequest,
  withdrawAdminRequest,
} from '../../../../core/contracts/admin.ts';
import type { AdminRequest } from '../../../../core/contracts/admin.ts';
import { call } from '../../api/client.ts';
import { roleLabels } from '../../app/labels.ts';
import { ApiErrorAlert } from '../../components/ApiErrorAlert.tsx';
import { formatDateTime } from '../../components/format.ts';
import { InitialPassword } from './InitialPassword.tsx';

/** What a request asks for, in a social worker's words. */
export function requestSubject(r: AdminRequest) {
  return r.kind === 'role_grant' && r.role
    ? `Rollen ${roleLabels[r.role]}${r.unit ? ` i ${r.unit.name}` : ''}`
    : 'Nytt engångslösenord';
}

export const requestStatusLabels: Record<AdminRequest['status'], string> = {
  pending: 'Väntar på godkännande',
  approved: 'Godkänd',
  rejected: 'Avslagen',
  withdrawn: 'Tillbakadragen',
};

/** "Väntar på godkännande", wherever a role or a login is asked for and not yet decided. */
export function PendingTag() {
  return (
    <Tag variant="moderate" data-color="warning" size="small">
      Väntar på godkännande
    </Tag>
  );
}

/**
 * Requests waiting for a second person, each with what the reader may do: approve or reject it
 * (a second administrator, the unit's manager), or withdraw it (the one who asked). The one-time
 * password of an approved login appears here, to the approver only, once.
 */
export function PendingRequests({
  requests,
  onChanged,
  headingLevel = '3',
  hideWhenEmpty = false,
}: {
  requests: readonly AdminRequest[];
  onChanged: () => void;
  headingLevel?: '3' | '4';
  /** Say nothing when nothing waits (the password just issued is still shown). */
  hideWhenEmpty?: boolean;
}) {
  const pending = requests.filter((r) => r.status === 'pending');
  const [issued, setIssued] = useState<{ request: AdminRequest; password: string } | null>(null);
  return (
    <VStack gap="space-12">
      {issued ? (
        <InitialPassword
          user={issued.request.targetUser}
          password={issued.password}
          when="Vid nästa inloggning"
        />
      ) : null}
      {pending.length === 0 ? (
        hideWhenEmpty ? null : (
          <BodyShort>Inga begäranden väntar på godkännande.</BodyShort>
        )
      ) : (
        <ul className="plain-list">
          {pending.map((r) => (
            <li key={r.id}>
              <RequestCard
                request={r}
                headingLevel={headingLevel}
                onChanged={onChanged}
                onIssued={(password) => {
                  setIssued({ request: r, password });
                }}
              />
            </li>
          ))}
        </ul>
      )}
    </VStack>
  );
}

function RequestCard({
  request: r,
  headingLevel,
  onChanged,
  onIssued,
}: {
  request: AdminRequest;
  headingLevel: '3' | '4';
  onChanged: () => void;
  onIssued: (password: string) => void;
}) {
  const queryClient = useQueryClient();
  const done = () => {
    onChanged();
    void queryClient.invalidateQueries({ queryKey: ['admin'] });
    void queryClient.invalidateQueries({ queryKey: ['unit-admin-requests'] });
    void queryClient.invalidateQueries({ queryKey: ['access-log'] });
  };
  const params = { requestId: r.id };
  const body = { version: r.version };
  const approve = useMutation({
    mutationFn: () => call(approveAdminRequest, { params, body }),
    onSuccess: (result) => {
      if (result.initialPassword) onIssued(result.initialPassword);
      done();
    },
  });
  const reject = useMutation({
    mutationFn: () => call(rejectAdminRequest, { params, body }),
    onSuccess: done,
  });
  const withdraw = useMutation({
    mutationFn: () => call(withdrawAdminRequest, { params, body }),
    onSuccess: done,
  });
  const headingId = `begaran-${r.id}`;
  const what = `${requestSubject(r)} för ${r.targetUser.displayName}`;
  return (
    <Box
      as="article"
      aria-labelledby={headingId}
      padding="space-16"
      borderWidth="1"
      borderRadius="8"
      borderColor="warning"
    >
      <VStack gap="space-12" align="start">
        <Heading level={headingLevel} size="xsmall" id={headingId}>
          {what}
        </Heading>
        <PendingTag />
        <BodyShort size="small">
          Begärd av {r.requestedBy.displayName}, {formatDateTime(r.requestedAt)}
        </BodyShort>
        {r.kind === 'login_reset' && r.abilities.decide ? (
          <BodyLong size="small">
            Godkänner du får du se engångslösenordet en gång. Lämna det personligen till{' '}
            {r.targetUser.displayName} – inte till den som begärde det.
          </BodyLong>
        ) : null}
        <ApiErrorAlert error={approve.error ?? reject.error ?? withdraw.error} size="small" />
        <HStack gap="space-8">
          {r.abilities.decide ? (
            <>
              <Button
                size="small"
                loading={approve.isPending}
                onClick={() => {
                  approve.mutate();
                }}
              >
                Godkänn
                <span className="visually-hidden"> {what}</span>
              </Button>
              <Button
                size="small"
                variant="secondary"
                loading={reject.isPending}
                onClick={() => {
                  reject.mutate();
                }}
              >
                Avslå
                <span className="visually-hidden"> {what}</span>
              </Button>
            </>
          ) : null}
          {r.abilities.withdraw ? (
            <Button
              size="small"
              variant="tertiary"
              loading={withdraw.isPending}
              onClick={() => {
                withdraw.mutate();
              }}
            >
              Dra tillbaka
              <span className="visually-hidden"> {what}</span>
            </Button>
          ) : null}
        </HStack>
        {!r.abilities.decide && !r.abilities.withdraw ? (
          <BodyShort size="small">En annan administratör eller enhetschefen godkänner.</BodyShort>
        ) : r.abilities.withdraw ? (
          <BodyShort size="small">
            En annan administratör eller enhetschefen för enheten behöver godkänna.
          </BodyShort>
        ) : null}
      </VStack>
    </Box>
  );
}
