import type { SessionInfo } from '../../../../core/contracts/auth.ts';
import { caseworkerRoles } from '../../../../core/policy/roles.ts';

/** The units where the signed-in user handles cases, each once even with several roles there. */
export function caseworkerUnits(session: SessionInfo): { id: string; name: string }[] {
  return [
    ...new Map(
      session.user.grants
        .filter((g) => caseworkerRoles.has(g.role))
        .map((g) => [g.unitId, g.unitName] as const),
    ),
  ].map(([id, name]) => ({ id, name }));
}
