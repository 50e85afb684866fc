import { describe, expect, it } from 'vitest';
import { dayFromParts, formatUkDay } from '../../../../shared/domain/dates.ts';
import { rule363 } from '../../../../shared/domain/ssda903/rules/rule-363.ts';
import { childWith, episode, flagged } from './helpers.ts';

const start = dayFromParts(2025, 5, 1) as number;
/** Two L3 episodes that follow on, lasting `days` in all. */
const order = (days: number) =>
  childWith('C1', {
    Episodes: [
      episode({ DECOM: '01/05/2025', LS: 'L3', DEC: formatUkDay(start + 1), REC: 'X1' }),
      episode({
        DECOM: formatUkDay(start + 1),
        RNE: 'L',
        LS: 'L3',
        DEC: formatUkDay(start + days),
        REC: 'E13',
      }),
    ],
  });

describe('rule 363: child-assessment-order (legal status L3) at most 7 days', () => {
  it('accepts 7 days across episodes that follow on', () => {
    expect(flagged(rule363, order(7))).toEqual([]);
  });

  it('flags each episode when they add up to more than 7 days', () => {
    expect(flagged(rule363, order(7 + 1))).toEqual(['Episodes:2:LS', 'Episodes:3:LS']);
  });

  it('runs an open one to 31 March', () => {
    const open = childWith('C1', { Episodes: [episode({ DECOM: '01/03/2026', LS: 'L3' })] });
    expect(flagged(rule363, open)).toEqual(['Episodes:2:LS']);
  });
});
