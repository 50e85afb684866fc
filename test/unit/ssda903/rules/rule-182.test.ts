import { describe, expect, it } from 'vitest';
import { rule182 } from '../../../../shared/domain/ssda903/rules/rule-182.ts';
import { childWith, flagged } from './helpers.ts';

const core = { IMMUNISATIONS: '1', TEETH_CHECK: '1', HEALTH_ASSESSMENT: '1', SUBSTANCE_MISUSE: '0' };

describe('rule 182: the core 12-month items are completed, or OC2 is blank', () => {
  it('flags a row with some items but a core item blank', () => {
    const child = childWith('C1', { OC2: [{ ...core, CONVICTED: '0', TEETH_CHECK: '' }] });
    expect(flagged(rule182, child)).toEqual(['OC2:2:IMMUNISATIONS']);
  });

  it('accepts all four core items, or none at all', () => {
    expect(flagged(rule182, childWith('C1', { OC2: [{ ...core, CONVICTED: '0' }] }))).toEqual([]);
    expect(flagged(rule182, childWith('C1', { OC2: [{ SDQ_SCORE: '12' }] }))).toEqual([]);
  });
});
