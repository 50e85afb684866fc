import { describe, expect, it } from 'vitest';
import { rule361 } from '../../../../shared/domain/ssda903/rules/rule-361.ts';
import { childWith, episode, flagged } from './helpers.ts';

describe('rule 361: police protection at most 72 hours', () => {
  it('accepts three days, even split over two episodes', () => {
    const child = childWith('C1', {
      Episodes: [
        episode({ DECOM: '01/05/2025', LS: 'L1', DEC: '02/05/2025', REC: 'X1' }),
        episode({ DECOM: '02/05/2025', LS: 'L1', RNE: 'P', DEC: '04/05/2025', REC: 'X1' }),
        episode({ DECOM: '04/05/2025', LS: 'C2', RNE: 'L' }),
      ],
    });
    expect(flagged(rule361, child)).toEqual([]);
  });

  it('flags every episode of a spell longer than three days, and an open spell', () => {
    const child = childWith('C1', {
      Episodes: [
        episode({ DECOM: '01/05/2025', LS: 'L1', DEC: '03/05/2025', REC: 'X1' }),
        episode({ DECOM: '03/05/2025', LS: 'L1', RNE: 'P', DEC: '05/05/2025', REC: 'E4A' }),
        episode({ DECOM: '27/03/2026', LS: 'L1', RNE: 'S' }),
      ],
    });
    expect(flagged(rule361, child)).toEqual(['Episodes:2:LS', 'Episodes:3:LS', 'Episodes:4:LS']);
  });
});
