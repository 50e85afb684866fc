import { describe, expect, it } from 'vitest';
import { rule503B } from '../../../../shared/domain/ssda903/rules/rule-503B.ts';
import { childWith, episode, flagged } from './helpers.ts';
import { withLastYear } from './last-year-helpers.ts';

describe('rule 503B: the carried-over episode keeps its LS', () => {
  const last = childWith('C1', { Episodes: [episode({ DECOM: '10/06/2024', LS: 'C2' })] });

  it('flags a first episode with the same start date and another LS', () => {
    const child = childWith('C1', { Episodes: [episode({ DECOM: '10/06/2024', LS: 'C1' })] });
    expect(flagged(rule503B, child, withLastYear([last]))).toEqual(['Episodes:2:LS']);
  });

  it('accepts the same LS, and leaves a different start date to rule 502', () => {
    const same = childWith('C1', { Episodes: [episode({ DECOM: '10/06/2024', LS: 'C2' })] });
    expect(flagged(rule503B, same, withLastYear([last]))).toEqual([]);
    const later = childWith('C1', { Episodes: [episode({ DECOM: '11/06/2024', LS: 'C1' })] });
    expect(flagged(rule503B, later, withLastYear([last]))).toEqual([]);
  });
});
