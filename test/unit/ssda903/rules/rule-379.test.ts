import { describe, expect, it } from 'vitest';
import { dayFromParts, formatUkDay } from '../../../../shared/domain/dates.ts';
import { rule379 } from '../../../../shared/domain/ssda903/rules/rule-379.ts';
import { childWith, episode, flagged } from './helpers.ts';

const start = dayFromParts(2025, 5, 1) as number;
const spell = (days: number) =>
  childWith('C1', {
    Episodes: [
      episode({ DECOM: '01/05/2025', RNE: 'P', PLACE: 'T4', DEC: formatUkDay(start + days), REC: 'X1' }),
      episode({ DECOM: formatUkDay(start + days), RNE: 'P', PLACE: 'U4' }),
    ],
  });

describe('rule 379: unspecified temporary placement at most seven days', () => {
  it('accepts 7 days', () => {
    expect(flagged(rule379, spell(7))).toEqual([]);
  });

  it('flags 7 days and one more', () => {
    expect(flagged(rule379, spell(7 + 1))).toEqual(['Episodes:2:PLACE']);
  });

  it('counts a placement still open at the end of the year up to 31 March: by then it has lasted that long', () => {
    const openFrom = (daysBeforeYearEnd: number) =>
      childWith('C1', {
        Episodes: [
          episode({
            DECOM: formatUkDay((dayFromParts(2026, 3, 31) as number) - daysBeforeYearEnd),
            RNE: 'P',
            PLACE: 'T4',
          }),
        ],
      });
    expect(flagged(rule379, openFrom(7))).toEqual([]);
    expect(flagged(rule379, openFrom(7 + 1))).toEqual(['Episodes:2:PLACE']);
  });
});
