import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Alert, BodyLong, BodyShort, Button, Heading, VStack } from '@navikt/ds-react';
import {
  getCaseSafetySignals,
  handleSafetySignal,
} from '../../../../core/contracts/safety-signals.ts';
import type { CaseSafetySignals } from '../../../../core/contracts/safety-signals.ts';
import { reviewedTexts } from '../../../../core/domain/safety-signals.ts';
import { call } from '../../api/client.ts';
import { ApiErrorAlert } from '../../components/ApiErrorAlert.tsx';
import { caseKey, useRefreshCase } from '../cases/useCase.ts';

/**
 * Safety signals in this case (core/domain/safety-signals.ts): an event in a linked person's file
 * asks for the risk assessment or the safety plan to be reviewed, by a day. The prompt is all
 * there is — what happened, and where, stays in the other file — and the handläggare marks it
 * reviewed here. Shown only when the case has a signal.
 */
export function SafetySignals({ caseId }: { caseId: string }) {
  const queryClient = useQueryClient();
  const refresh = useRefreshCase(caseId);
  const key = [...caseKey(caseId), 'safety-signals'];
  const signals = useQuery({
    queryKey: key,
    queryFn: () => call(getCaseSafetySignals, { params: { caseId } }),
    retry: false,
  });
  const mark = useMutation({
    mutationFn: (signalId: string) => call(handleSafetySignal, { params: { caseId, signalId } }),
    onSuccess: (answer: CaseSafetySignals) => {
      queryClient.setQueryData(key, answer);
      // The case's deadlines and the work lists lose the prompt.
      refresh('detail');
    },
  });
  const data = signals.data;
  if (!data || (data.open.length === 0 && data.handled.length === 0)) return null;
  return (
    <section aria-labelledby="signaler-rubrik">
      <VStack gap="space-8">
        <Heading level="2" size="small" id="signaler-rubrik">
          Signaler om säkerhetsarbetet
        </Heading>
        {data.open.map((p) => (
          <Alert key={p.review} variant="warning" size="small">
            <VStack gap="space-8">
              <BodyShort weight="semibold">{`${p.prompt} senast ${p.dueOn}`}</BodyShort>
              <BodyLong size="small">
                {`Något i en akt som är kopplad till personen gör att det behöver ses över (signal ${p.raisedOn}). Vad som hänt och var visas inte här.`}
              </BodyLong>
              {data.mayHandle ? (
                <div>
                  <Button
                    size="small"
                    variant="secondary"
                    loading={mark.isPending}
                    onClick={() => {
                      mark.mutate(p.id);
                    }}
                  >
                    {reviewedTexts[p.review]}
                  </Button>
                </div>
              ) : null}
            </VStack>
          </Alert>
        ))}
        {mark.error ? <ApiErrorAlert error={mark.error} /> : null}
        {data.handled.length > 0 ? (
          <ul className="signal-history">
            {data.handled.slice(0, 5).map((h, i) => (
              <li key={`${h.review}-${h.on}-${i}`}>
                <BodyShort size="small">{`${h.text} ${h.on} (${h.by})`}</BodyShort>
              </li>
            ))}
          </ul>
        ) : null}
      </VStack>
    </section>
  );
}
