import { describe, expect, it } from 'vitest';
import { rule141 } from '../../../../shared/domain/ssda903/rules/rule-141.ts';
import { childWith, episode, flagged } from './helpers.ts';

describe('rule 141: episode start is a real date', () => {
  it('accepts a real date', () => {
    expect(flagged(rule141, childWith('C1', { Episodes: [episode({ DECOM: '01/05/2025' })] }))).toEqual([]);
  });

  it('flags an impossible or blank start date', () => {
    const child = childWith('C1', { Episodes: [episode({ DECOM: '32/05/2025' }), episode({ DECOM: '' })] });
    expect(flagged(rule141, child)).toEqual(['Episodes:2:DECOM', 'Episodes:3:DECOM']);
  });
});
