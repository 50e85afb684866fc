import { describe, expect, it } from 'vitest';
import { rule188 } from '../../../../shared/domain/ssda903/rules/rule-188.ts';
import { childWith, flagged } from './helpers.ts';

describe('rule 188: no SDQ for a child under 4 at the end of the year', () => {
  it('flags a score or reason for a child who turns 4 after 31 March', () => {
    expect(flagged(rule188, childWith('C1', { OC2: [{ DOB: '01/04/2022', SDQ_REASON: 'SDQ1' }] }))).toEqual([
      'OC2:2:SDQ_SCORE',
    ]);
  });

  it('accepts a child who is 4 on 31 March, and a younger child with both blank', () => {
    expect(flagged(rule188, childWith('C1', { OC2: [{ DOB: '31/03/2022', SDQ_SCORE: '8' }] }))).toEqual([]);
    expect(flagged(rule188, childWith('C1', { OC2: [{ DOB: '01/04/2022' }] }))).toEqual([]);
  });
});
