import { describe, expect, it } from 'vitest';
import { inFieldOrder } from './useContractForm.ts';

const error = (path: string) => ({ path, message: path });

describe('inFieldOrder', () => {
  it('lists errors in the order of the fields, whatever order the schema found them in', () => {
    const errors = [error('body.unitId'), error('body.role')];
    expect(inFieldOrder(errors, ['role', 'unitId']).map((e) => e.path)).toEqual([
      'body.role',
      'body.unitId',
    ]);
  });

  it('puts an error under a field with the field that holds it most closely', () => {
    const paths = ['targetGroup', 'person', 'person.newPerson.givenName', 'intake.type'];
    const errors = [
      error('body.intake.type'),
      error('body.person.newPerson.givenName'),
      error('body.person'),
      error('body.targetGroup'),
      error('body.person.personId'),
    ];
    expect(inFieldOrder(errors, paths).map((e) => e.path)).toEqual([
      'body.targetGroup',
      'body.person',
      'body.person.personId',
      'body.person.newPerson.givenName',
      'body.intake.type',
    ]);
  });

  it('keeps errors of no field last, in the order they came', () => {
    const errors = [error('body.version'), error('body.reason'), error('body.other')];
    expect(inFieldOrder(errors, ['reason']).map((e) => e.path)).toEqual([
      'body.reason',
      'body.version',
      'body.other',
    ]);
  });
});
