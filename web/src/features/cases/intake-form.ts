import { useQueryClient } from '@tanstack/react-query';
import { useNavigate } from 'react-router';
import { registerIntake } from '../../../../core/contracts/cases.ts';
import type { BodyOf, ResponseOf } from '../../../../core/contracts/contract.ts';
import type { FieldError } from '../../../../core/contracts/errors.ts';
import type { PersonSummary } from '../../../../core/contracts/persons.ts';
import type { IdentityKind } from '../../../../core/domain/personal-identity.ts';
import type { ProtectionLevel } from '../../../../core/domain/protection.ts';
import { call } from '../../api/client.ts';
import { isDate, isTime, stockholmDateTimeToIso, stockholmNow } from '../../components/dates.ts';
import { useContractForm } from '../../components/useContractForm.ts';
import { identityNumberErrors } from '../persons/IdentityFields.tsx';

type Body = BodyOf<typeof registerIntake>;
export type PersonMode = 'existing' | 'new' | 'unidentified';

/** What the intake form holds: the body's fields, flat, with '' for a choice not yet made. */
export type IntakeValues = {
  unitId: string;
  targetGroup: Body['targetGroup'] | '';
  mode: PersonMode | '';
  chosen: PersonSummary | null;
  givenName: string;
  familyName: string;
  idKind: IdentityKind;
  idNumber: string;
  protection: ProtectionLevel;
  intakeType: Body['intake']['type'] | '';
  from: string;
  channel: Body['intake']['channel'] | '';
  date: string;
  time: string;
  content: string;
  acuteNeed: Body['acuteScreening']['acuteNeed'] | '';
  motivation: string;
  assignToMe: boolean;
};

export const intakeFormId = 'ny-aktualisering';
export const personPath = 'person';
export const newPersonPath = 'person.newPerson';

const blank = (unitId: string): IntakeValues => {
  const now = stockholmNow();
  return {
    unitId,
    targetGroup: '',
    mode: '',
    chosen: null,
    givenName: '',
    familyName: '',
    idKind: 'personnummer',
    idNumber: '',
    protection: 'none',
    intakeType: '',
    from: '',
    channel: '',
    date: now.date,
    time: now.time,
    content: '',
    acuteNeed: '',
    motivation: '',
    assignToMe: true,
  };
};

const personOf = (v: IntakeValues) => {
  if (v.mode === 'existing') return { existing: true, personId: v.chosen?.id ?? '' };
  const identity =
    v.mode === 'new' && v.idNumber.trim() !== '' ? { kind: v.idKind, number: v.idNumber } : null;
  return {
    existing: false,
    newPerson: {
      identity,
      givenName: v.givenName,
      familyName: v.familyName,
      protectionLevel: v.protection,
    },
  };
};

/** What the contract alone cannot tell: a search not yet chosen from, a number that is wrong. */
const check = (v: IntakeValues): FieldError[] => {
  const own: FieldError[] = [];
  if (v.mode === 'existing' && !v.chosen) {
    own.push({
      path: `body.${personPath}.personId`,
      message: 'Sök fram personen och välj henne eller honom i sökresultatet.',
    });
  }
  if (v.mode === 'new') {
    own.push(
      ...identityNumberErrors(`body.${newPersonPath}.identity.number`, v.idKind, v.idNumber),
    );
  }
  if (!isDate(v.date)) {
    own.push({ path: 'body.intake.receivedAt', message: 'Ange datum som ÅÅÅÅ-MM-DD.' });
  } else if (!isTime(v.time) || stockholmDateTimeToIso(v.date, v.time) === undefined) {
    own.push({ path: 'body.intake.receivedAt', message: 'Ange klockslag som TT:MM.' });
  }
  return own;
};

/** The aktualisering, bound to registerIntake; `onRouted` when it went to another unit. */
export function useIntakeForm(
  unitId: string,
  onRouted: (routed: Extract<ResponseOf<typeof registerIntake>, { outcome: 'routed' }>) => void,
) {
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  return useContractForm(registerIntake, {
    formId: intakeFormId,
    initial: blank(unitId),
    paths: {
      mode: personPath,
      givenName: `${newPersonPath}.givenName`,
      familyName: `${newPersonPath}.familyName`,
      idKind: `${newPersonPath}.identity.kind`,
      idNumber: `${newPersonPath}.identity.number`,
      protection: `${newPersonPath}.protectionLevel`,
      intakeType: 'intake.type',
      from: 'intake.from',
      channel: 'intake.channel',
      date: 'intake.receivedAt',
      content: 'intake.content',
      acuteNeed: 'acuteScreening.acuteNeed',
      motivation: 'acuteScreening.motivation',
    },
    unchosen: {
      targetGroup: 'Välj målgrupp.',
      mode: 'Välj vem aktualiseringen gäller.',
      intakeType: 'Välj typ av aktualisering.',
      channel: 'Välj hur uppgifterna kom in.',
      acuteNeed: 'Svara på om det finns ett akut skyddsbehov.',
    },
    check,
    // Until it is chosen who the intake is about, the person's fields are not asked for.
    relevant: (error, v) => v.mode !== '' || !error.path.startsWith(`body.${personPath}.`),
    toBody: (v) => ({
      unitId: v.unitId,
      targetGroup: v.targetGroup,
      person: personOf(v),
      intake: {
        type: v.intakeType,
        from: v.from,
        channel: v.channel,
        receivedAt: stockholmDateTimeToIso(v.date, v.time) ?? '',
        content: v.content,
      },
      acuteScreening: { acuteNeed: v.acuteNeed, motivation: v.motivation },
      assignToMe: v.assignToMe,
    }),
    send: (body) => call(registerIntake, { body }),
    onSuccess: (result) => {
      void queryClient.invalidateQueries({ queryKey: ['cases'] });
      if (result.outcome === 'registered') void navigate(`/arenden/${result.caseId}`);
      else onRouted(result);
    },
  });
}

export type IntakeForm = ReturnType<typeof useIntakeForm>;
