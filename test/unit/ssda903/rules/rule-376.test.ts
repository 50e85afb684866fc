import { describe, expect, it } from 'vitest';
import { dayFromParts, formatUkDay } from '../../../../shared/domain/dates.ts';
import { rule376 } from '../../../../shared/domain/ssda903/rules/rule-376.ts';
import { childWith, episode, flagged } from './helpers.ts';

const start = dayFromParts(2025, 5, 1) as number;
const spell = (days: number) =>
  childWith('C1', {
    Episodes: [
      episode({ DECOM: '01/05/2025', RNE: 'P', PLACE: 'T3', DEC: formatUkDay(start + days), REC: 'X1' }),
      episode({ DECOM: formatUkDay(start + days), RNE: 'P', PLACE: 'U4' }),
    ],
  });

describe('rule 376: foster carer holiday cover at most three weeks', () => {
  it('accepts 21 days', () => {
    expect(flagged(rule376, spell(21))).toEqual([]);
  });

  it('flags 21 days and one more', () => {
    expect(flagged(rule376, spell(21 + 1))).toEqual(['Episodes:2:PLACE']);
  });

  it('is about holiday cover (T3), not other temporary placements (T2)', () => {
    const child = childWith('C1', {
      Episodes: [
        episode({ DECOM: '01/05/2025', RNE: 'P', PLACE: 'T2', DEC: formatUkDay(start + 40), REC: 'X1' }),
      ],
    });
    expect(flagged(rule376, child)).toEqual([]);
  });
});
