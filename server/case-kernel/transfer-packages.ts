import { createHash } from 'node:crypto';
import type {
  TransferPackage,
  TransferPackageContent,
} from '../../core/contracts/transfer-package.ts';
import { canonicalJson } from '../../core/domain/transfers.ts';
import { AppError } from '../errors.ts';

/**
 * The transfer package's integrity (core/contracts/transfer-package.ts), for the side that makes
 * it and the side that reads it in: a sha256 over the canonical JSON of its content, and each
 * PDF's own.
 */

export const sha256Hex = (data: string | Uint8Array) =>
  createHash('sha256').update(data).digest('hex');

/** The package's digest: over the canonical JSON of its content, so key order does not matter. */
export const packageDigest = (content: TransferPackageContent) => sha256Hex(canonicalJson(content));

/** The package's own promises, checked before anything is written: its digest and each PDF's. */
export function verifyPackage(pkg: TransferPackage) {
  const { digest, ...content } = pkg;
  const problems: string[] = [];
  if (packageDigest(content) !== digest) {
    problems.push(
      'Paketets kontrollsumma stämmer inte med innehållet. Det kan ha ändrats på vägen: be den skickande kommunen om ett nytt.',
    );
  }
  for (const d of pkg.documents) {
    if (sha256Hex(Buffer.from(d.pdf, 'base64')) !== d.sha256) {
      problems.push(`Dokumentet "${d.title}" stämmer inte med sin kontrollsumma.`);
    }
  }
  if (problems.length > 0) {
    throw new AppError('VALIDATION', {
      fields: [{ path: 'body.package', message: problems.join(' ') }],
    });
  }
}
