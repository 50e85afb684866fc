import { describe, expect, it } from 'vitest';
import { rule214 } from '../../../../shared/domain/ssda903/rules/rule-214.ts';
import { childWith, episode, flagged } from './helpers.ts';

describe('rule 214: no placement location for short breaks', () => {
  it('accepts a short break without postcode or URN, and a care order with them', () => {
    const child = childWith('C1', {
      Episodes: [episode({ LS: 'V3' }), episode({ LS: 'C2', PL_POST: 'AB1 2CD', URN: 'SC123456' })],
    });
    expect(flagged(rule214, child)).toEqual([]);
  });

  it('flags each of PL_POST and URN given on V3/V4 episodes', () => {
    const child = childWith('C1', {
      Episodes: [
        episode({ LS: 'V3', PL_POST: 'AB1 2CD', URN: 'SC123456' }),
        episode({ LS: 'V4', URN: 'SC123456' }),
      ],
    });
    expect(flagged(rule214, child)).toEqual(['Episodes:2:PL_POST', 'Episodes:2:URN', 'Episodes:3:URN']);
  });
});
