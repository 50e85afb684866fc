import { describe, expect, it } from 'vitest';
import { rule501 } from '../../../../shared/domain/ssda903/rules/rule-501.ts';
import { childWith, episode, flagged } from './helpers.ts';

describe('rule 501: overlapping episodes', () => {
  it('accepts an episode starting the day the previous one ended', () => {
    const child = childWith('C1', {
      Episodes: [episode({ DEC: '01/06/2025', REC: 'X1' }), episode({ DECOM: '01/06/2025', RNE: 'P' })],
    });
    expect(flagged(rule501, child)).toEqual([]);
  });

  it('flags an episode starting before the previous one ended', () => {
    const child = childWith('C1', {
      Episodes: [
        episode({ DECOM: '31/05/2025', RNE: 'P' }),
        episode({ DECOM: '01/05/2025', DEC: '01/06/2025', REC: 'X1' }),
      ],
    });
    expect(flagged(rule501, child)).toEqual(['Episodes:2:DECOM']);
  });
});
