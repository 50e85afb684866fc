import { describe, expect, it } from 'vitest';
import { rule148 } from '../../../../shared/domain/ssda903/rules/rule-148.ts';
import { childWith, episode, flagged } from './helpers.ts';

describe('rule 148: DEC and REC together', () => {
  it('accepts both or neither', () => {
    const child = childWith('C1', { Episodes: [episode({ DEC: '01/06/2025', REC: 'E13' }), episode()] });
    expect(flagged(rule148, child)).toEqual([]);
  });

  it('points at the blank one of the pair', () => {
    const child = childWith('C1', {
      Episodes: [episode({ DEC: '01/06/2025', REC: '' }), episode({ DEC: '', REC: 'X1' })],
    });
    expect(flagged(rule148, child)).toEqual(['Episodes:2:REC', 'Episodes:3:DEC']);
  });
});
