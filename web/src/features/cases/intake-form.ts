import { useQueryClient } from '@tanstack/react-query';
import { useNavigate } from 'react-router';
import { registerIntake } from '../../../../core/contracts/cases.ts';
import type { BodyOf, ResponseOf } from '../../../../core/contracts/contract.ts';
import type { FieldError } from '../../../../core/contracts/errors.ts';
import type { PersonSummary } from '../../../../core/contracts/persons.ts';
import type { CounterpartRelation } from '../../../../core/domain/counterparts.ts';
import { detectIdentityKind } from '../../../../core/domain/personal-identity.ts';
import type { IdentityKind } from '../../../../core/domain/personal-identity.ts';
import type { ProtectionLevel } from '../../../../core/domain/protection.ts';
import { call } from '../../api/client.ts';
import { isDate, isTime, stockholmDateTimeToIso, stockholmNow } from '../../components/dates.ts';
import { useContractForm } from '../../components/useContractForm.ts';
import { identityNumberErrors } from '../persons/IdentityFields.tsx';

type Body = BodyOf<typeof registerIntake>;
export type PersonMode = 'existing' | 'new' | 'unidentified';

/** An adult in the household, as a row of the form: the person who uses violence first. */
export interface AdultRow {
  givenName: string;
  familyName: string;
  idNumber: string;
  relation: CounterpartRelation;
  usesViolence: boolean;
  livesTogether: '' | 'yes' | 'no';
}

/** A child in the household: one field takes the age ("7") or the personnummer. */
export interface ChildRow {
  givenName: string;
  /** null: the person's family name, until the user types another. */
  familyName: string | null;
  ageOrNumber: string;
  guardian: boolean;
}

export const newAdult = (first: boolean): AdultRow => ({
  givenName: '',
  familyName: '',
  idNumber: '',
  // The common case: the first adult named is the partner who uses violence.
  relation: first ? 'partner' : 'other',
  usesViolence: first,
  livesTogether: '',
});
export const newChild = (): ChildRow => ({
  givenName: '',
  familyName: null,
  ageOrNumber: '',
  guardian: true,
});

/** A row nobody has typed in: not sent (the form keeps one ready at the end). */
export const isBlankAdult = (a: AdultRow) =>
  a.givenName.trim() === '' && a.familyName.trim() === '' && a.idNumber.trim() === '';
export const isBlankChild = (c: ChildRow) =>
  c.givenName.trim() === '' && c.ageOrNumber.trim() === '';

/** "7" is an age; anything else typed is an identity number. */
export function ageOrNumber(input: string): { statedAge: number | null; number: string | null } {
  const v = input.trim();
  if (v === '') return { statedAge: null, number: null };
  if (/^\d{1,2}$/.test(v)) return { statedAge: Number(v), number: null };
  return { statedAge: null, number: v };
}

/** The family name a child row stands for: its own, or the person's until another is typed. */
export const childFamilyName = (c: ChildRow, v: IntakeValues) =>
  c.familyName ?? (v.mode === 'existing' ? '' : v.familyName);

/** The position of each row that is sent, in the body's list; null for a blank row. */
export function sentIndexes<T>(rows: readonly T[], blank: (row: T) => boolean): (number | null)[] {
  let n = 0;
  return rows.map((r) => (blank(r) ? null : n++));
}

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
  adults: AdultRow[];
  children: ChildRow[];
};

export const intakeFormId = 'ny-aktualisering';
export const personPath = 'person';
export const newPersonPath = 'person.newPerson';

const blank = (unitId: string, targetGroup: Body['targetGroup']): IntakeValues => {
  const now = stockholmNow();
  return {
    unitId,
    // The common call: a victim of violence (a child, in a unit for children) is new to the unit.
    targetGroup,
    mode: 'new',
    chosen: null,
    givenName: '',
    familyName: '',
    idKind: 'personnummer',
    idNumber: '',
    protection: 'none',
    intakeType: 'self_contact',
    from: 'Personen själv',
    channel: 'phone',
    date: now.date,
    time: now.time,
    content: '',
    acuteNeed: '',
    motivation: '',
    assignToMe: true,
    adults: [newAdult(true)],
    children: [newChild()],
  };
};

