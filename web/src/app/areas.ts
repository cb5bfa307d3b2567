import type { SessionInfo } from '../../../core/contracts/auth.ts';
import { caseworkerRoles } from '../../../core/policy/roles.ts';
import type { Role } from '../../../core/policy/roles.ts';

const hasRole = (session: SessionInfo, ...roles: Role[]) =>
  session.user.grants.some((g) => roles.includes(g.role));

export interface Area {
  path: string;
  label: string;
  description: string;
  allowed: (session: SessionInfo) => boolean;
}

/** The areas of Värn; the menu shows only those the signed-in user's abilities allow. */
export const areas: readonly Area[] = [
  {
    path: '/arenden',
    label: 'Mina ärenden',
    description: 'Dina öppna ärenden och enhetens inkorg.',
    allowed: (s) => s.abilities.listMyCases,
  },
  {
    path: '/arenden/ny',
    label: 'Ny aktualisering',
    description: 'Registrera det som har kommit in: vad, från vem, hur och när.',
    allowed: (s) => hasRole(s, ...caseworkerRoles),
  },
  {
    path: '/overflyttning/ta-emot',
    label: 'Ta emot överflyttning',
    description: 'Läs in ett ärende som en annan kommun har flyttat hit.',
    allowed: (s) => hasRole(s, ...caseworkerRoles),
  },
  {
    path: '/uppdrag',
    label: 'Mina uppdrag',
    description: 'Uppdrag som socialtjänsten har gett er: svar, genomförandeplan och anteckningar.',
    allowed: (s) => hasRole(s, 'provider'),
  },
  {
    path: '/samrad',
    label: 'Samråd',
    description: 'Samråd du har kallat till eller deltar i, med minnesanteckningar och åtgärder.',
    allowed: (s) => hasRole(s, ...caseworkerRoles, 'unit_manager'),
  },
  {
    path: '/personer',
    label: 'Sök person',
    description: 'Hitta en personakt med personnummer eller namn.',
    allowed: (s) => s.abilities.searchPersons,
  },
  {
    path: '/loggkontroll',
    label: 'Loggkontroll',
    description: 'Granska vem som har läst vad, och nödåtkomst i din enhet.',
    allowed: (s) => s.abilities.reviewAccessLog,
  },
  {
    path: '/statistik',
    label: 'Uppföljning',
    description: 'Avidentifierad statistik för systematisk uppföljning.',
    allowed: (s) => hasRole(s, 'analyst', 'unit_manager'),
  },
  {
    path: '/administration',
    label: 'Administration',
    description: 'Enheter, användare och roller, delegation och lagrum.',
    allowed: (s) => s.abilities.administer,
  },
];

export const areaByPath = (path: string) => areas.find((a) => a.path === path);
