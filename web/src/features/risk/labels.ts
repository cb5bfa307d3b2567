import type { violenceForms } from '../../../../core/domain/instruments.ts';

export const violenceFormLabels: Record<(typeof violenceForms)[number], string> = {
  physical: 'Fysiskt våld',
  psychological: 'Psykiskt våld',
  sexual: 'Sexuellt våld',
  material: 'Materiellt våld',
  economic: 'Ekonomiskt våld',
  neglect: 'Försummelse',
  honour: 'Hedersrelaterat våld',
  digital: 'Digitalt våld',
};

export const methodLabels: Record<string, string> = {
  detection: 'Upptäckt',
  mapping: 'Kartläggning',
  danger: 'Farlighetsbedömning',
  honour_judgement: 'Hedersrelaterat våld, strukturerad bedömning',
  other: 'Annat',
  police: 'Polisens riskbedömning',
  own_view: 'Personens egen bedömning',
};
