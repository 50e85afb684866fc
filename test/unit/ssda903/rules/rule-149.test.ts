import { describe, expect, it } from 'vitest';
import { rule149 } from '../../../../shared/domain/ssda903/rules/rule-149.ts';
import { childWith, episode, flagged } from './helpers.ts';

describe('rule 149: reason episode ceased code', () => {
  it('accepts X1, E-codes and a blank', () => {
    const child = childWith('C1', {
      Episodes: [episode({ REC: 'X1' }), episode({ REC: 'E4A' }), episode({ REC: '' })],
    });
    expect(flagged(rule149, child)).toEqual([]);
  });

  it('flags an unknown reason', () => {
    expect(flagged(rule149, childWith('C1', { Episodes: [episode({ REC: 'E4' })] }))).toEqual([
      'Episodes:2:REC',
    ]);
  });
});
