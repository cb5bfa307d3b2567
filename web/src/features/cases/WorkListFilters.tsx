import { useCallback, useId, useMemo } from 'react';
import { BodyLong, Box, Button, HStack, Select, ToggleGroup, VStack } from '@navikt/ds-react';
import { useSearchParams } from 'react-router';
import { deadlineKinds } from '../../../../core/domain/deadlines.ts';
import type { DeadlineKind } from '../../../../core/domain/deadlines.ts';
import { riskLevelLabels } from '../../../../core/domain/instruments.ts';
import type { RiskLevel } from '../../../../core/domain/instruments.ts';
import { deadlineLabels } from '../../app/labels.ts';
import type { WorkListFilter } from './useCaseList.ts';

/** Highest first: the order a person looking for what cannot wait reads them in. */
const riskOptions: readonly RiskLevel[] = ['high', 'medium', 'low'];

const isKind = (value: string | null): value is DeadlineKind =>
  value !== null && (deadlineKinds as readonly string[]).includes(value);
const isRisk = (value: string | null): value is RiskLevel =>
  value !== null && (riskOptions as readonly string[]).includes(value);

/** True when the filter narrows the list at all. */
export const isFiltered = (filter: WorkListFilter) =>
  filter.view !== 'all' || filter.kind !== undefined || filter.risk !== undefined;

/**
 * A work list's filter, kept in the address (`?vy=idag&frist=investigation&risk=high`) so that
 * reload, back and forward keep it; `prefix` keeps two lists on one page apart. A change replaces
 * the history entry: stepping back leaves the page, not one filter at a time. A value that is not
 * in the lists (an old or edited link) is read as no filter.
 */
export function useWorkListFilter(prefix = '') {
  const [params, setParams] = useSearchParams();
  const names = useMemo(
    () => ({ view: `${prefix}vy`, kind: `${prefix}frist`, risk: `${prefix}risk` }),
    [prefix],
  );
  const view = params.get(names.view);
  const kind = params.get(names.kind);
  const risk = params.get(names.risk);
  const filter = useMemo<WorkListFilter>(
    () => ({
      view: view === 'idag' ? 'today' : 'all',
      ...(isKind(kind) ? { kind } : {}),
      ...(isRisk(risk) ? { risk } : {}),
    }),
    [view, kind, risk],
  );
  const setFilter = useCallback(
    (next: WorkListFilter) => {
      setParams(
        (current) => {
          const updated = new URLSearchParams(current);
          const put = (name: string, value: string | undefined) => {
            if (value) updated.set(name, value);
            else updated.delete(name);
          };
          put(names.view, next.view === 'today' ? 'idag' : undefined);
          put(names.kind, next.kind);
          put(names.risk, next.risk);
          return updated;
        },
        { replace: true, preventScrollReset: true },
      );
    },
    [names, setParams],
  );
  return [filter, setFilter] as const;
}

/**
 * Above a work list: "Visa" Alla or Idag (with how many are due today or overdue), a deadline
 * kind and a risk level. The toggles have a fixed width, so the count arriving or changing never
 * moves what is beside it.
 */
export function WorkListFilters({
  filter,
  onChange,
  dueToday,
  listName,
  allId,
}: {
  filter: WorkListFilter;
  onChange: (filter: WorkListFilter) => void;
  /** From the list's first page; undefined until it is in. */
  dueToday: number | undefined;
  /** The list's heading, naming the group of filters: "Filtrera Mina öppna ärenden". */
  listName: string;
  /** The id of the "Alla" toggle, for focus after "Visa alla". */
  allId: string;
}) {
  const id = useId();
  return (
    <HStack gap="space-16" align="end" wrap role="group" aria-label={`Filtrera ${listName}`}>
      <Box width="14rem">
        <ToggleGroup
          label="Visa"
          size="small"
          fill
          value={filter.view}
          onChange={(value) => {
            onChange({ ...filter, view: value === 'today' ? 'today' : 'all' });
          }}
        >
          <ToggleGroup.Item value="all" id={allId} label="Alla" />
          <ToggleGroup.Item
            value="today"
            label={`Idag (${dueToday === undefined ? '–' : String(dueToday)})`}
          />
        </ToggleGroup>
      </Box>
      <Select
        id={`${id}-frist`}
        label="Tidsfrist"
        size="small"
        value={filter.kind ?? ''}
        onChange={(e) => {
          const value = e.target.value;
          onChange({ ...filter, kind: isKind(value) ? value : undefined });
        }}
      >
        <option value="">Alla tidsfrister</option>
        {deadlineKinds.map((kind) => (
          <option key={kind} value={kind}>
            {deadlineLabels[kind]}
          </option>
        ))}
      </Select>
      <Select
        id={`${id}-risk`}
        label="Risknivå"
        size="small"
        value={filter.risk ?? ''}
        onChange={(e) => {
          const value = e.target.value;
          onChange({ ...filter, risk: isRisk(value) ? value : undefined });
        }}
      >
        <option value="">Alla risknivåer</option>
        {riskOptions.map((level) => (
          <option key={level} value={level}>
            {riskLevelLabels[level]}
          </option>
        ))}
      </Select>
    </HStack>
  );
}

/**
 * A filtered list with nothing in it: said so, with the way back to the whole list. Focus goes to
 * the "Alla" toggle, since this button disappears with the message.
 */
export function WorkListEmpty({ onShowAll, allId }: { onShowAll: () => void; allId: string }) {
  return (
    <VStack gap="space-8" align="start">
      <BodyLong>Inga ärenden matchar filtret.</BodyLong>
      <Button
        size="small"
        variant="secondary"
        onClick={() => {
          onShowAll();
          document.getElementById(allId)?.focus();
        }}
      >
        Visa alla
      </Button>
    </VStack>
  );
}
