import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  coverage,
  coverageChecklists,
  investigationTemplates,
  sourceLabel,
} from './investigation-template.ts';
import type { InvestigationTemplate, Statement } from './investigation-template.ts';

const templates: InvestigationTemplate[] = ['victim', 'perpetrator'];
const statement: Statement = { text: 'Uppgift', source: { kind: 'person', detail: null } };

describe('the templates', () => {
  it('follow Bilaga 2 and 3: the victim template has risk and safety, the perpetrator’s not', () => {
    const keys = (t: InvestigationTemplate) => investigationTemplates[t].map((s) => s.key);
    expect(keys('victim')).toContain('risk_assessment');
    expect(keys('victim')).toContain('safety_planning');
    expect(keys('perpetrator')).not.toContain('safety_planning');
    for (const t of templates) {
      expect(new Set(keys(t)).size).toBe(keys(t).length);
      expect(keys(t).at(-1)).toBe('child_impact_analysis');
    }
  });

  it('every checklist point names sections that exist and take text', () => {
    for (const t of templates) {
      const writable = new Set(
        investigationTemplates[t].filter((s) => !s.groupOnly).map((s) => s.key),
      );
      for (const point of coverageChecklists[t]) {
        for (const section of point.sections) expect(writable.has(section), section).toBe(true);
      }
    }
  });
});

describe('coverage', () => {
  const sectionKeys = (t: InvestigationTemplate) =>
    investigationTemplates[t].filter((s) => !s.groupOnly).map((s) => s.key);

  it('writing more never uncovers a point', () => {
    fc.assert(
      fc.property(
        fc.constantFrom(...templates),
        fc.boolean(),
        fc.array(fc.nat(40)),
        fc.nat(40),
        (t, children, written, extra) => {
          const keys = sectionKeys(t);
          const pick = (i: number) => keys[i % keys.length] ?? '';
          const before = new Map(written.map((i) => [pick(i), [statement]]));
          const after = new Map([...before, [pick(extra), [statement]]]);
          const was = coverage(t, before, children);
          const is = coverage(t, after, children);
          was.forEach((p, i) => {
            if (p.covered) expect(is[i]?.covered).toBe(true);
          });
        },
      ),
    );
  });

  it('is complete when every section is written, and empty text covers nothing', () => {
    for (const t of templates) {
      const all = new Map(sectionKeys(t).map((k) => [k, [statement]]));
      expect(coverage(t, all, true).every((p) => p.covered)).toBe(true);
      const blank = new Map(sectionKeys(t).map((k) => [k, [{ ...statement, text: '   ' }]]));
      expect(coverage(t, blank, true).some((p) => p.covered)).toBe(false);
    }
  });

  it('asks about children only where there are children', () => {
    const without = coverage('victim', new Map(), false).map((p) => p.key);
    expect(without).not.toContain('child_impact');
    expect(coverage('victim', new Map(), true).map((p) => p.key)).toContain('child_impact');
  });

  it('labels a source with who gave it', () => {
    expect(sourceLabel({ kind: 'agency', detail: 'Polisen' })).toBe(
      'Myndighet eller annan verksamhet – Polisen',
    );
    expect(sourceLabel({ kind: 'own_observation', detail: null })).toBe(
      'Handläggarens egen iakttagelse',
    );
  });
});
