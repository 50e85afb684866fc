import { describe, expect, it } from 'vitest';
import { rule626 } from '../../../../shared/domain/ssda903/rules/rule-626.ts';
import { childWith, flagged, header } from './helpers.ts';
import { withLastYear } from './last-year-helpers.ts';

const mother = (mcDob: string, lastMother: string) =>
  flagged(
    rule626,
    childWith('C1', { Header: [header({ MOTHER: '1', MC_DOB: mcDob })] }),
    withLastYear([childWith('C1', { Header: [header({ MOTHER: lastMother })] })]),
  );

describe('rule 626: a first child born before the year contradicts last year’s "not a mother"', () => {
  it('flags a first child born before 1 April 2025 when last year said MOTHER 0', () => {
    expect(mother('04/01/2025', '0')).toEqual(['Header:2:MC_DOB']);
  });

  it('accepts a first child born this year, and a mother already recorded last year', () => {
    expect(mother('01/04/2025', '0')).toEqual([]);
    expect(mother('04/01/2025', '1')).toEqual([]);
  });
});
