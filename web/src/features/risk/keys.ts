import { caseKey } from '../cases/useCase.ts';

/** Under the case's key: a step on the case refreshes its risk picture too. */
export const riskKey = (caseId: string) => [...caseKey(caseId), 'risk'] as const;
export const safetyPlanKey = (caseId: string, personId: string) =>
  [...caseKey(caseId), 'safety-plan', personId] as const;
export const instrumentsKey = ['instruments'] as const;
