import { describe, expect, it } from 'vitest';
import { rule503F } from '../../../../shared/domain/ssda903/rules/rule-503F.ts';
import { childWith, episode, flagged } from './helpers.ts';
import { withLastYear } from './last-year-helpers.ts';

describe('rule 503F: the carried-over episode keeps its URN', () => {
  const last = childWith('C1', { Episodes: [episode({ DECOM: '10/06/2024', URN: 'SC055123' })] });

  it('flags a first episode with the same start date and another URN', () => {
    const child = childWith('C1', { Episodes: [episode({ DECOM: '10/06/2024', URN: 'SC055124' })] });
    expect(flagged(rule503F, child, withLastYear([last]))).toEqual(['Episodes:2:URN']);
  });

  it('accepts the same URN, and leaves a different start date to rule 502', () => {
    const same = childWith('C1', { Episodes: [episode({ DECOM: '10/06/2024', URN: 'SC055123' })] });
    expect(flagged(rule503F, same, withLastYear([last]))).toEqual([]);
    const later = childWith('C1', { Episodes: [episode({ DECOM: '11/06/2024', URN: 'SC055124' })] });
    expect(flagged(rule503F, later, withLastYear([last]))).toEqual([]);
  });
});
