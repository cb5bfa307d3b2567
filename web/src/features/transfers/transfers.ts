import { getTransferImport, listTransfers } from '../../../../core/contracts/transfers.ts';
import type { Transfer, TransferStage } from '../../../../core/contracts/transfers.ts';
import {
  TRANSFER_PACKAGE_FORMAT,
  TRANSFER_PACKAGE_VERSION,
  TransferPackage,
} from '../../../../core/contracts/transfer-package.ts';
import { call } from '../../api/client.ts';
import { caseKey } from '../cases/useCase.ts';

/** Under the case's key: a change in the case refreshes the transfers with the rest. */
export const transfersKey = (caseId: string) => [...caseKey(caseId), 'transfers'] as const;

export const transfersQuery = (caseId: string) => ({
  queryKey: transfersKey(caseId),
  queryFn: () => call(listTransfers, { params: { caseId } }),
});

export const transferImportQuery = (caseId: string) => ({
  queryKey: [...caseKey(caseId), 'transfer-import'] as const,
  queryFn: () => call(getTransferImport, { params: { caseId } }),
});

/** Where a transfer stands, as the handläggare says it. */
export const stageLabels: Record<TransferStage, string> = {
  requested: 'Begärd – beslut saknas',
  approved: 'Begäran skickad – svar saknas',
  refused: 'Avslagen av den mottagande kommunen',
  accepted: 'Godtagen – paket ska tas fram',
  packaged: 'Paket framtaget – ska skickas',
  completed: 'Överflyttat',
};

export const stageColors: Record<TransferStage, 'neutral' | 'info' | 'warning' | 'success'> = {
  requested: 'neutral',
  approved: 'info',
  refused: 'warning',
  accepted: 'info',
  packaged: 'info',
  completed: 'success',
};

export const transferTitle = (t: Transfer) => `Överflyttning till ${t.receivingMunicipality}`;

/** The file name the package is saved under: the same as the server's download. */
export const packageFilename = 'overflyttningspaket.json';

/** A package file as read: the package, or why it cannot be read in, in Swedish. */
export type ReadPackage = { ok: true; package: TransferPackage } | { ok: false; message: string };

/**
 * Reads the text of a chosen file as a package: JSON, of the format and a version this Värn
 * knows, with every field the contract asks for. The server checks it again (and its digest).
 */
export function readPackage(text: string): ReadPackage {
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch {
    return {
      ok: false,
      message:
        'Filen är inte ett överflyttningspaket: den går inte att läsa som JSON. Välj den fil som den andra kommunen skickade.',
    };
  }
  const head = (typeof parsed === 'object' && parsed !== null ? parsed : {}) as Record<
    string,
    unknown
  >;
  if (head.format !== TRANSFER_PACKAGE_FORMAT) {
    return {
      ok: false,
      message:
        'Filen är inte ett överflyttningspaket från Värn. Välj den fil som den andra kommunen skickade.',
    };
  }
  if (head.version !== TRANSFER_PACKAGE_VERSION) {
    return {
      ok: false,
      message: `Paketet har version ${String(head.version)}, som den här versionen av Värn inte kan läsa. Be den andra kommunen skicka det i version ${String(TRANSFER_PACKAGE_VERSION)}.`,
    };
  }
  const result = TransferPackage.safeParse(parsed);
  if (!result.success) {
    return {
      ok: false,
      message:
        'Paketet är ofullständigt eller har ändrats och kan inte läsas in. Be den andra kommunen skicka det igen.',
    };
  }
  return { ok: true, package: result.data };
}
