import { describe, expect, it } from 'vitest';
import { rule357 } from '../../../../shared/domain/ssda903/rules/rule-357.ts';
import { childWith, episode, flagged } from './helpers.ts';

describe('rule 357: the first episode must be S', () => {
  it('accepts S, and ignores a first episode that began before the year', () => {
    expect(flagged(rule357, childWith('C1', { Episodes: [episode({ RNE: 'S' })] }))).toEqual([]);
    expect(
      flagged(rule357, childWith('C2', { Episodes: [episode({ DECOM: '01/03/2025', RNE: 'P' })] })),
    ).toEqual([]);
  });

  it('flags a first episode in the year with another reason', () => {
    const child = childWith('C1', {
      Episodes: [
        episode({ DECOM: '01/07/2025', RNE: 'P' }),
        episode({ DECOM: '01/05/2025', RNE: 'L', DEC: '01/07/2025', REC: 'X1' }),
      ],
    });
    expect(flagged(rule357, child)).toEqual(['Episodes:3:RNE']);
  });
});
