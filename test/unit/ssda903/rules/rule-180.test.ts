import { describe, expect, it } from 'vitest';
import { rule180 } from '../../../../shared/domain/ssda903/rules/rule-180.ts';
import { childWith, flagged } from './helpers.ts';

describe('rule 180: SDQ score 0 to 40', () => {
  it('accepts 0, 40 and a blank', () => {
    expect(
      flagged(
        rule180,
        childWith('C1', { OC2: [{ SDQ_SCORE: '0' }, { SDQ_SCORE: '40' }, { SDQ_SCORE: '' }] }),
      ),
    ).toEqual([]);
  });

  it('flags 41, a fraction and text', () => {
    const child = childWith('C1', {
      OC2: [{ SDQ_SCORE: '41' }, { SDQ_SCORE: '12.5' }, { SDQ_SCORE: 'high' }],
    });
    expect(flagged(rule180, child)).toEqual(['OC2:2:SDQ_SCORE', 'OC2:3:SDQ_SCORE', 'OC2:4:SDQ_SCORE']);
  });
});
