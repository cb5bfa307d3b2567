/**
 * Personnummer from Skatteverket's published list of test personal identity numbers
 * ("Testpersonnummer", open data on dataportal.se). Skatteverket reserves these for test
 * systems: they are never assigned to a real person. Demo data uses only these, so a demo
 * installation can never show a real person's number. The list has no range rule — serials vary
 * by birth year — so the numbers are listed, not generated.
 */
export const testPersonnummer = {
  /** Born 1992–1993; birth number 238 (female). */
  adultsFemale: [
    '199203122388',
    '199206152382',
    '199211042388',
    '199302042388',
    '199305202385',
    '199309102383',
  ],
  /** Born 1992–1993; birth number 239 (male). */
  adultsMale: [
    '199202102399',
    '199207092397',
    '199209152397',
    '199303172390',
    '199308152397',
    '199310082392',
  ],
  /** Born 2014–2019; birth number 238 (female). */
  childrenFemale: ['201403052382', '201505082386', '201609022387', '201901022382', '201704012382'],
  /** Born 2014–2019; birth number 239 (male). */
  childrenMale: [
    '201601012394',
    '201701012393',
    '201710012392',
    '201511092395',
    '201903022398',
    '201704022399',
  ],
} as const;
