import { describe, expect, it } from 'vitest';
import { rule545 } from '../../../../shared/domain/ssda903/rules/rule-545.ts';
import { childWith, episode, flagged } from './helpers.ts';

// Collection year 2026: 1 April 2025 to 31 March 2026. Born 1 April 2021: 4 on 31 March 2026.
const wholeYear = [episode({ DECOM: '01/02/2025', DEC: '' })];

describe('rule 545: health promotion information for a child under 5 looked after all year', () => {
  it('flags a blank HEALTH_CHECK for a 4-year-old looked after since before the year began', () => {
    const child = childWith('C1', { Episodes: wholeYear, OC2: [{ DOB: '01/04/2021', HEALTH_CHECK: '' }] });
    expect(flagged(rule545, child)).toEqual(['OC2:2:HEALTH_CHECK']);
  });

  it('accepts it when given, for a 5-year-old, and for a child who came into care during the year', () => {
    expect(
      flagged(
        rule545,
        childWith('C1', { Episodes: wholeYear, OC2: [{ DOB: '01/04/2021', HEALTH_CHECK: '1' }] }),
      ),
    ).toEqual([]);
    expect(
      flagged(
        rule545,
        childWith('C1', { Episodes: wholeYear, OC2: [{ DOB: '31/03/2021', HEALTH_CHECK: '' }] }),
      ),
    ).toEqual([]);
    const sinceMay = [episode({ DECOM: '01/05/2025', DEC: '' })];
    expect(
      flagged(
        rule545,
        childWith('C1', { Episodes: sinceMay, OC2: [{ DOB: '01/04/2021', HEALTH_CHECK: '' }] }),
      ),
    ).toEqual([]);
  });
});
