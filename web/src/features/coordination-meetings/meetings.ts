import {
  getMeeting,
  listCaseMeetings,
  listMeetings,
  myMeetingActions,
} from '../../../../core/contracts/coordination-meetings.ts';
import type { Meeting, MeetingFile } from '../../../../core/contracts/coordination-meetings.ts';
import { useQueryClient } from '@tanstack/react-query';
import { call } from '../../api/client.ts';
import { caseKey } from '../cases/useCase.ts';

/**
 * What the samråd screens share: their queries and keys, and how they name things. A samråd's
 * view changes with every file that joins and every ground recorded, so after any write the
 * samråd, the lists and the work list are read again (`meetingKeys.all`).
 */

export const meetingKeys = {
  all: ['meetings'] as const,
  list: ['meetings', 'list'] as const,
  mine: ['meetings', 'actions', 'mine'] as const,
  one: (meetingId: string) => ['meetings', 'one', meetingId] as const,
  /** Under the case's key too: the case's tab is read again with the case. */
  ofCase: (caseId: string) => [...caseKey(caseId), 'meetings'] as const,
};

/** After a write: every samråd view read again, the cases' tabs and the work list included. */
export function useRefreshMeetings() {
  const queryClient = useQueryClient();
  return () =>
    queryClient.invalidateQueries({
      predicate: (q) =>
        q.queryKey[0] === 'meetings' || (q.queryKey[0] === 'case' && q.queryKey[2] === 'meetings'),
    });
}

export const meetingQuery = (meetingId: string) => ({
  queryKey: meetingKeys.one(meetingId),
  queryFn: () => call(getMeeting, { params: { meetingId } }),
});

export const caseMeetingsQuery = (caseId: string) => ({
  queryKey: meetingKeys.ofCase(caseId),
  queryFn: () => call(listCaseMeetings, { params: { caseId } }),
});

export const meetingsQuery = {
  queryKey: meetingKeys.list,
  queryFn: () => call(listMeetings, {}),
};

export const myActionsQuery = {
  queryKey: meetingKeys.mine,
  queryFn: () => call(myMeetingActions, {}),
};

export const meetingStatusLabels: Record<Meeting['status'], string> = {
  called: 'Kallat',
  held: 'Hållet',
};

/** A file as a reader may name it: the person, or only the unit that keeps it. */
export const fileName = (file: Pick<MeetingFile, 'personName' | 'unitName'>) =>
  file.personName ?? `Akt hos ${file.unitName}`;
