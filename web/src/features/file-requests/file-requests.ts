import { getFileExtract, listFileRequests } from '../../../../core/contracts/file-requests.ts';
import type { ExtractPiece, FileRequest } from '../../../../core/contracts/file-requests.ts';
import { call } from '../../api/client.ts';
import { formatDate } from '../../components/format.ts';
import { caseKey } from '../cases/useCase.ts';

/** Under the case's key: a change in the file refreshes the extracts with the rest. */
export const fileRequestsKey = (caseId: string) => [...caseKey(caseId), 'file-requests'] as const;

export const fileRequestsQuery = (caseId: string) => ({
  queryKey: fileRequestsKey(caseId),
  queryFn: () => call(listFileRequests, { params: { caseId } }),
});

export const fileExtractQuery = (caseId: string, requestId: string) => ({
  queryKey: [...fileRequestsKey(caseId), requestId, 'extract'] as const,
  queryFn: () => call(getFileExtract, { params: { caseId, requestId } }),
});

/** The class of a piece as its badge says it. */
export const pieceClassLabels: Record<ExtractPiece['class'], string> = {
  open: 'Öppen',
  masked: 'Maskeras',
  withheld: 'Lämnas aldrig ut',
};

export const requesterText = (r: FileRequest['requester']) =>
  r.kind === 'person' ? 'Personen själv' : `Ombud: ${r.name ?? ''}`;

/** A request as its card and the extract name it: "Begäran 2026-12-03". */
export const requestTitle = (r: FileRequest) => `Begäran ${formatDate(r.requestedOn)}`;

/** Where a request stands: Utkast, Godkänt, Utlämnat. */
export function requestStatus(r: FileRequest): 'Utkast' | 'Godkänt' | 'Utlämnat' {
  if (r.release) return 'Utlämnat';
  return r.version > 0 && r.approvals.some((a) => a.version === r.version) ? 'Godkänt' : 'Utkast';
}
