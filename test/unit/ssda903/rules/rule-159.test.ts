import { describe, expect, it } from 'vitest';
import { rule159 } from '../../../../shared/domain/ssda903/rules/rule-159.ts';
import { childWith, flagged } from './helpers.ts';

describe('rule 159: "intervention offered" when a child with a problem received none', () => {
  it('flags it blank', () => {
    const child = childWith('C1', { OC2: [{ SUBSTANCE_MISUSE: '1', INTERVENTION_RECEIVED: '0' }] });
    expect(flagged(rule159, child)).toEqual(['OC2:2:INTERVENTION_OFFERED']);
  });

  it('accepts it completed, or an intervention received', () => {
    expect(
      flagged(
        rule159,
        childWith('C1', {
          OC2: [{ SUBSTANCE_MISUSE: '1', INTERVENTION_RECEIVED: '0', INTERVENTION_OFFERED: '1' }],
        }),
      ),
    ).toEqual([]);
    expect(
      flagged(rule159, childWith('C1', { OC2: [{ SUBSTANCE_MISUSE: '1', INTERVENTION_RECEIVED: '1' }] })),
    ).toEqual([]);
  });
});
