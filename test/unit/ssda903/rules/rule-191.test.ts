import { describe, expect, it } from 'vitest';
import { rule191 } from '../../../../shared/domain/ssda903/rules/rule-191.ts';
import { childWith, episode, flagged } from './helpers.ts';

const complete = { IMMUNISATIONS: '1', TEETH_CHECK: '1', HEALTH_ASSESSMENT: '1', SUBSTANCE_MISUSE: '0' };

describe('rule 191: the core 12-month items are completed for a child looked after for 12 months', () => {
  it('flags each blank core item for a child looked after all year', () => {
    const child = childWith('C1', {
      Episodes: [episode({ DECOM: '01/01/2024' })],
      OC2: [{ ...complete, TEETH_CHECK: '', SUBSTANCE_MISUSE: '' }],
    });
    expect(flagged(rule191, child)).toEqual(['OC2:2:TEETH_CHECK', 'OC2:2:SUBSTANCE_MISUSE']);
  });

  it('accepts complete items, and blanks for a child in care for part of the year', () => {
    expect(
      flagged(rule191, childWith('C1', { Episodes: [episode({ DECOM: '01/01/2024' })], OC2: [complete] })),
    ).toEqual([]);
    expect(
      flagged(rule191, childWith('C1', { Episodes: [episode({ DECOM: '01/06/2025' })], OC2: [{}] })),
    ).toEqual([]);
  });
});