const householdOf = (v: IntakeValues) => {
  const adults = v.adults.filter((a) => !isBlankAdult(a));
  // A child's case has no household children: they are registered in the adult's case.
  const children = v.targetGroup === 'child' ? [] : v.children.filter((c) => !isBlankChild(c));
  if (adults.length === 0 && children.length === 0) return undefined;
  const name = (s: string) => (s.trim() === '' ? null : s);
  return {
    adults: adults.map((a) => ({
      identity:
        a.idNumber.trim() === ''
          ? null
          : { kind: detectIdentityKind(a.idNumber) ?? 'personnummer', number: a.idNumber },
      givenName: name(a.givenName),
      familyName: name(a.familyName),
      description: null,
      relation: a.relation,
      usesViolence: a.usesViolence,
      livesTogether: a.livesTogether === '' ? null : a.livesTogether === 'yes',
    })),
    children: children.map((c) => {
      const { statedAge, number } = ageOrNumber(c.ageOrNumber);
      return {
        givenName: c.givenName,
        familyName: childFamilyName(c, v),
        identity: number ? { kind: detectIdentityKind(number) ?? 'personnummer', number } : null,
        statedAge,
        guardian: c.guardian,
      };
    }),
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
  const adultIndex = sentIndexes(v.adults, isBlankAdult);
  v.adults.forEach((a, i) => {
    const at = adultIndex[i];
    if (at === null || at === undefined || a.idNumber.trim() === '') return;
    own.push(
      ...identityNumberErrors(
        `body.household.adults.${String(at)}.identity.number`,
        detectIdentityKind(a.idNumber) ?? 'personnummer',
        a.idNumber,
      ),
    );
  });
  const childIndex = sentIndexes(v.children, isBlankChild);
  v.children.forEach((c, i) => {
    const at = childIndex[i];
    const { number } = ageOrNumber(c.ageOrNumber);
    if (at === null || at === undefined || !number) return;
    own.push(
      ...identityNumberErrors(
        `body.household.children.${String(at)}.identity.number`,
        detectIdentityKind(number) ?? 'personnummer',
        number,
      ),
    );
  });
  if (!isDate(v.date)) {
    own.push({ path: 'body.intake.receivedAt', message: 'Ange datum som ÅÅÅÅ-MM-DD.' });
  } else if (!isTime(v.time) || stockholmDateTimeToIso(v.date, v.time) === undefined) {
    own.push({ path: 'body.intake.receivedAt', message: 'Ange klockslag som TT:MM.' });
  }
  return own;
};

/**
 * The aktualisering, bound to registerIntake; `onRouted` when it went to another unit,
 * `onChildrenRouted` when it is registered but a child's information went to the child's unit.
 */
export function useIntakeForm(
  unitId: string,
  targetGroup: Body['targetGroup'],
  onRouted: (routed: Extract<ResponseOf<typeof registerIntake>, { outcome: 'routed' }>) => void,
  onChildrenRouted: (
    registered: Extract<ResponseOf<typeof registerIntake>, { outcome: 'registered' }>,
  ) => void,
) {
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  return useContractForm(registerIntake, {
    formId: intakeFormId,
    initial: blank(unitId, targetGroup),
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
      adults: 'household.adults',
      children: 'household.children',
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
      household: householdOf(v),
    }),
    send: (body) => call(registerIntake, { body }),
    onSuccess: (result) => {
      void queryClient.invalidateQueries({ queryKey: ['cases'] });
      if (result.outcome === 'routed') onRouted(result);
      else if (result.childrenRouted > 0) onChildrenRouted(result);
      else void navigate(`/arenden/${result.caseId}`);
    },
  });
}

export type IntakeForm = ReturnType<typeof useIntakeForm>;
