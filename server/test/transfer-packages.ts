import { createHash, randomUUID } from 'node:crypto';
import type { TransferPackage } from '../../core/contracts/transfer-package.ts';
import { packageDigest } from '../case-kernel/transfer-packages.ts';
import { stockholmDate } from '../time.ts';
import { signedFormPdf } from './consents.ts';

/** A valid package from another municipality, new each time (a package is read in once). */
export function foreignPackage(): TransferPackage {
  const content = {
    format: 'varn.case-transfer' as const,
    version: 1 as const,
    packageId: randomUUID(),
    createdAt: new Date().toISOString(),
    legalBasis: '2 a kap. 10 § SoL',
    sender: { municipality: 'Avsändarkommunen', unit: 'Enheten för våld', handlaggare: 'Hanna H' },
    receiver: { municipality: 'Demokommunen' },
    request: {
      grounds: 'Hon har sin familj här.',
      wishes: 'Hon vill flytta hit.',
      duration: 'Minst ett år.',
      requestedOn: stockholmDate(new Date()),
    },
    answer: { decidedOn: stockholmDate(new Date()), reference: null },
    person: {
      identity: null,
      givenName: 'Överflyttad',
      familyName: 'Klient',
      protectionLevel: 'none' as const,
      targetGroup: 'victim' as const,
    },
    violentParties: [],
    children: [],
    risk: null,
    decisions: [],
    documents: [
      {
        kind: 'decision' as const,
        title: 'Beslut',
        filename: 'beslut-1.pdf',
        sha256: createHash('sha256').update(signedFormPdf).digest('hex'),
        pdf: Buffer.from(signedFormPdf).toString('base64'),
      },
    ],
    documentsLeftOut: [],
  };
  return { ...content, digest: packageDigest(content) };
}
