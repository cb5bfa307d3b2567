import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import {
  recordAssessment,
  recordIncident,
  recordPoliceAssessment,
} from '../../../core/contracts/risk.ts';
import { Source } from '../../../core/contracts/case-documents.ts';
import { registerIntake } from '../../../core/contracts/cases.ts';
import { fieldRules } from './forms.ts';

describe('fieldRules', () => {
  it('reads maxLength and required from a contract body', () => {
    expect(fieldRules(recordIncident.body, 'description')).toEqual({
      maxLength: 5_000,
      required: true,
    });
    expect(fieldRules(recordPoliceAssessment.body, 'body.policeReference')).toEqual({
      maxLength: 100,
      required: true,
    });
  });

  it('follows nested objects, arrays and nullable wrappers', () => {
    expect(fieldRules(recordAssessment.body, 'scenarioRatings.0.motivation').maxLength).toBe(5_000);
    expect(fieldRules(recordAssessment.body, 'scenarioRatings').required).toBe(false);
    expect(fieldRules(recordAssessment.body, 'instrument.id').maxLength).toBe(60);
  });

  it('sees optional, defaulted and transformed fields for what they are', () => {
    const schema = z.strictObject({
      note: z.string().max(30).optional(),
      free: z.string().max(10),
      id: z.uuid(),
      trimmed: z
        .string()
        .trim()
        .max(8)
        .transform((s) => s.toUpperCase()),
      count: z.number().int(),
    });
    expect(fieldRules(schema, 'note')).toEqual({ maxLength: 30, required: false });
    expect(fieldRules(schema, 'free')).toEqual({ maxLength: 10, required: false });
    expect(fieldRules(schema, 'id')).toEqual({ maxLength: undefined, required: true });
    expect(fieldRules(schema, 'trimmed').maxLength).toBe(8);
    expect(fieldRules(schema, 'count')).toEqual({ maxLength: undefined, required: true });
  });

  it('refuses a path the schema does not have', () => {
    expect(() => fieldRules(recordIncident.body, 'occuredOn')).toThrow(/no field occuredOn/);
  });
});

describe('fieldRules in a union', () => {
  it('picks the option its discriminator names', () => {
    expect(fieldRules(recordAssessment.body, 'answers.any.kind=text.value').maxLength).toBe(5_000);
    expect(
      fieldRules(
        recordAssessment.body,
        'answers.any.kind=violence_calendar.incidents.0.description',
      ),
    ).toEqual({ maxLength: 2_000, required: true });
    expect(fieldRules(recordAssessment.body, 'answers.any.kind=ordinal.value').maxLength).toBe(
      undefined,
    );
    expect(() => fieldRules(recordAssessment.body, 'answers.any.kind=essay.value')).toThrow();
  });

  it('goes on into the option that has the key, when no discriminator is named', () => {
    expect(fieldRules(registerIntake.body, 'person.newPerson.givenName').required).toBe(true);
    expect(fieldRules(registerIntake.body, 'person.personId').required).toBe(true);
  });
});

describe('fieldRules on a refined schema', () => {
  it('reads the source detail length through the refinement', () => {
    expect(fieldRules(Source, 'detail')).toEqual({ maxLength: 200, required: false });
  });
});
