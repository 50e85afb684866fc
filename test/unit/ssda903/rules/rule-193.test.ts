import { describe, expect, it } from 'vitest';
import { rule193 } from '../../../../shared/domain/ssda903/rules/rule-193.ts';
import { childWith, flagged } from './helpers.ts';

describe('rule 193: no intervention items without a substance misuse problem', () => {
  it('flags an intervention offered when no problem is recorded', () => {
    expect(
      flagged(rule193, childWith('C1', { OC2: [{ SUBSTANCE_MISUSE: '0', INTERVENTION_OFFERED: '1' }] })),
    ).toEqual(['OC2:2:SUBSTANCE_MISUSE']);
  });

  it('accepts intervention items when a problem is recorded, and none without one', () => {
    expect(
      flagged(rule193, childWith('C1', { OC2: [{ SUBSTANCE_MISUSE: '1', INTERVENTION_RECEIVED: '1' }] })),
    ).toEqual([]);
    expect(flagged(rule193, childWith('C1', { OC2: [{ SUBSTANCE_MISUSE: '0' }] }))).toEqual([]);
  });
});
