import { describe, expect, it } from 'vitest';
import { rule225 } from '../../../../shared/domain/ssda903/rules/rule-225.ts';
import { childWith, episode, flagged } from './helpers.ts';

describe('rule 225: reason for placement change required', () => {
  it('accepts a move with a reason, and a move into a temporary placement without one', () => {
    const child = childWith('C1', {
      Episodes: [
        episode({ DEC: '01/06/2025', REC: 'X1', REASON_PLACE_CHANGE: 'CARPL' }),
        episode({ DECOM: '01/06/2025', RNE: 'P', PLACE: 'R1', DEC: '01/07/2025', REC: 'X1' }),
        episode({ DECOM: '01/07/2025', RNE: 'P', PLACE: 'T2' }),
      ],
    });
    expect(flagged(rule225, child)).toEqual([]);
  });

  it('flags the episode that ended with a move but has no reason', () => {
    const child = childWith('C1', {
      Episodes: [
        episode({ DEC: '01/06/2025', REC: 'X1' }),
        episode({ DECOM: '01/06/2025', RNE: 'B', LS: 'C1', PLACE: 'R1' }),
      ],
    });
    expect(flagged(rule225, child)).toEqual(['Episodes:2:REASON_PLACE_CHANGE']);
  });
});
