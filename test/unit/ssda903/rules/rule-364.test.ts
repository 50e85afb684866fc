import { describe, expect, it } from 'vitest';
import { dayFromParts, formatUkDay } from '../../../../shared/domain/dates.ts';
import { rule364 } from '../../../../shared/domain/ssda903/rules/rule-364.ts';
import { childWith, episode, flagged } from './helpers.ts';

const start = dayFromParts(2025, 5, 1) as number;
/** Two J2 episodes that follow on, lasting `days` in all. */
const order = (days: number) =>
  childWith('C1', {
    Episodes: [
      episode({ DECOM: '01/05/2025', LS: 'J2', DEC: formatUkDay(start + 1), REC: 'X1' }),
      episode({
        DECOM: formatUkDay(start + 1),
        RNE: 'L',
        LS: 'J2',
        DEC: formatUkDay(start + days),
        REC: 'E13',
      }),
    ],
  });

describe('rule 364: police-detention (legal status J2) at most 21 days', () => {
  it('accepts 21 days across episodes that follow on', () => {
    expect(flagged(rule364, order(21))).toEqual([]);
  });

  it('flags each episode when they add up to more than 21 days', () => {
    expect(flagged(rule364, order(21 + 1))).toEqual(['Episodes:2:LS', 'Episodes:3:LS']);
  });

  it('runs an open one to 31 March', () => {
    const open = childWith('C1', { Episodes: [episode({ DECOM: '01/03/2026', LS: 'J2' })] });
    expect(flagged(rule364, open)).toEqual(['Episodes:2:LS']);
  });
});
