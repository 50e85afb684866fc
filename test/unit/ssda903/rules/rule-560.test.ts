import { describe, expect, it } from 'vitest';
import { rule560 } from '../../../../shared/domain/ssda903/rules/rule-560.ts';
import { childWith, flagged } from './helpers.ts';
import { withLastYear } from './last-year-helpers.ts';

const placed = (DATE_PLACED: string, DATE_PLACED_CEASED = '', REASON_PLACED_CEASED = '') =>
  childWith('C1', {
    PlacedAdoption: [{ DOB: '01/05/2020', DATE_PLACED, DATE_PLACED_CEASED, REASON_PLACED_CEASED }],
  });

describe('rule 560: a decision that still stood keeps its date', () => {
  it('flags another date for a decision that had not ceased last year', () => {
    expect(flagged(rule560, placed('27/05/2024'), withLastYear([placed('26/05/2024')]))).toEqual([
      'PlacedAdoption:2:DATE_PLACED',
    ]);
  });

  it('accepts the same date, and a new date after a decision that ceased', () => {
    expect(flagged(rule560, placed('26/05/2024'), withLastYear([placed('26/05/2024')]))).toEqual([]);
    expect(
      flagged(rule560, placed('01/09/2025'), withLastYear([placed('26/05/2024', '01/01/2025', 'RD1')])),
    ).toEqual([]);
  });
});
