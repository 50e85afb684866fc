import { describe, expect, it } from 'vitest';
import { rule562 } from '../../../../shared/domain/ssda903/rules/rule-562.ts';
import { childWith, episode, flagged } from './helpers.ts';
import { withLastYear } from './last-year-helpers.ts';

describe('rule 562: an episode from before the year is the last of last year’s', () => {
  const child = childWith('C1', {
    Episodes: [episode({ DECOM: '13/03/2025' }), episode({ DECOM: '05/06/2025' })],
  });

  it('flags a first episode from before 1 April that last year’s return does not end with', () => {
    const last = childWith('C1', {
      Episodes: [
        episode({ DECOM: '01/02/2025', DEC: '11/03/2025', REC: 'X1' }),
        episode({ DECOM: '11/03/2025' }),
      ],
    });
    expect(flagged(rule562, child, withLastYear([last]))).toEqual(['Episodes:2:DECOM']);
    expect(flagged(rule562, child, withLastYear([]))).toEqual(['Episodes:2:DECOM']);
  });

  it('accepts a match, and a first episode that starts this year', () => {
    const last = childWith('C1', {
      Episodes: [episode({ DECOM: '01/02/2025' }), episode({ DECOM: '13/03/2025' })],
    });
    expect(flagged(rule562, child, withLastYear([last]))).toEqual([]);
    const newThisYear = childWith('C1', { Episodes: [episode({ DECOM: '05/06/2025' })] });
    expect(flagged(rule562, newThisYear, withLastYear([]))).toEqual([]);
  });
});
