import { describe, expect, it } from 'vitest';
import { rule408 } from '../../../../shared/domain/ssda903/rules/rule-408.ts';
import { childWith, episode, flagged } from './helpers.ts';

const placed = (place: string, ls: string) =>
  childWith('C1', { Episodes: [episode({ PLACE: place, LS: ls })] });

describe('rule 408: placement for adoption with a placement order needs that legal status', () => {
  it('flags A5 or A6 without a placement order', () => {
    expect(flagged(rule408, placed('A5', 'C2'))).toEqual(['Episodes:2:LS']);
    expect(flagged(rule408, placed('A6', ''))).toEqual(['Episodes:2:LS']);
  });

  it('accepts A5 or A6 under a placement order, and A3 or A4 under any', () => {
    expect(flagged(rule408, placed('A6', 'E1'))).toEqual([]);
    expect(flagged(rule408, placed('A3', 'C2'))).toEqual([]);
  });
});
