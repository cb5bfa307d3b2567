/**
 * The utredning document (11 kap. 1 § SoL). Its sections follow the Stockholm templates —
 * Bilaga 2 for a person subjected to violence, Bilaga 3 for a person who uses it — and its
 * coverage is checked against the content HSLF-FS 2022:39 asks of an utredning about a victim
 * (with Stockholm's additions: the risk of further violence and, where there are children, a
 * barnkonsekvensanalys). Every statement carries its source.
 *
 * Pure data and functions: no I/O.
 */

export type InvestigationTemplate = 'victim' | 'perpetrator';

export interface SectionDefinition {
  key: string;
  heading: string;
  /** 1: a main heading of the template (SOCIAL SITUATION …); 2: a heading under it. */
  level: 1 | 2;
  /** A main heading that only groups the headings under it takes no text of its own. */
  groupOnly?: true;
  guidance?: string;
}

const h1 = (key: string, heading: string, groupOnly = false): SectionDefinition =>
  groupOnly ? { key, heading, level: 1, groupOnly: true } : { key, heading, level: 1 };
const h2 = (key: string, heading: string, guidance?: string): SectionDefinition =>
  guidance === undefined ? { key, heading, level: 2 } : { key, heading, level: 2, guidance };

const opening = (eventsHeading: string): SectionDefinition[] => [
  h2('reason', 'Anledning till utredning'),
  h2('procedure', 'Utredningsförfarande', 'Samtal, hembesök, inhämtade uppgifter och med vem.'),
  h2('police_report', 'Polisanmälan'),
  h2('events', eventsHeading),
  h2('other_contacts', 'Kontakt med övrig socialtjänst och andra myndigheter'),
  h1('social_situation', 'SOCIAL SITUATION', true),
  h2('background', 'Bakgrund'),
  h2('family_network', 'Familj och nätverk'),
  h2('previous_violence', 'Tidigare erfarenheter av våld'),
  h2('education_work_finances', 'Utbildning, arbete och ekonomi'),
  h2('previous_social_services', 'Tidigare kontakt med socialtjänsten'),
  h2('housing', 'Boende'),
  h2('language', 'Språk'),
  h2('health', 'Hälsa'),
  h1('description', 'SÖKANDES BESKRIVNING AV VÅLDET', true),
  h2('relationship_history', 'Relationshistoria'),
  h2('honour_context', 'Hederskontext'),
  h2('physical_violence', 'Fysiskt våld'),
  h2('psychological_violence', 'Psykiskt våld'),
  h2('sexual_violence', 'Sexuellt våld'),
  h2('sex_for_compensation', 'Erfarenhet av sex mot ersättning'),
  h2('material_violence', 'Materiellt våld'),
  h2('economic_violence', 'Ekonomiskt våld'),
  h2('neglect', 'Försummelse'),
  h2('violence_against_pets', 'Våld mot husdjur'),
  h2('consequences', 'Konsekvenser av våldet'),
  h2('children_situation', 'Barnens situation med anledning av våldet'),
  h2('attitude', 'Personens inställning till sin situation'),
];

const closing: SectionDefinition[] = [
  h2('partner_contact', 'Partnerkontakt'),
  h1('summary', 'SAMMANFATTNING'),
  h1('analysis', 'ANALYS OCH BEDÖMNING'),
  h2('child_impact_analysis', 'Barnkonsekvensanalys'),
];

export const investigationTemplates: Record<InvestigationTemplate, readonly SectionDefinition[]> = {
  victim: [
    ...opening('Händelser under utredning'),
    h2('risk_assessment', 'Riskbedömning', 'Risk för fortsatt våld; ange metod och resultat.'),
    h2('safety_planning', 'Säkerhetsplanering'),
    ...closing,
  ],
  perpetrator: [
    ...opening('Händelser under utredning (skriv datum för händelserna när det är möjligt)'),
    ...closing,
  ],
};

export const templateTitles: Record<InvestigationTemplate, string> = {
  victim: 'Utredning (våldsutsatt)',
  perpetrator: 'Utredning (våldsutövare)',
};

export function sectionDefinition(
  template: InvestigationTemplate,
  key: string,
): SectionDefinition | undefined {
  return investigationTemplates[template].find((s) => s.key === key);
}

