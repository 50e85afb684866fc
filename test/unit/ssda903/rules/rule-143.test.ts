import { describe, expect, it } from 'vitest';
import { rule143 } from '../../../../shared/domain/ssda903/rules/rule-143.ts';
import { childWith, contextFor, episode, flagged } from './helpers.ts';

describe('rule 143: reason for new episode code', () => {
  it('accepts S', () => {
    expect(flagged(rule143, childWith('C1', { Episodes: [episode({ RNE: 'S' })] }))).toEqual([]);
  });

  it('flags X and a blank', () => {
    const child = childWith('C1', { Episodes: [episode({ RNE: 'X' }), episode({ RNE: '' })] });
    expect(rule143.check(child, contextFor())).toEqual([
      { code: '143', table: 'Episodes', rowNumber: 2, field: 'RNE', value: 'X', child: 'C1' },
      { code: '143', table: 'Episodes', rowNumber: 3, field: 'RNE', value: '', child: 'C1' },
    ]);
  });
});
