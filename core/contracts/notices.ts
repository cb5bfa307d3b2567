import { z } from 'zod';
import { defineContract } from './contract.ts';

/**
 * What a user is told about changes to their own account — a role asked for, given or taken
 * away, a login reset — so that a change made behind their back does not go unnoticed. Notices
 * name administrators, roles and units, never a client.
 */
export const noticeKinds = [
  'role_requested',
  'role_granted',
  'role_rejected',
  'role_revoked',
  'login_reset_requested',
  'login_reset_done',
  'login_reset_rejected',
  'request_withdrawn',
  'account_created',
] as const;

export const Notice = z.object({
  id: z.uuid(),
  kind: z.enum(noticeKinds),
  /** The sentence shown, in Swedish. */
  text: z.string(),
  createdAt: z.iso.datetime(),
  read: z.boolean(),
});
export type Notice = z.infer<typeof Notice>;

/** The signed-in user's own notices: unread first, then the latest read ones. */
export const listMyNotices = defineContract({
  method: 'GET',
  path: '/api/notices',
  response: z.object({ items: z.array(Notice) }),
});

export const markNoticeRead = defineContract({
  method: 'POST',
  path: '/api/notices/:noticeId/read',
  params: z.strictObject({ noticeId: z.uuid() }),
  response: Notice,
});
