import { describe, expect, it } from 'vitest';
import { rule158 } from '../../../../shared/domain/ssda903/rules/rule-158.ts';
import { childWith, flagged } from './helpers.ts';

describe('rule 158: no "intervention offered" when one was received', () => {
  it('flags intervention offered after one was received', () => {
    const child = childWith('C1', { OC2: [{ INTERVENTION_RECEIVED: '1', INTERVENTION_OFFERED: '0' }] });
    expect(flagged(rule158, child)).toEqual(['OC2:2:INTERVENTION_OFFERED']);
  });

  it('accepts it blank, or completed when none was received', () => {
    expect(flagged(rule158, childWith('C1', { OC2: [{ INTERVENTION_RECEIVED: '1' }] }))).toEqual([]);
    expect(
      flagged(rule158, childWith('C1', { OC2: [{ INTERVENTION_RECEIVED: '0', INTERVENTION_OFFERED: '1' }] })),
    ).toEqual([]);
  });
});
