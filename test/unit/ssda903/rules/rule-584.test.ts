import { describe, expect, it } from 'vitest';
import { rule584 } from '../../../../shared/domain/ssda903/rules/rule-584.ts';
import { childWith, flagged } from './helpers.ts';
import { withLastYear } from './last-year-helpers.ts';

const placed = (DATE_PLACED: string, DATE_PLACED_CEASED = '', REASON_PLACED_CEASED = '') =>
  childWith('C1', {
    PlacedAdoption: [{ DOB: '01/05/2020', DATE_PLACED, DATE_PLACED_CEASED, REASON_PLACED_CEASED }],
  });
const ceasedLastYear = placed('01/02/2024', '01/02/2025', 'RD1');

describe('rule 584: after a decision ceased, a new decision is dated later', () => {
  it('flags a decision dated on or before the one that ceased', () => {
    expect(flagged(rule584, placed('01/01/2024'), withLastYear([ceasedLastYear]))).toEqual([
      'PlacedAdoption:2:DATE_PLACED',
    ]);
    expect(flagged(rule584, placed(''), withLastYear([ceasedLastYear]))).toEqual([
      'PlacedAdoption:2:DATE_PLACED',
    ]);
  });

  it('accepts a later decision, and any date when last year’s decision still stood', () => {
    expect(flagged(rule584, placed('01/06/2025'), withLastYear([ceasedLastYear]))).toEqual([]);
    expect(flagged(rule584, placed('01/01/2024'), withLastYear([placed('01/02/2024')]))).toEqual([]);
  });
});
