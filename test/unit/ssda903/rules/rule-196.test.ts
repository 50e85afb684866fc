import { describe, expect, it } from 'vitest';
import { rule196 } from '../../../../shared/domain/ssda903/rules/rule-196.ts';
import { childWith, flagged } from './helpers.ts';

describe('rule 196: reason for no SDQ code', () => {
  it('accepts SDQ5 and a blank', () => {
    expect(flagged(rule196, childWith('C1', { OC2: [{ SDQ_REASON: 'SDQ5' }, { SDQ_REASON: '' }] }))).toEqual(
      [],
    );
  });

  it('flags SDQ6', () => {
    expect(flagged(rule196, childWith('C1', { OC2: [{ SDQ_REASON: 'SDQ6' }] }))).toEqual([
      'OC2:2:SDQ_REASON',
    ]);
  });
});
