import { describe, expect, it } from 'vitest';
import { rule145 } from '../../../../shared/domain/ssda903/rules/rule-145.ts';
import { childWith, contextFor, episode, flagged } from './helpers.ts';

describe('rule 145: category of need code', () => {
  it('accepts N8', () => {
    expect(flagged(rule145, childWith('C1', { Episodes: [episode({ CIN: 'N8' })] }))).toEqual([]);
  });

  it('flags N9 and a blank', () => {
    const child = childWith('C1', { Episodes: [episode({ CIN: 'N9' }), episode({ CIN: '' })] });
    expect(rule145.check(child, contextFor())).toEqual([
      { code: '145', table: 'Episodes', rowNumber: 2, field: 'CIN', value: 'N9', child: 'C1' },
      { code: '145', table: 'Episodes', rowNumber: 3, field: 'CIN', value: '', child: 'C1' },
    ]);
  });
});
