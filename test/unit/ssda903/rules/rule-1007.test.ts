import { describe, expect, it } from 'vitest';
import { rule1007 } from '../../../../shared/domain/ssda903/rules/rule-1007.ts';
import { childWith, episode, flagged } from './helpers.ts';

const careLeaver = { DOB: '01/10/2008', IN_TOUCH: 'YES', ACTIV: 'F1', ACCOM: 'S' };

describe('rule 1007: no care leaver information for a 17-year-old still looked after', () => {
  it('flags a young person looked after on their 17th birthday and still on 31 March', () => {
    const child = childWith('C1', { Episodes: [episode({ DECOM: '01/01/2024' })], OC3: [careLeaver] });
    expect(flagged(rule1007, child)).toEqual(['OC3:2:IN_TOUCH']);
  });

  it('accepts a young person whose care ended before the birthday, and a 19-year-old', () => {
    const left = childWith('C1', {
      Episodes: [episode({ DECOM: '01/01/2024', DEC: '01/09/2025', REC: 'E13' })],
      OC3: [careLeaver],
    });
    expect(flagged(rule1007, left)).toEqual([]);
    const older = childWith('C1', {
      Episodes: [episode({ DECOM: '01/01/2024' })],
      OC3: [{ ...careLeaver, DOB: '01/10/2006' }],
    });
    expect(flagged(rule1007, older)).toEqual([]);
  });
});
