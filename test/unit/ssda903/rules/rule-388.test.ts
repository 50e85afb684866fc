import { describe, expect, it } from 'vitest';
import { rule388 } from '../../../../shared/domain/ssda903/rules/rule-388.ts';
import { childWith, episode, flagged } from './helpers.ts';

describe('rule 388: X1 needs a continuation episode', () => {
  it('accepts X1 followed the same day, and a final episode ceasing with an E code', () => {
    const child = childWith('C1', {
      Episodes: [
        episode({ DECOM: '01/05/2025', DEC: '01/06/2025', REC: 'X1' }),
        episode({ DECOM: '01/06/2025', RNE: 'P', DEC: '01/08/2025', REC: 'E4A' }),
      ],
    });
    expect(flagged(rule388, child)).toEqual([]);
  });

  it('flags X1 with a gap, a non-X1 followed the same day, and a final X1', () => {
    const child = childWith('C1', {
      Episodes: [
        episode({ DECOM: '01/05/2025', DEC: '01/06/2025', REC: 'X1' }),
        episode({ DECOM: '05/06/2025', RNE: 'S', DEC: '01/07/2025', REC: 'E13' }),
        episode({ DECOM: '01/07/2025', RNE: 'P', DEC: '01/08/2025', REC: 'X1' }),
      ],
    });
    expect(flagged(rule388, child)).toEqual(['Episodes:2:REC', 'Episodes:3:REC', 'Episodes:4:REC']);
  });
});
