import { describe, expect, it } from 'vitest';
import { rule547 } from '../../../../shared/domain/ssda903/rules/rule-547.ts';
import { childWith, flagged } from './helpers.ts';

const health = { IMMUNISATIONS: '1', TEETH_CHECK: '1', HEALTH_ASSESSMENT: '1', SUBSTANCE_MISUSE: '0' };

describe('rule 547: health promotion information comes with the health fields', () => {
  it('flags HEALTH_CHECK without substance misuse', () => {
    const child = childWith('C1', { OC2: [{ ...health, SUBSTANCE_MISUSE: '', HEALTH_CHECK: '1' }] });
    expect(flagged(rule547, child)).toEqual(['OC2:2:HEALTH_CHECK']);
  });

  it('accepts it with every health field, and no HEALTH_CHECK at all', () => {
    expect(flagged(rule547, childWith('C1', { OC2: [{ ...health, HEALTH_CHECK: '0' }] }))).toEqual([]);
    expect(flagged(rule547, childWith('C1', { OC2: [{ HEALTH_CHECK: '' }] }))).toEqual([]);
  });
});
