import { describe, expect, it } from 'vitest';
import { ruleNoE } from '../../../../shared/domain/ssda903/rules/rule-NoE.ts';
import { childWith, episode, flagged } from './helpers.ts';
import { withLastYear } from './last-year-helpers.ts';

describe('rule NoE: a child looked after before this year has episodes last year', () => {
  const child = childWith('C1', {
    Episodes: [
      episode({ DECOM: '03/10/2024', DEC: '08/09/2025', REC: 'X1' }),
      episode({ DECOM: '08/09/2025' }),
    ],
  });

  it('flags each episode from before 1 April 2025 when last year has no episodes for the child', () => {
    expect(flagged(ruleNoE, child, withLastYear([]))).toEqual(['Episodes:2:DECOM']);
  });

  it('accepts a child with episodes last year', () => {
    const last = childWith('C1', { Episodes: [episode({ DECOM: '03/10/2024' })] });
    expect(flagged(ruleNoE, child, withLastYear([last]))).toEqual([]);
  });
});
