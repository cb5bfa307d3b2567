import { listCertificates } from '../../../../core/contracts/certificates.ts';
import type { Certificate } from '../../../../core/contracts/certificates.ts';
import { caseKey } from '../cases/useCase.ts';
import { call } from '../../api/client.ts';

/** Under the case's key: a counterpart recorded in the case refreshes the problems with it. */
export const certificatesKey = (caseId: string) => [...caseKey(caseId), 'certificates'] as const;

export const certificatesQuery = (caseId: string) => ({
  queryKey: certificatesKey(caseId),
  queryFn: () => call(listCertificates, { params: { caseId } }),
});

export type CertificateStatus = 'draft' | 'reviewed' | 'returned' | 'issued';

export const certificateStatusLabels: Record<CertificateStatus, string> = {
  draft: 'Utkast',
  reviewed: 'Granskat',
  returned: 'Återlämnat',
  issued: 'Utfärdat',
};

/** Where an intyg stands: issued, or the last review of its newest version decides. */
export function certificateStatus(c: Certificate): CertificateStatus {
  if (c.issued) return 'issued';
  const last = c.reviews.filter((r) => r.version === c.version).at(-1);
  if (!last) return 'draft';
  return last.outcome === 'approved' ? 'reviewed' : 'returned';
}
