import { describe, expect, it } from 'vitest';
import { rule144 } from '../../../../shared/domain/ssda903/rules/rule-144.ts';
import { childWith, contextFor, episode, flagged } from './helpers.ts';

describe('rule 144: legal status code', () => {
  it('accepts C2', () => {
    expect(flagged(rule144, childWith('C1', { Episodes: [episode({ LS: 'C2' })] }))).toEqual([]);
  });

  it('flags C3 and a blank', () => {
    const child = childWith('C1', { Episodes: [episode({ LS: 'C3' }), episode({ LS: '' })] });
    expect(rule144.check(child, contextFor())).toEqual([
      { code: '144', table: 'Episodes', rowNumber: 2, field: 'LS', value: 'C3', child: 'C1' },
      { code: '144', table: 'Episodes', rowNumber: 3, field: 'LS', value: '', child: 'C1' },
    ]);
  });
});
