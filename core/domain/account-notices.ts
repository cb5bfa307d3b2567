import type { Role } from '../policy/roles.ts';
import { roleLabels } from '../policy/roles.ts';

export type NoticeKind =
  | 'role_requested'
  | 'role_granted'
  | 'role_rejected'
  | 'role_revoked'
  | 'login_reset_requested'
  | 'login_reset_done'
  | 'login_reset_rejected'
  | 'request_withdrawn'
  | 'account_created';

export interface NoticeFacts {
  kind: NoticeKind;
  role: Role | null;
  unitName: string | null;
  /** Who asked or decided; a colleague's name, never a client's. */
  actorName: string | null;
}

/** The sentence a user reads about a change to their own account. */
export function noticeText(n: NoticeFacts): string {
  const who = n.actorName ?? 'En administratör';
  const role = n.role ? `${roleLabels[n.role]}${n.unitName ? ` i ${n.unitName}` : ''}` : 'en roll';
  const unexpected = ' Om du inte känner till det, kontakta din enhetschef.';
  switch (n.kind) {
    case 'role_requested':
      return `${who} har begärt att du får rollen ${role}. Den gäller först när en andra person har godkänt den.${unexpected}`;
    case 'role_granted':
      return `Du har fått rollen ${role}. ${who} godkände det.${unexpected}`;
    case 'role_rejected':
      return `Begäran om rollen ${role} avslogs av ${who}.`;
    case 'role_revoked':
      return `Rollen ${role} har tagits bort av ${who}.`;
    case 'login_reset_requested':
      return `${who} har begärt ett nytt engångslösenord för ditt konto. Det gäller först när en andra person har godkänt det.${unexpected}`;
    case 'login_reset_done':
      return `Din inloggning har återställts. ${who} godkände det och lämnar det nya engångslösenordet till dig personligen.${unexpected}`;
    case 'login_reset_rejected':
      return `Begäran om ett nytt engångslösenord för ditt konto avslogs av ${who}.`;
    case 'account_created':
      return `Välkommen! Ditt konto och din första inloggning godkändes av ${who}, som lämnade engångslösenordet till dig.${unexpected}`;
    case 'request_withdrawn':
      return `${who} har dragit tillbaka en begäran om ändring av ditt konto.`;
  }
}
