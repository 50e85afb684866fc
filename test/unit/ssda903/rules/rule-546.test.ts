import { describe, expect, it } from 'vitest';
import { rule546 } from '../../../../shared/domain/ssda903/rules/rule-546.ts';
import { childWith, episode, flagged } from './helpers.ts';

const wholeYear = [episode({ DECOM: '01/02/2025', DEC: '' })];

// Collection year 2026: 31 March 2026. Born 31 March 2021: 5 that day.
describe('rule 546: no health promotion information from 5 for a child looked after all year', () => {
  it('flags HEALTH_CHECK for a child who was 5 on 31 March', () => {
    const child = childWith('C1', { Episodes: wholeYear, OC2: [{ DOB: '31/03/2021', HEALTH_CHECK: '0' }] });
    expect(flagged(rule546, child)).toEqual(['OC2:2:HEALTH_CHECK']);
  });

  it('accepts it for a child under 5, and a blank from 5', () => {
    expect(flagged(rule546, childWith('C1', { OC2: [{ DOB: '01/04/2021', HEALTH_CHECK: '1' }] }))).toEqual(
      [],
    );
    expect(flagged(rule546, childWith('C1', { OC2: [{ DOB: '31/03/2015', HEALTH_CHECK: '' }] }))).toEqual([]);
  });
});
