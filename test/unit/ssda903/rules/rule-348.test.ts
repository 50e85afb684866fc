import { describe, expect, it } from 'vitest';
import { rulesFor } from '../../../../shared/domain/ssda903/rules/registry.ts';
import { rule348 } from '../../../../shared/domain/ssda903/rules/rule-348.ts';
import { childWith, flagged } from './helpers.ts';
import { withLastYear } from './last-year-helpers.ts';

const careLeaver = (IN_TOUCH: string) => ({ DOB: '01/06/2006', IN_TOUCH, ACTIV: '', ACCOM: '' });

describe('rule 348: a care leaver reported last year as having died', () => {
  const diedLastYear = childWith('C1', { OC3: [careLeaver('DIED')] });

  it('flags this year’s contact status when it is anything but DIED, blank included', () => {
    const inTouch = childWith('C1', { OC3: [careLeaver('YES')] });
    expect(flagged(rule348, inTouch, withLastYear([diedLastYear]))).toEqual(['OC3:2:IN_TOUCH']);
    const blank = childWith('C1', { OC3: [careLeaver('')] });
    expect(flagged(rule348, blank, withLastYear([diedLastYear]))).toEqual(['OC3:2:IN_TOUCH']);
  });

  it('accepts DIED again, a young person who did not die last year, and a young person new this year', () => {
    const died = childWith('C1', { OC3: [careLeaver('DIED')] });
    expect(flagged(rule348, died, withLastYear([diedLastYear]))).toEqual([]);
    const inTouch = childWith('C1', { OC3: [careLeaver('YES')] });
    const inTouchLastYear = childWith('C1', { OC3: [careLeaver('NO')] });
    expect(flagged(rule348, inTouch, withLastYear([inTouchLastYear]))).toEqual([]);
    expect(flagged(rule348, inTouch, withLastYear([]))).toEqual([]);
  });

  it('runs from 2025/26, the first year DfE defines it', () => {
    expect(rulesFor(2025).some((rule) => rule.code === '348')).toBe(false);
    expect(rulesFor(2026)).toContain(rule348);
    expect(rulesFor(2027)).toContain(rule348);
  });
});
