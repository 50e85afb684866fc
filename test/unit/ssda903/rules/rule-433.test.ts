import { describe, expect, it } from 'vitest';
import { rule433 } from '../../../../shared/domain/ssda903/rules/rule-433.ts';
import { childWith, episode, flagged } from './helpers.ts';

describe('rule 433: continuation episodes start when the previous one ended', () => {
  it('accepts P starting the day the previous one ended', () => {
    const child = childWith('C1', {
      Episodes: [episode({ DEC: '01/06/2025', REC: 'X1' }), episode({ DECOM: '01/06/2025', RNE: 'P' })],
    });
    expect(flagged(rule433, child)).toEqual([]);
  });

  it('flags a continuation after a gap or after an open episode', () => {
    const child = childWith('C1', {
      Episodes: [
        episode({ DEC: '01/06/2025', REC: 'X1' }),
        episode({ DECOM: '03/06/2025', RNE: 'B' }),
        episode({ DECOM: '01/07/2025', RNE: 'T' }),
      ],
    });
    expect(flagged(rule433, child)).toEqual(['Episodes:3:RNE', 'Episodes:4:RNE']);
  });
});
