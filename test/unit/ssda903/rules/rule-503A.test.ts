import { describe, expect, it } from 'vitest';
import { rule503A } from '../../../../shared/domain/ssda903/rules/rule-503A.ts';
import { childWith, episode, flagged } from './helpers.ts';
import { withLastYear } from './last-year-helpers.ts';

describe('rule 503A: the carried-over episode keeps its RNE', () => {
  const last = childWith('C1', { Episodes: [episode({ DECOM: '10/06/2024', RNE: 'S' })] });

  it('flags a first episode with the same start date and another RNE', () => {
    const child = childWith('C1', { Episodes: [episode({ DECOM: '10/06/2024', RNE: 'L' })] });
    expect(flagged(rule503A, child, withLastYear([last]))).toEqual(['Episodes:2:RNE']);
  });

  it('accepts the same RNE, and leaves a different start date to rule 502', () => {
    const same = childWith('C1', { Episodes: [episode({ DECOM: '10/06/2024', RNE: 'S' })] });
    expect(flagged(rule503A, same, withLastYear([last]))).toEqual([]);
    const later = childWith('C1', { Episodes: [episode({ DECOM: '11/06/2024', RNE: 'L' })] });
    expect(flagged(rule503A, later, withLastYear([last]))).toEqual([]);
  });
});
