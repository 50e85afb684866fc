import { describe, expect, it } from 'vitest';
import { rule561 } from '../../../../shared/domain/ssda903/rules/rule-561.ts';
import { childWith, flagged } from './helpers.ts';
import { withLastYear } from './last-year-helpers.ts';

const placed = (DATE_PLACED: string, DATE_PLACED_CEASED = '', REASON_PLACED_CEASED = '') =>
  childWith('C1', {
    PlacedAdoption: [{ DOB: '01/05/2020', DATE_PLACED, DATE_PLACED_CEASED, REASON_PLACED_CEASED }],
  });

describe('rule 561: a decision that ceased last year is not repeated', () => {
  it('flags this year’s decision dated as last year’s ceased one', () => {
    expect(
      flagged(rule561, placed('26/05/2024'), withLastYear([placed('26/05/2024', '01/01/2025', 'RD1')])),
    ).toEqual(['PlacedAdoption:2:DATE_PLACED']);
  });

  it('accepts the same date for a decision that still stood', () => {
    expect(flagged(rule561, placed('26/05/2024'), withLastYear([placed('26/05/2024')]))).toEqual([]);
  });
});