/** Where a statement comes from: utredningen must say so for every statement. */
export type SourceKind = 'person' | 'other_person' | 'agency' | 'own_observation';

export const sourceKindLabels: Record<SourceKind, string> = {
  person: 'Personen själv',
  other_person: 'Annan person',
  agency: 'Myndighet eller annan verksamhet',
  own_observation: 'Handläggarens egen iakttagelse',
};

export interface Source {
  kind: SourceKind;
  /** Who: required for another person or an agency ("Polisen", "BVC", "mamman"). */
  detail: string | null;
}

export interface Statement {
  text: string;
  source: Source;
}

/** "Källa: Myndighet eller annan verksamhet – Polisen" */
export function sourceLabel(source: Source): string {
  const label = sourceKindLabels[source.kind];
  return source.detail ? `${label} – ${source.detail}` : label;
}

/** A point the utredning must cover, and the sections where it is covered. */
export interface ChecklistPoint {
  key: string;
  label: string;
  sections: readonly string[];
  /** Only asked for where the person has children. */
  whenChildren?: true;
}

const violenceSections = [
  'relationship_history',
  'honour_context',
  'physical_violence',
  'psychological_violence',
  'sexual_violence',
  'sex_for_compensation',
  'material_violence',
  'economic_violence',
  'neglect',
  'violence_against_pets',
];

export const coverageChecklists: Record<InvestigationTemplate, readonly ChecklistPoint[]> = {
  // HSLF-FS 2022:39 for an adult victim, with Stockholm's two additions last.
  victim: [
    {
      key: 'acute_need',
      label: 'Akut behov av skydd',
      sections: ['risk_assessment', 'safety_planning'],
    },
    { key: 'violence', label: 'Våldets karaktär och omfattning', sections: violenceSections },
    { key: 'consequences', label: 'Våldets konsekvenser', sections: ['consequences'] },
    { key: 'coping', label: 'Hur personen hanterar sin situation', sections: ['attitude'] },
    { key: 'network', label: 'Personens nätverk', sections: ['family_network'] },
    {
      key: 'parenting',
      label: 'Behov av stöd som förälder',
      sections: ['children_situation'],
      whenChildren: true,
    },
    { key: 'needs', label: 'Behov på kort och lång sikt', sections: ['analysis'] },
    { key: 'risk', label: 'Risk för fortsatt våld', sections: ['risk_assessment'] },
    {
      key: 'child_impact',
      label: 'Barnkonsekvensanalys',
      sections: ['child_impact_analysis'],
      whenChildren: true,
    },
  ],
  // A perpetrator's utredning weighs the victim's and the children's safety as well.
  perpetrator: [
    { key: 'violence', label: 'Våldets karaktär och omfattning', sections: violenceSections },
    { key: 'consequences', label: 'Våldets konsekvenser', sections: ['consequences'] },
    { key: 'attitude', label: 'Personens inställning till sitt våld', sections: ['attitude'] },
    { key: 'network', label: 'Personens nätverk', sections: ['family_network'] },
    { key: 'victim_safety', label: 'Den våldsutsattas säkerhet', sections: ['partner_contact'] },
    {
      key: 'children',
      label: 'Barnens situation och säkerhet',
      sections: ['children_situation'],
      whenChildren: true,
    },
    { key: 'needs', label: 'Behov på kort och lång sikt', sections: ['analysis'] },
    {
      key: 'child_impact',
      label: 'Barnkonsekvensanalys',
      sections: ['child_impact_analysis'],
      whenChildren: true,
    },
  ],
};

export interface CoverageItem {
  key: string;
  label: string;
  covered: boolean;
}

/**
 * Which points of the checklist the written sections cover. A point is covered when at least one
 * of its sections holds a statement with text; points about children are left out where there
 * are none.
 */
export function coverage(
  template: InvestigationTemplate,
  statementsBySection: ReadonlyMap<string, readonly Statement[]>,
  hasChildren: boolean,
): CoverageItem[] {
  const written = (key: string) =>
    (statementsBySection.get(key) ?? []).some((s) => s.text.trim().length > 0);
  return coverageChecklists[template]
    .filter((p) => hasChildren || !p.whenChildren)
    .map((p) => ({ key: p.key, label: p.label, covered: p.sections.some(written) }));
}
