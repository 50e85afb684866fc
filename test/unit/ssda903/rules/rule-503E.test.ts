import { describe, expect, it } from 'vitest';
import { rule503E } from '../../../../shared/domain/ssda903/rules/rule-503E.ts';
import { childWith, episode, flagged } from './helpers.ts';
import { withLastYear } from './last-year-helpers.ts';

describe('rule 503E: the carried-over episode keeps its PLACE_PROVIDER', () => {
  const last = childWith('C1', { Episodes: [episode({ DECOM: '10/06/2024', PLACE_PROVIDER: 'PR1' })] });

  it('flags a first episode with the same start date and another PLACE_PROVIDER', () => {
    const child = childWith('C1', { Episodes: [episode({ DECOM: '10/06/2024', PLACE_PROVIDER: 'PR2' })] });
    expect(flagged(rule503E, child, withLastYear([last]))).toEqual(['Episodes:2:PLACE_PROVIDER']);
  });

  it('accepts the same PLACE_PROVIDER, and leaves a different start date to rule 502', () => {
    const same = childWith('C1', { Episodes: [episode({ DECOM: '10/06/2024', PLACE_PROVIDER: 'PR1' })] });
    expect(flagged(rule503E, same, withLastYear([last]))).toEqual([]);
    const later = childWith('C1', { Episodes: [episode({ DECOM: '11/06/2024', PLACE_PROVIDER: 'PR2' })] });
    expect(flagged(rule503E, later, withLastYear([last]))).toEqual([]);
  });
});
