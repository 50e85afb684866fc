import { describe, expect, it } from 'vitest';
import { rule503C } from '../../../../shared/domain/ssda903/rules/rule-503C.ts';
import { childWith, episode, flagged } from './helpers.ts';
import { withLastYear } from './last-year-helpers.ts';

describe('rule 503C: the carried-over episode keeps its CIN', () => {
  const last = childWith('C1', { Episodes: [episode({ DECOM: '10/06/2024', CIN: 'N1' })] });

  it('flags a first episode with the same start date and another CIN', () => {
    const child = childWith('C1', { Episodes: [episode({ DECOM: '10/06/2024', CIN: 'N2' })] });
    expect(flagged(rule503C, child, withLastYear([last]))).toEqual(['Episodes:2:CIN']);
  });

  it('accepts the same CIN, and leaves a different start date to rule 502', () => {
    const same = childWith('C1', { Episodes: [episode({ DECOM: '10/06/2024', CIN: 'N1' })] });
    expect(flagged(rule503C, same, withLastYear([last]))).toEqual([]);
    const later = childWith('C1', { Episodes: [episode({ DECOM: '11/06/2024', CIN: 'N2' })] });
    expect(flagged(rule503C, later, withLastYear([last]))).toEqual([]);
  });
});
