import { describe, expect, it } from 'vitest';
import { rule132 } from '../../../../shared/domain/ssda903/rules/rule-132.ts';
import { childWith, flagged } from './helpers.ts';

describe('rule 132: activity code', () => {
  it('accepts G6 and a blank', () => {
    expect(flagged(rule132, childWith('C1', { OC3: [{ ACTIV: 'G6' }, { ACTIV: '' }] }))).toEqual([]);
  });

  it('flags F3', () => {
    expect(flagged(rule132, childWith('C1', { OC3: [{ ACTIV: 'F3' }] }))).toEqual(['OC3:2:ACTIV']);
  });
});
