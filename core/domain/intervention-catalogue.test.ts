import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  catalogueRefusal,
  catalogueTargetGroups,
  defaultInterventionCatalogue,
  delegableRoles,
  entryOf,
  InterventionCatalogue,
  interventions,
} from './intervention-catalogue.ts';
import type { InterventionEntry } from './intervention-catalogue.ts';
import { acuteInterventionsOf, mayDecideAcutely, periodProblems } from './decisions.ts';

const entry = (code: InterventionEntry['code']) =>
  fc.record({
    code: fc.constant(code),
    name: fc.constantFrom('Skyddat boende', 'Insats X', 'Råd'),
    targetGroups: fc.uniqueArray(fc.constantFrom(...catalogueTargetGroups), { minLength: 1 }),
    kind: fc.constantFrom<InterventionEntry['kind']>('service', 'assistance'),
    delegation: fc.uniqueArray(fc.constantFrom(...delegableRoles)),
    acute: fc.boolean(),
    openEnded: fc.boolean(),
  });
const catalogue = fc
  .tuple(...interventions.map(entry))
  .map((entries) =>
    entries.map((e) => (e.kind === 'service' ? { ...e, delegation: [], acute: false } : e)),
  )
  .map((entries) => ({ id: 'test-katalog', name: 'Testkatalog', version: 2, entries }));

describe('the insatser catalogue', () => {
  it('the shipped catalogue is valid and has every code once', () => {
    expect(InterventionCatalogue.parse(defaultInterventionCatalogue)).toEqual(
      defaultInterventionCatalogue,
    );
    expect(entryOf(defaultInterventionCatalogue, 'advice_and_support').kind).toBe('service');
    expect(entryOf(defaultInterventionCatalogue, 'partner_contact').kind).toBe('assistance');
  });

  it('refuses a catalogue missing a code, with a code twice, or a service with delegation', () => {
    const [first, ...rest] = defaultInterventionCatalogue.entries;
    expect(
      InterventionCatalogue.safeParse({ ...defaultInterventionCatalogue, entries: rest }).success,
    ).toBe(false);
    expect(
      InterventionCatalogue.safeParse({
        ...defaultInterventionCatalogue,
        entries: [first, first, ...rest],
      }).success,
    ).toBe(false);
    expect(
      InterventionCatalogue.safeParse({
        ...defaultInterventionCatalogue,
        entries: defaultInterventionCatalogue.entries.map((e) =>
          e.kind === 'service' ? { ...e, delegation: ['unit_manager'] } : e,
        ),
      }).success,
    ).toBe(false);
  });

  it('a beslut is refused exactly on a service or outside the target groups, naming the insats', () => {
    fc.assert(
      fc.property(
        catalogue,
        fc.constantFrom(...interventions),
        fc.constantFrom(...catalogueTargetGroups),
        (cat, code, group) => {
          expect(InterventionCatalogue.safeParse(cat).success).toBe(true);
          const e = entryOf(cat, code);
          const refusal = catalogueRefusal(cat, code, group);
          expect(refusal === null).toBe(e.kind === 'assistance' && e.targetGroups.includes(group));
          if (refusal) expect(refusal).toContain(e.name);
        },
      ),
    );
  });

  it('acute and open-ended follow the catalogue in force', () => {
    fc.assert(
      fc.property(catalogue, fc.constantFrom(...interventions), (cat, code) => {
        const e = entryOf(cat, code);
        expect(mayDecideAcutely(code, cat)).toBe(e.kind === 'assistance' && e.acute);
        expect(acuteInterventionsOf(cat).includes(code)).toBe(mayDecideAcutely(code, cat));
        const open = periodProblems(
          {
            intervention: code,
            outcome: 'granted',
            period: { from: '2026-11-01', to: null },
            acute: false,
            today: '2026-11-01',
          },
          cat,
        );
        expect(open.length === 0).toBe(e.openEnded);
        if (!e.openEnded) expect(open[0]?.message).toContain(e.name.toLowerCase());
      }),
    );
  });
});
