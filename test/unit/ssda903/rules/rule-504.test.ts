import { describe, expect, it } from 'vitest';
import { rule504 } from '../../../../shared/domain/ssda903/rules/rule-504.ts';
import { childWith, episode, flagged } from './helpers.ts';

describe('rule 504: category of need fixed for a period of care', () => {
  it('accepts a new category in a new period of care', () => {
    const child = childWith('C1', {
      Episodes: [
        episode({ CIN: 'N1', DEC: '01/06/2025', REC: 'E13' }),
        episode({ DECOM: '01/09/2025', CIN: 'N4' }),
      ],
    });
    expect(flagged(rule504, child)).toEqual([]);
  });

  it('flags a category that changes within a period of care', () => {
    const child = childWith('C1', {
      Episodes: [
        episode({ CIN: 'N1', DEC: '01/06/2025', REC: 'X1' }),
        episode({ DECOM: '01/06/2025', RNE: 'P', CIN: 'N1', DEC: '01/07/2025', REC: 'X1' }),
        episode({ DECOM: '01/07/2025', RNE: 'P', CIN: 'N2' }),
      ],
    });
    expect(flagged(rule504, child)).toEqual(['Episodes:4:CIN']);
  });

  it('starts a new period when care ends and restarts the same day (rule 388 reports the missing X1)', () => {
    const child = childWith('C1', {
      Episodes: [
        episode({ CIN: 'N1', DEC: '01/06/2025', REC: 'E13' }),
        episode({ DECOM: '01/06/2025', RNE: 'S', CIN: 'N4' }),
      ],
    });
    expect(flagged(rule504, child)).toEqual([]);
  });
});
