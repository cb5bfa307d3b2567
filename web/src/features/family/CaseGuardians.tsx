import { BodyShort } from '@navikt/ds-react';
import { memberName, useFamily } from './useFamily.ts';

/**
 * A child's vårdnadshavare on the child's case page: name, and whom to call about each — or
 * masked when the child is protected from the guardian (core/domain/guardians.ts).
 */
export function CaseGuardians({ caseId }: { caseId: string }) {
  const family = useFamily(caseId);
  if (family.isPending) return <BodyShort size="small">Hämtar vårdnadshavare…</BodyShort>;
  if (family.isError) return <BodyShort size="small">Vårdnadshavare kunde inte hämtas.</BodyShort>;
  const guardians = family.data.members.filter((m) => m.guardian !== 'no');
  if (guardians.length === 0) return <BodyShort size="small">Inga registrerade</BodyShort>;
  return (
    <ul className="guardian-list">
      {guardians.map((g) => {
        const handling = g.cases.find((c) => c.handlaggare);
        return (
          <li key={g.key}>
            {memberName(g)}
            {handling?.handlaggare
              ? ` – handläggare ${handling.handlaggare}, ${handling.unitName}`
              : ''}
          </li>
        );
      })}
    </ul>
  );
}
