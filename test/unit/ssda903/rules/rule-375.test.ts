import { describe, expect, it } from 'vitest';
import { dayFromParts, formatUkDay } from '../../../../shared/domain/dates.ts';
import { rule375 } from '../../../../shared/domain/ssda903/rules/rule-375.ts';
import { childWith, episode, flagged } from './helpers.ts';

const start = dayFromParts(2025, 5, 1) as number;
const spell = (days: number) =>
  childWith('C1', {
    Episodes: [
      episode({ DECOM: '01/05/2025', RNE: 'P', PLACE: 'T1', DEC: formatUkDay(start + days), REC: 'X1' }),
      episode({ DECOM: formatUkDay(start + days), RNE: 'P', PLACE: 'U4' }),
    ],
  });

describe('rule 375: hospital as a temporary placement at most six weeks', () => {
  it('accepts 42 days', () => {
    expect(flagged(rule375, spell(42))).toEqual([]);
  });

  it('flags 42 days and one more', () => {
    expect(flagged(rule375, spell(42 + 1))).toEqual(['Episodes:2:PLACE']);
  });

  it('counts a placement still open at the end of the year up to 31 March: by then it has lasted that long', () => {
    const openFrom = (daysBeforeYearEnd: number) =>
      childWith('C1', {
        Episodes: [
          episode({
            DECOM: formatUkDay((dayFromParts(2026, 3, 31) as number) - daysBeforeYearEnd),
            RNE: 'P',
            PLACE: 'T1',
          }),
        ],
      });
    expect(flagged(rule375, openFrom(42))).toEqual([]);
    expect(flagged(rule375, openFrom(42 + 1))).toEqual(['Episodes:2:PLACE']);
  });
});
