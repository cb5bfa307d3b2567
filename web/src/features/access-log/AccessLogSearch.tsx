import { useState } from 'react';
import {
  Alert,
  BodyLong,
  Button,
  Checkbox,
  Heading,
  HGrid,
  Select,
  TextField,
  VStack,
} from '@navikt/ds-react';
import { useQuery } from '@tanstack/react-query';
import { listUnitMembers, searchAccessLog } from '../../../../core/contracts/access-log.ts';
import type { AuditAction } from '../../../../core/audit/events.ts';
import type { BodyOf } from '../../../../core/contracts/contract.ts';
import type { FieldError } from '../../../../core/contracts/errors.ts';
import { call } from '../../api/client.ts';
import { fieldErrorsOf, validateBody } from '../../api/forms.ts';
import { auditActions } from '../../app/labels.ts';
import { ApiErrorAlert } from '../../components/ApiErrorAlert.tsx';
import { FormErrorSummary } from '../../components/FormErrorSummary.tsx';
import { Loading } from '../../components/Loading.tsx';
import { bindFields } from '../../components/useContractForm.ts';
import { AccessLogTable } from './AccessLogTable.tsx';

const formId = 'loggsok';
type Filters = BodyOf<typeof searchAccessLog>;

const optional = (value: string) => (value.trim() === '' ? undefined : value.trim());

type FilterValues = {
  userId: string;
  personId: string;
  action: AuditAction | '';
  from: string;
  to: string;
  securityOnly: boolean;
};
const noFilters: FilterValues = {
  userId: '',
  personId: '',
  action: '',
  from: '',
  to: '',
  securityOnly: false,
};

export function AccessLogSearch({ unitId }: { unitId: string }) {
  const [values, setValues] = useState(noFilters);
  const [filters, setFilters] = useState<Filters>({ unitId, limit: 100 });
  const [clientErrors, setClientErrors] = useState<FieldError[]>([]);

  const members = useQuery({
    queryKey: ['unit-members', unitId],
    queryFn: () => call(listUnitMembers, { params: { unitId } }),
  });
  const log = useQuery({
    queryKey: ['access-log', filters],
    queryFn: () => call(searchAccessLog, { body: filters }),
    retry: false,
  });
  const errors = clientErrors.length > 0 ? clientErrors : fieldErrorsOf(log.error);

  const set = (patch: Partial<FilterValues>) => {
    setValues((v) => ({ ...v, ...patch }));
  };
  // The filters are the query's key, not a saved body: the fields are bound, the search is ours.
  const field = bindFields(searchAccessLog.body, { formId, values, set, errors });

  const search = (next: { userId?: string; personId?: string }) => {
    const body: Filters = {
      unitId,
      limit: 100,
      userId: optional(next.userId ?? values.userId),
      personId: optional(next.personId ?? values.personId),
      action: values.action === '' ? undefined : values.action,
      securityOnly: values.securityOnly ? true : undefined,
      from: optional(values.from),
      to: optional(values.to),
    };
    const problems = validateBody(searchAccessLog.body, body);
    setClientErrors(problems);
    if (problems.length === 0) setFilters(body);
  };

  const filterBy = (filter: { userId?: string; personId?: string }) => {
    set(filter);
    search(filter);
  };

  return (
    <section aria-labelledby="logg-rubrik">
      <VStack gap="space-24">
        <Heading level="2" size="medium" id="logg-rubrik">
          Åtkomstlogg
        </Heading>
        <form
          noValidate
          aria-label="Filtrera loggen"
          onSubmit={(event) => {
            event.preventDefault();
            search({});
          }}
        >
          <VStack gap="space-16">
            <FormErrorSummary formId={formId} errors={errors} />
            <HGrid gap="space-16" columns={{ xs: 1, md: 2 }}>
              <Select {...field.select('userId')} label="Medarbetare">
                <option value="">Alla i enheten</option>
                {(members.data?.items ?? []).map((member) => (
                  <option key={member.id} value={member.id}>
                    {member.displayName}
                  </option>
                ))}
              </Select>
              <TextField
                {...field.text('personId')}
                label="Person (id)"
                description="Valfritt. Välj ”Visa bara personen” i en rad för att fylla i."
                autoComplete="off"
                spellCheck={false}
              />
              <Select {...field.select('action')} label="Händelse">
                <option value="">Alla händelser</option>
                {(Object.entries(auditActions) as [AuditAction, string][]).map(([key, label]) => (
                  <option key={key} value={key}>
                    {label}
                  </option>
                ))}
              </Select>
              <HGrid gap="space-16" columns={2}>
                <TextField
                  {...field.text('from')}
                  label="Från och med"
                  description="ÅÅÅÅ-MM-DD"
                  autoComplete="off"
                />
                <TextField
                  {...field.text('to')}
                  label="Till och med"
                  description="ÅÅÅÅ-MM-DD"
                  autoComplete="off"
                />
              </HGrid>
            </HGrid>
            <Checkbox
              {...field.flag('securityOnly')}
              description="Nekade försök att öppna eller ändra uppgifter, och misslyckade inloggningar."
            >
              Visa bara säkerhetshändelser
            </Checkbox>
            <div>
              <Button type="submit" loading={log.isFetching}>
                Visa loggen
              </Button>
            </div>
          </VStack>
        </form>
        {log.isPending ? <Loading label="Hämtar loggen…" /> : null}
        {fieldErrorsOf(log.error).length === 0 ? <ApiErrorAlert error={log.error} /> : null}
        {log.data ? (
          <VStack gap="space-32">
            {log.data.truncated ? (
              <Alert variant="info" size="small">
                Fler händelser matchar än som visas. Begränsa sökningen med datum, händelse,
                användare eller person.
              </Alert>
            ) : null}
            <section aria-labelledby="flaggade-rubrik">
              <VStack gap="space-16">
                <Heading level="3" size="small" id="flaggade-rubrik">
                  Skyddade personer och nödåtkomst ({log.data.flagged.length})
                </Heading>
                {log.data.flagged.length === 0 ? (
                  <BodyLong>Ingen åtkomst till skyddade personer och ingen nödåtkomst.</BodyLong>
                ) : (
                  <AccessLogTable
                    entries={log.data.flagged}
                    labelledBy="flaggade-rubrik"
                    onFilter={filterBy}
                  />
                )}
              </VStack>
            </section>
            <section aria-labelledby="ovriga-rubrik">
              <VStack gap="space-16">
                <Heading level="3" size="small" id="ovriga-rubrik">
                  Övriga händelser ({log.data.entries.length})
                </Heading>
                {log.data.entries.length === 0 ? (
                  <BodyLong>Inga andra händelser.</BodyLong>
                ) : (
                  <AccessLogTable
                    entries={log.data.entries}
                    labelledBy="ovriga-rubrik"
                    onFilter={filterBy}
                  />
                )}
              </VStack>
            </section>
          </VStack>
        ) : null}
      </VStack>
    </section>
  );
}
