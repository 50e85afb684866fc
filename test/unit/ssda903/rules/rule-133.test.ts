import { describe, expect, it } from 'vitest';
import { rule133 } from '../../../../shared/domain/ssda903/rules/rule-133.ts';
import { childWith, flagged } from './helpers.ts';

describe('rule 133: accommodation code', () => {
  it('accepts Z2 and a blank', () => {
    expect(flagged(rule133, childWith('C1', { OC3: [{ ACCOM: 'Z2' }, { ACCOM: '' }] }))).toEqual([]);
  });

  it('flags 01', () => {
    expect(flagged(rule133, childWith('C1', { OC3: [{ ACCOM: '01' }] }))).toEqual(['OC3:2:ACCOM']);
  });
});
