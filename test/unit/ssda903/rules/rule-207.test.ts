import { describe, expect, it } from 'vitest';
import { rule207 } from '../../../../shared/domain/ssda903/rules/rule-207.ts';
import { childWith, episode, flagged, header } from './helpers.ts';
import { withLastYear } from './last-year-helpers.ts';

describe('rule 207: a mother last year is still a mother', () => {
  const last = childWith('C1', { Header: [header({ MOTHER: '1', MC_DOB: '01/02/2024' })] });

  it('flags a looked-after child recorded as a mother last year but not this year', () => {
    const child = childWith('C1', { Header: [header({ MOTHER: '0' })], Episodes: [episode()] });
    expect(flagged(rule207, child, withLastYear([last]))).toEqual(['Header:2:MOTHER']);
  });

  it('accepts a mother still recorded as one, and a child with no episodes this year', () => {
    const still = childWith('C1', { Header: [header({ MOTHER: '1' })], Episodes: [episode()] });
    expect(flagged(rule207, still, withLastYear([last]))).toEqual([]);
    const leftCare = childWith('C1', { Header: [header({ MOTHER: '0' })] });
    expect(flagged(rule207, leftCare, withLastYear([last]))).toEqual([]);
  });
});
