import { describe, expect, it } from 'vitest';
import { rule192 } from '../../../../shared/domain/ssda903/rules/rule-192.ts';
import { childWith, flagged } from './helpers.ts';

describe('rule 192: a substance misuse problem needs the intervention-received item', () => {
  it('flags a blank intervention received', () => {
    expect(flagged(rule192, childWith('C1', { OC2: [{ SUBSTANCE_MISUSE: '1' }] }))).toEqual([
      'OC2:2:INTERVENTION_RECEIVED',
    ]);
  });

  it('accepts it completed, or no problem recorded', () => {
    expect(
      flagged(rule192, childWith('C1', { OC2: [{ SUBSTANCE_MISUSE: '1', INTERVENTION_RECEIVED: '0' }] })),
    ).toEqual([]);
    expect(flagged(rule192, childWith('C1', { OC2: [{ SUBSTANCE_MISUSE: '0' }] }))).toEqual([]);
  });
});
