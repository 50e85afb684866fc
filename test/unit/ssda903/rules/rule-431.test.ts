import { describe, expect, it } from 'vitest';
import { rule431 } from '../../../../shared/domain/ssda903/rules/rule-431.ts';
import { childWith, episode, flagged } from './helpers.ts';

describe('rule 431: S cannot follow on the same day', () => {
  it('accepts S after a gap', () => {
    const child = childWith('C1', {
      Episodes: [episode({ DEC: '01/06/2025', REC: 'E13' }), episode({ DECOM: '02/06/2025', RNE: 'S' })],
    });
    expect(flagged(rule431, child)).toEqual([]);
  });

  it('flags S starting the day the previous episode ended', () => {
    const child = childWith('C1', {
      Episodes: [episode({ DEC: '01/06/2025', REC: 'E13' }), episode({ DECOM: '01/06/2025', RNE: 'S' })],
    });
    expect(flagged(rule431, child)).toEqual(['Episodes:3:RNE']);
  });
});
