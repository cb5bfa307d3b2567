import { useState } from 'react';
import { BodyLong, Button, Heading, HStack, Select, Table, VStack } from '@navikt/ds-react';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { getHandoverRules, setHandoverRules } from '../../../../core/contracts/admin.ts';
import type { BodyOf } from '../../../../core/contracts/contract.ts';
import { handoverTargetGroups } from '../../../../core/domain/handover.ts';
import type { HandoverTargetGroup } from '../../../../core/domain/handover.ts';
import { call } from '../../api/client.ts';
import { targetGroupLabels } from '../../app/labels.ts';
import { ApiErrorAlert } from '../../components/ApiErrorAlert.tsx';
import { Loading } from '../../components/Loading.tsx';
import { useUnits } from './useAdmin.ts';

const handoverKey = ['admin', 'handover-rules'] as const;
type Rules = BodyOf<typeof setHandoverRules>;

/** Units that take over socialjour's matters in the day: the case-handling day units. */
const dayKinds = new Set(['adult', 'children']);
const hours = Array.from({ length: 24 }, (_, h) => h);
const hourLabel = (h: number) => `${String(h).padStart(2, '0')}:00`;

/**
 * Socialjour's handover: which day unit takes over a matter registered at night or on a day
 * off, by target group (a child to the children's unit where the municipality says so), and
 * when socialjour's night begins and ends. Saved as a whole.
 */
export function HandoverSection() {
  const queryClient = useQueryClient();
  const units = useUnits();
  const current = useQuery({ queryKey: handoverKey, queryFn: () => call(getHandoverRules) });
  const [draft, setDraft] = useState<Rules | null>(null);
  const [status, setStatus] = useState<string | null>(null);
  const save = useMutation({
    mutationFn: (body: Rules) => call(setHandoverRules, { body }),
    onSuccess: (result) => {
      queryClient.setQueryData(handoverKey, result);
      setDraft(null);
      setStatus('Reglerna för socialjourens överlämning är sparade.');
    },
  });
  const dayUnits = units.data?.items.filter((u) => dayKinds.has(u.kind)) ?? [];
  const loaded = current.data;
  const firstUnit = dayUnits[0]?.id ?? '';
  const rules: Rules | null =
    draft ??
    (loaded
      ? {
          rules: loaded.rules,
          defaultUnitId: loaded.defaultUnitId ?? firstUnit,
          childUnitId: loaded.childUnitId,
          nightStartsHour: loaded.nightStartsHour,
          nightEndsHour: loaded.nightEndsHour,
        }
      : null);
  const edit = (change: Partial<Rules>) => {
    if (!rules) return;
    setStatus(null);
    setDraft({ ...rules, ...change });
  };
  const unitFor = (group: HandoverTargetGroup) =>
    rules?.rules.find((r) => r.targetGroup === group)?.unitId ?? '';
  const setUnitFor = (group: HandoverTargetGroup, unitId: string) => {
    if (!rules) return;
    edit({
      rules: [
        ...rules.rules.filter((r) => r.targetGroup !== group),
        ...(unitId ? [{ targetGroup: group, unitId }] : []),
      ],
    });
  };

  return (
    <section aria-labelledby="overlamning-rubrik">
      <VStack gap="space-16">
        <Heading level="2" size="medium" id="overlamning-rubrik">
          Socialjourens överlämning
        </Heading>
        <BodyLong>
          Vilken dagenhet som tar över ett ärende som socialjouren registrerat på kvällen, natten
          eller en helgdag. Ärendet hamnar först i enhetens inkorg nästa arbetsdag.
        </BodyLong>
        <div role="status">{status}</div>
        <ApiErrorAlert error={save.error ?? current.error ?? units.error} />
        {current.isPending || units.isPending ? (
          <Loading label="Hämtar regler för överlämning…" />
        ) : null}
        {rules ? (
          <form
            onSubmit={(e) => {
              e.preventDefault();
              save.mutate(rules);
            }}
          >
            <VStack gap="space-16">
              <Table size="small" aria-labelledby="overlamning-rubrik">
                <Table.Header>
                  <Table.Row>
                    <Table.HeaderCell scope="col">Målgrupp</Table.HeaderCell>
                    <Table.HeaderCell scope="col">Dagenhet</Table.HeaderCell>
                  </Table.Row>
                </Table.Header>
                <Table.Body>
                  {handoverTargetGroups.map((group) => (
                    <Table.Row key={group}>
                      <Table.HeaderCell scope="row">{targetGroupLabels[group]}</Table.HeaderCell>
                      <Table.DataCell>
                        <Select
                          size="small"
                          hideLabel
                          label={`Dagenhet för ${targetGroupLabels[group].toLowerCase()}`}
                          value={unitFor(group)}
                          onChange={(e) => {
                            setUnitFor(group, e.target.value);
                          }}
                        >
                          <option value="">Standardenheten</option>
                          {dayUnits.map((u) => (
                            <option key={u.id} value={u.id}>
                              {u.name}
                            </option>
                          ))}
                        </Select>
                      </Table.DataCell>
                    </Table.Row>
                  ))}
                </Table.Body>
              </Table>
              <HStack gap="space-16" align="end" wrap>
                <Select
                  label="Standardenhet"
                  value={rules.defaultUnitId}
                  onChange={(e) => {
                    edit({ defaultUnitId: e.target.value });
                  }}
                >
                  {dayUnits.map((u) => (
                    <option key={u.id} value={u.id}>
                      {u.name}
                    </option>
                  ))}
                </Select>
                <Select
                  label="Barn under 18 år går till"
                  value={rules.childUnitId ?? ''}
                  onChange={(e) => {
                    edit({ childUnitId: e.target.value || null });
                  }}
                >
                  <option value="">Enheten för målgruppen</option>
                  {dayUnits.map((u) => (
                    <option key={u.id} value={u.id}>
                      {u.name}
                    </option>
                  ))}
                </Select>
                <Select
                  label="Socialjouren från"
                  value={String(rules.nightStartsHour)}
                  onChange={(e) => {
                    edit({ nightStartsHour: Number(e.target.value) });
                  }}
                >
                  {hours.map((h) => (
                    <option key={h} value={h}>
                      {hourLabel(h)}
                    </option>
                  ))}
                </Select>
                <Select
                  label="Socialjouren till"
                  value={String(rules.nightEndsHour)}
                  onChange={(e) => {
                    edit({ nightEndsHour: Number(e.target.value) });
                  }}
                >
                  {hours.map((h) => (
                    <option key={h} value={h}>
                      {hourLabel(h)}
                    </option>
                  ))}
                </Select>
                <Button
                  type="submit"
                  variant="secondary"
                  loading={save.isPending}
                  disabled={!rules.defaultUnitId}
                >
                  Spara regler
                </Button>
              </HStack>
            </VStack>
          </form>
        ) : null}
      </VStack>
    </section>
  );
}
