import { describe, expect, it } from 'vitest';
import { rule377 } from '../../../../shared/domain/ssda903/rules/rule-377.ts';
import { childWith, episode, flagged } from './helpers.ts';

const holidays = (...starts: string[]) =>
  childWith('C1', { Episodes: starts.map((decom) => episode({ DECOM: decom, RNE: 'P', PLACE: 'T3' })) });

describe('rule 377: at most two holiday-cover placements in 12 months', () => {
  it('flags each of three within a year', () => {
    expect(flagged(rule377, holidays('01/05/2025', '01/08/2025', '01/12/2025'))).toEqual([
      'Episodes:2:PLACE',
      'Episodes:3:PLACE',
      'Episodes:4:PLACE',
    ]);
  });

  it('accepts two within a year, and a third more than a year after the first', () => {
    expect(flagged(rule377, holidays('01/05/2025', '01/08/2025'))).toEqual([]);
    expect(flagged(rule377, holidays('01/03/2025', '01/08/2025', '01/03/2026'))).toEqual([]);
  });
});
