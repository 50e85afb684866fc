import { describe, expect, it } from 'vitest';
import { rule543 } from '../../../../shared/domain/ssda903/rules/rule-543.ts';
import { childWith, episode, flagged } from './helpers.ts';

// Collection year 2026: 1 April 2025 to 31 March 2026.
const wholeYear = [episode({ DECOM: '01/03/2024', DEC: '', LS: 'C2' })];

describe('rule 543: conviction information for a child of 10 or over looked after all year', () => {
  it('flags a blank CONVICTED for a 12-year-old looked after since before the year began', () => {
    const child = childWith('C1', { Episodes: wholeYear, OC2: [{ DOB: '01/01/2014', CONVICTED: '' }] });
    expect(flagged(rule543, child)).toEqual(['OC2:2:CONVICTED']);
  });

  it('accepts it when given, for a child under 10, and for one who came into care during the year', () => {
    expect(
      flagged(
        rule543,
        childWith('C1', { Episodes: wholeYear, OC2: [{ DOB: '01/01/2014', CONVICTED: '0' }] }),
      ),
    ).toEqual([]);
    expect(
      flagged(rule543, childWith('C1', { Episodes: wholeYear, OC2: [{ DOB: '01/04/2016', CONVICTED: '' }] })),
    ).toEqual([]);
    const sinceMay = [episode({ DECOM: '01/05/2025', DEC: '' })];
    expect(
      flagged(rule543, childWith('C1', { Episodes: sinceMay, OC2: [{ DOB: '01/01/2014', CONVICTED: '' }] })),
    ).toEqual([]);
  });

  it('does not count short breaks (V3/V4) or care that ended before 31 March', () => {
    const shortBreaks = [episode({ DECOM: '01/03/2024', DEC: '', LS: 'V3' })];
    expect(
      flagged(
        rule543,
        childWith('C1', { Episodes: shortBreaks, OC2: [{ DOB: '01/01/2014', CONVICTED: '' }] }),
      ),
    ).toEqual([]);
    const left = [episode({ DECOM: '01/03/2024', DEC: '01/02/2026', REC: 'E11' })];
    expect(
      flagged(rule543, childWith('C1', { Episodes: left, OC2: [{ DOB: '01/01/2014', CONVICTED: '' }] })),
    ).toEqual([]);
  });
});
