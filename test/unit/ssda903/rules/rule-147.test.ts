import { describe, expect, it } from 'vitest';
import { rule147 } from '../../../../shared/domain/ssda903/rules/rule-147.ts';
import { childWith, episode, flagged } from './helpers.ts';

describe('rule 147: episode end is a real date', () => {
  it('accepts a real date or a blank (open episode)', () => {
    const child = childWith('C1', {
      Episodes: [episode({ DEC: '31/03/2026', REC: 'E13' }), episode({ DEC: '' })],
    });
    expect(flagged(rule147, child)).toEqual([]);
  });

  it('flags a malformed date', () => {
    expect(flagged(rule147, childWith('C1', { Episodes: [episode({ DEC: '1/13/2025' })] }))).toEqual([
      'Episodes:2:DEC',
    ]);
  });
});
