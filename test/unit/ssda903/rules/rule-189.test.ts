import { describe, expect, it } from 'vitest';
import { rule189 } from '../../../../shared/domain/ssda903/rules/rule-189.ts';
import { childWith, flagged } from './helpers.ts';

describe('rule 189: no SDQ for a child 17 or over at the start of the year', () => {
  it('flags a score for a child who was 17 on 1 April', () => {
    expect(flagged(rule189, childWith('C1', { OC2: [{ DOB: '01/04/2008', SDQ_SCORE: '8' }] }))).toEqual([
      'OC2:2:SDQ_SCORE',
    ]);
  });

  it('accepts a child who turns 17 during the year', () => {
    expect(flagged(rule189, childWith('C1', { OC2: [{ DOB: '02/04/2008', SDQ_SCORE: '8' }] }))).toEqual([]);
  });
});
