import { randomUUID } from 'node:crypto';
import type { FastifyInstance } from 'fastify';
import type { Role } from '../../core/policy/roles.ts';
import { DEVELOPMENT_SECRET_KEY, sealSecret, totpContext } from '../crypto/secret-box.ts';
import type { Db } from '../db/database.ts';
import type { UnitKind } from '../db/schema.ts';
import { hashPassword } from '../accounts/passwords.ts';
import { newTotpSecret, totpCode } from '../accounts/totp.ts';

let counter = 0;
const next = () => ++counter;

export async function createUnit(db: Db, input: { name?: string; kind?: UnitKind } = {}) {
  const row = await db
    .insertInto('unit')
    .values({ name: input.name ?? `Enhet ${next()}`, kind: input.kind ?? 'adult' })
    .returning(['id', 'name'])
    .executeTakeFirstOrThrow();
  return row;
}

export interface TestUser {
  id: string;
  username: string;
  password: string;
  totpSecret: string | null;
}

let passwordHash: Promise<string> | undefined;
const TEST_PASSWORD = 'korrekt-hast-batteri';

/** A user with roles; by default fully enrolled with a second factor. */
export async function createUser(
  db: Db,
  input: {
    username?: string;
    grants?: { unitId: string; role: Role }[];
    totp?: boolean;
    mustChangePassword?: boolean;
    disabled?: boolean;
  } = {},
): Promise<TestUser> {
  passwordHash ??= hashPassword(TEST_PASSWORD);
  const totp = input.totp ?? true;
  const totpSecret = totp ? newTotpSecret() : null;
  const username = input.username ?? `anvandare${next()}`;
  // Sealed as the server stores it, under the key test configuration uses.
  const id = randomUUID();
  const user = await db
    .insertInto('app_user')
    .values({
      id,
      username,
      display_name: `Test ${username}`,
      password_hash: await passwordHash,
      must_change_password: input.mustChangePassword ?? false,
      totp_required: totp,
      totp_secret: totpSecret
        ? sealSecret(DEVELOPMENT_SECRET_KEY, totpSecret, totpContext(id))
        : null,
      totp_last_step: null,
      disabled_at: input.disabled ? new Date() : null,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  if (input.grants?.length) {
    await db
      .insertInto('user_role')
      .values(
        input.grants.map((g) => ({
          user_id: user.id,
          unit_id: g.unitId,
          role: g.role,
          granted_by: null,
        })),
      )
      .execute();
  }
  return { id: user.id, username, password: TEST_PASSWORD, totpSecret };
}

export interface LoggedIn {
  cookie: string;
  csrfToken: string;
  /** Headers for a state-changing request in this session. */
  headers: Record<string, string>;
}

function cookieFrom(setCookie: string | string[] | undefined): string {
  const first = Array.isArray(setCookie) ? setCookie[0] : setCookie;
  const pair = first?.split(';')[0];
  if (!pair) throw new Error('no session cookie set');
  return pair;
}

/** Logs in through the real endpoints, second factor included. */
export async function loginAs(
  app: FastifyInstance,
  user: TestUser,
  at: Date = new Date(),
): Promise<LoggedIn> {
  const first = await app.inject({
    method: 'POST',
    url: '/api/auth/login',
    payload: { username: user.username, password: user.password },
  });
  if (first.statusCode !== 200) throw new Error(`login failed: ${first.statusCode} ${first.body}`);
  let cookie = cookieFrom(first.headers['set-cookie']);
  let info = first.json<{ stage: string; csrfToken: string }>();
  if (info.stage === 'second_factor' && user.totpSecret) {
    const second = await app.inject({
      method: 'POST',
      url: '/api/auth/second-factor',
      headers: { cookie, 'x-csrf-token': info.csrfToken },
      payload: { code: totpCode(user.totpSecret, at) },
    });
    if (second.statusCode !== 200)
      throw new Error(`second factor failed: ${second.statusCode} ${second.body}`);
    cookie = cookieFrom(second.headers['set-cookie']);
    info = second.json();
  }
  return { cookie, csrfToken: info.csrfToken, headers: { cookie, 'x-csrf-token': info.csrfToken } };
}

/** A complete aktualisering for POST /api/intakes; override what a test is about. */
export function intakePayload(
  unitId: string,
  person: Record<string, unknown>,
  overrides: {
    acuteNeed?: 'yes' | 'no' | 'unclear';
    assignToMe?: boolean;
    receivedAt?: string;
  } = {},
) {
  return {
    unitId,
    targetGroup: 'victim',
    person,
    intake: {
      type: 'police_notification',
      from: 'Polisen, region Stockholm',
      channel: 'police',
      receivedAt: overrides.receivedAt ?? new Date(Date.now() - 3_600_000).toISOString(),
      content: 'Polisen underrättar om misshandel i hemmet natten till i dag.',
    },
    acuteScreening: {
      acuteNeed: overrides.acuteNeed ?? 'no',
      motivation: 'Bedömt i telefonsamtal med personen.',
    },
    assignToMe: overrides.assignToMe ?? true,
  };
}
