import { describe, expect, it } from 'vitest';
import { rule167 } from '../../../../shared/domain/ssda903/rules/rule-167.ts';
import { childWith, flagged } from './helpers.ts';

describe('rule 167: review participation code', () => {
  it('accepts PN7', () => {
    expect(flagged(rule167, childWith('C1', { Reviews: [{ REVIEW_CODE: 'PN7' }] }))).toEqual([]);
  });

  it('flags PN8 and a blank', () => {
    expect(
      flagged(rule167, childWith('C1', { Reviews: [{ REVIEW_CODE: 'PN8' }, { REVIEW_CODE: '' }] })),
    ).toEqual(['Reviews:2:REVIEW_CODE', 'Reviews:3:REVIEW_CODE']);
  });
});
