import { describe, expect, it } from 'vitest';
import { rule198 } from '../../../../shared/domain/ssda903/rules/rule-198.ts';
import { childWith, episode, flagged } from './helpers.ts';

describe('rule 198: a reason for no SDQ score only for a child looked after for 12 months', () => {
  it('flags a reason for a child who came into care during the year', () => {
    const child = childWith('C1', {
      Episodes: [episode({ DECOM: '01/06/2025' })],
      OC2: [{ SDQ_REASON: 'SDQ4' }],
    });
    expect(flagged(rule198, child)).toEqual(['OC2:2:SDQ_REASON']);
  });

  it('accepts it for a child looked after all year', () => {
    const child = childWith('C1', {
      Episodes: [episode({ DECOM: '01/06/2023' })],
      OC2: [{ SDQ_REASON: 'SDQ4' }],
    });
    expect(flagged(rule198, child)).toEqual([]);
  });
});
