import { describe, expect, it } from 'vitest';
import { rule559 } from '../../../../shared/domain/ssda903/rules/rule-559.ts';
import { childWith, flagged } from './helpers.ts';
import { withLastYear } from './last-year-helpers.ts';

const placed = (DATE_PLACED: string) =>
  childWith('C1', {
    PlacedAdoption: [{ DOB: '01/05/2020', DATE_PLACED, DATE_PLACED_CEASED: '', REASON_PLACED_CEASED: '' }],
  });

describe('rule 559: a decision from before this year is in last year’s return', () => {
  it('flags a decision dated before 1 April 2025 that last year’s return does not give', () => {
    expect(flagged(rule559, placed('26/05/2024'), withLastYear([]))).toEqual([
      'PlacedAdoption:2:DATE_PLACED',
    ]);
  });

  it('accepts a decision last year recorded, and a decision made this year', () => {
    expect(flagged(rule559, placed('26/05/2024'), withLastYear([placed('26/05/2024')]))).toEqual([]);
    expect(flagged(rule559, placed('26/05/2025'), withLastYear([]))).toEqual([]);
  });
});
