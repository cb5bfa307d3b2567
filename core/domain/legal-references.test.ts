import { describe, expect, it } from 'vitest';
import {
  LegalCatalogue,
  legalConcepts,
  legalReference,
  sol2001Catalogue,
} from './legal-references.ts';

describe('legal references', () => {
  it('ship a complete, valid catalogue for SoL 2001:453', () => {
    expect(LegalCatalogue.parse(sol2001Catalogue)).toEqual(sol2001Catalogue);
    expect(legalReference(sol2001Catalogue, 'investigationDuty')).toBe('11 kap. 1 § SoL');
  });

  it('switch numbering by loading another catalogue, not by changing code', () => {
    const other = LegalCatalogue.parse({
      id: 'sol-2025-400',
      name: 'Socialtjänstlagen (2025:400)',
      references: Object.fromEntries(legalConcepts.map((c, i) => [c, `${i + 1} kap. 1 § SoL`])),
    });
    expect(legalReference(other, 'investigationDuty')).toBe('1 kap. 1 § SoL');
  });

  it('refuse a catalogue that lacks a concept, with the path of what is missing', () => {
    const { childConcernReport: _dropped, ...rest } = sol2001Catalogue.references;
    const result = LegalCatalogue.safeParse({ ...sol2001Catalogue, references: rest });
    expect(result.success).toBe(false);
    expect(result.error?.issues[0]?.path).toEqual(['references', 'childConcernReport']);
  });
});
