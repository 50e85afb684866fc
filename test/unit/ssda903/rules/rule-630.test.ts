import { describe, expect, it } from 'vitest';
import { rule630 } from '../../../../shared/domain/ssda903/rules/rule-630.ts';
import { childWith, episode, flagged } from './helpers.ts';

describe('rule 630: a child starting care this year has previous permanence information', () => {
  it('flags a start this year with no previous permanence row', () => {
    const child = childWith('C1', { Episodes: [episode({ DECOM: '01/05/2025', RNE: 'S' })] });
    expect(flagged(rule630, child)).toEqual(['Episodes:2:RNE']);
  });

  it('accepts a row (even Z1), and care that started before the year', () => {
    const known = childWith('C1', {
      Episodes: [episode({ DECOM: '01/05/2025', RNE: 'S' })],
      PrevPerm: [{ DOB: '01/05/2015', PREV_PERM: 'Z1', LA_PERM: '', DATE_PERM: '' }],
    });
    expect(flagged(rule630, known)).toEqual([]);
    expect(
      flagged(rule630, childWith('C1', { Episodes: [episode({ DECOM: '01/05/2024', RNE: 'S' })] })),
    ).toEqual([]);
  });
});
