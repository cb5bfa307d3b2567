import { caseKey } from '../cases/useCase.ts';

/** Under the case's key: a step on the case refreshes its documents too. */
export const journalKey = (caseId: string) => [...caseKey(caseId), 'journal'] as const;
export const investigationKey = (caseId: string) => [...caseKey(caseId), 'investigation'] as const;
export const decisionsKey = (caseId: string) => [...caseKey(caseId), 'decisions'] as const;
