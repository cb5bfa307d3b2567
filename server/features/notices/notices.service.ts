import type { ActionContext } from '../../http/action-context.ts';
import type { Notice } from '../../../core/contracts/notices.ts';
import { noticeText } from '../../../core/domain/account-notices.ts';
import type { Db } from '../../db/database.ts';
import { AppError } from '../../errors.ts';
import type { ServiceDeps } from '../../service-deps.ts';

/**
 * A user's notices about their own account (roles, logins). Only ever the signed-in user's own,
 * whatever their roles, so no policy decision beyond the session: like GET /api/session.
 */
function noticeQuery(db: Db, userId: string) {
  return db
    .selectFrom('user_notice as n')
    .leftJoin('unit', 'unit.id', 'n.unit_id')
    .leftJoin('app_user as actor', 'actor.id', 'n.actor_user_id')
    .select([
      'n.id',
      'n.kind',
      'n.role',
      'unit.name as unit_name',
      'actor.display_name as actor_name',
      'n.created_at',
      'n.read_at',
    ])
    .where('n.user_id', '=', userId);
}
type NoticeRow = Awaited<ReturnType<ReturnType<typeof noticeQuery>['execute']>>[number];

const toNotice = (r: NoticeRow): Notice => ({
  id: r.id,
  kind: r.kind,
  text: noticeText({
    kind: r.kind,
    role: r.role,
    unitName: r.unit_name,
    actorName: r.actor_name,
  }),
  createdAt: r.created_at.toISOString(),
  read: r.read_at !== null,
});

const READ_SHOWN = 20;

export async function listMyNotices(deps: ServiceDeps, ctx: ActionContext) {
  const userId = ctx.actor.userId;
  const unread = await noticeQuery(deps.db, userId)
    .where('n.read_at', 'is', null)
    .orderBy('n.created_at', 'desc')
    .execute();
  const read = await noticeQuery(deps.db, userId)
    .where('n.read_at', 'is not', null)
    .orderBy('n.created_at', 'desc')
    .limit(READ_SHOWN)
    .execute();
  return { items: [...unread, ...read].map(toNotice) };
}

export async function markNoticeRead(
  deps: ServiceDeps,
  ctx: ActionContext,
  noticeId: string,
): Promise<Notice> {
  const userId = ctx.actor.userId;
  await deps.db
    .updateTable('user_notice')
    .set({ read_at: ctx.now })
    .where('id', '=', noticeId)
    .where('user_id', '=', userId)
    .where('read_at', 'is', null)
    .execute();
  // Someone else's notice is answered like one that does not exist.
  const row = await noticeQuery(deps.db, userId).where('n.id', '=', noticeId).executeTakeFirst();
  if (!row) throw new AppError('NOT_FOUND');
  return toNotice(row);
}
