import { describe, expect, it } from 'vitest';
import { rule131 } from '../../../../shared/domain/ssda903/rules/rule-131.ts';
import { childWith, flagged } from './helpers.ts';

describe('rule 131: in touch code', () => {
  it('accepts RHOM and a blank', () => {
    expect(flagged(rule131, childWith('C1', { OC3: [{ IN_TOUCH: 'RHOM' }, { IN_TOUCH: '' }] }))).toEqual([]);
  });

  it('flags MAYBE', () => {
    expect(flagged(rule131, childWith('C1', { OC3: [{ IN_TOUCH: 'MAYBE' }] }))).toEqual(['OC3:2:IN_TOUCH']);
  });
});
