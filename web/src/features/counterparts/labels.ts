import type { CounterpartView } from '../../../../core/contracts/counterparts.ts';

export const counterpartRelationLabels: Record<CounterpartView['relation'], string> = {
  partner: 'Partner',
  former_partner: 'Tidigare partner',
  parent: 'Förälder',
  child: 'Barn',
  sibling: 'Syskon',
  other_relative: 'Annan släkting',
  other: 'Annan',
};

export const livesTogetherLabels: Record<CounterpartView['livesTogether'], string> = {
  yes: 'Ja',
  no: 'Nej',
  unknown: 'Vet inte',
};

export const recordStatusLabels: Record<CounterpartView['status'], string> = {
  current: 'Gäller',
  ended: 'Avslutad',
  wrongly_recorded: 'Felregistrerad',
};
