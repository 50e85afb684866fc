import { describe, expect, it } from 'vitest';
import { rule226, rule226Until2025 } from '../../../../shared/domain/ssda903/rules/rule-226.ts';
import { childWith, episode, flagged } from './helpers.ts';

describe('rule 226: no reason for placement change around a temporary placement', () => {
  it('accepts no reason on the way into a temporary placement', () => {
    const child = childWith('C1', {
      Episodes: [
        episode({ DEC: '01/06/2025', REC: 'X1' }),
        episode({ DECOM: '01/06/2025', RNE: 'P', PLACE: 'T2' }),
      ],
    });
    expect(flagged(rule226, child)).toEqual([]);
  });

  it('flags the reason on the episode before and on the temporary placement itself', () => {
    const child = childWith('C1', {
      Episodes: [
        episode({ DEC: '01/06/2025', REC: 'X1', REASON_PLACE_CHANGE: 'CARPL' }),
        episode({
          DECOM: '01/06/2025',
          RNE: 'P',
          PLACE: 'T2',
          DEC: '10/06/2025',
          REC: 'X1',
          REASON_PLACE_CHANGE: 'OTHER',
        }),
      ],
    });
    expect(flagged(rule226, child)).toEqual([
      'Episodes:2:REASON_PLACE_CHANGE',
      'Episodes:3:REASON_PLACE_CHANGE',
    ]);
    expect(flagged(rule226Until2025, child)).toEqual(flagged(rule226, child));
    expect(rule226.description).not.toEqual(rule226Until2025.description);
  });

  it('reports a row once when it is both a temporary placement and the episode before another', () => {
    const child = childWith('C1', {
      Episodes: [
        episode({ DEC: '01/06/2025', REC: 'X1' }),
        episode({
          DECOM: '01/06/2025',
          RNE: 'P',
          PLACE: 'T2',
          DEC: '05/06/2025',
          REC: 'X1',
          REASON_PLACE_CHANGE: 'OTHER',
        }),
        episode({ DECOM: '05/06/2025', RNE: 'P', PLACE: 'T3' }),
      ],
    });
    expect(flagged(rule226, child)).toEqual(['Episodes:3:REASON_PLACE_CHANGE']);
  });
});
