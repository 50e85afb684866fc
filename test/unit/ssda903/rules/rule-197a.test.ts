import { describe, expect, it } from 'vitest';
import { rule197a } from '../../../../shared/domain/ssda903/rules/rule-197a.ts';
import { childWith, flagged } from './helpers.ts';

describe('rule 197a: no reason for no SDQ score when a score is given', () => {
  it('flags a reason beside a score', () => {
    expect(flagged(rule197a, childWith('C1', { OC2: [{ SDQ_SCORE: '14', SDQ_REASON: 'SDQ2' }] }))).toEqual([
      'OC2:2:SDQ_REASON',
    ]);
  });

  it('accepts a score alone or a reason alone', () => {
    expect(flagged(rule197a, childWith('C1', { OC2: [{ SDQ_SCORE: '14' }] }))).toEqual([]);
    expect(flagged(rule197a, childWith('C1', { OC2: [{ SDQ_REASON: 'SDQ2' }] }))).toEqual([]);
  });
});
