import { describe, expect, it } from 'vitest';
import { rule544 } from '../../../../shared/domain/ssda903/rules/rule-544.ts';
import { childWith, flagged } from './helpers.ts';

const health = { IMMUNISATIONS: '1', TEETH_CHECK: '1', HEALTH_ASSESSMENT: '0', SUBSTANCE_MISUSE: '0' };

describe('rule 544: conviction information comes with the health fields', () => {
  it('flags conviction information without a teeth check', () => {
    const child = childWith('C1', { OC2: [{ ...health, TEETH_CHECK: '', CONVICTED: '0' }] });
    expect(flagged(rule544, child)).toEqual(['OC2:2:CONVICTED']);
  });

  it('accepts it with every health field, and no conviction information at all', () => {
    expect(flagged(rule544, childWith('C1', { OC2: [{ ...health, CONVICTED: '1' }] }))).toEqual([]);
    expect(flagged(rule544, childWith('C1', { OC2: [{ CONVICTED: '' }] }))).toEqual([]);
  });
});
