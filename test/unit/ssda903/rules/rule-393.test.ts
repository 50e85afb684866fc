import { describe, expect, it } from 'vitest';
import { rule393, rule393Until2024 } from '../../../../shared/domain/ssda903/rules/rule-393.ts';
import { childWith, contextFor, episode, flagged, header } from './helpers.ts';

const girl = (sex: string, mother: string, ls = 'C2') =>
  childWith('C1', { Header: [header({ SEX: sex, MOTHER: mother })], Episodes: [episode({ LS: ls })] });

describe('rule 393: whether a looked-after girl is a mother is recorded', () => {
  it('flags a blank for a girl: 2 until 2023/24, F from 2024/25', () => {
    expect(flagged(rule393Until2024, girl('2', ''), contextFor(2024))).toEqual(['Header:2:MOTHER']);
    expect(flagged(rule393, girl('F', ''), contextFor(2025))).toEqual(['Header:2:MOTHER']);
    expect(flagged(rule393, girl('2', ''), contextFor(2025))).toEqual([]);
  });

  it('accepts a recorded answer, a boy, and a girl only on short breaks', () => {
    expect(flagged(rule393, girl('F', '0'))).toEqual([]);
    expect(flagged(rule393, girl('M', ''))).toEqual([]);
    expect(flagged(rule393, girl('F', '', 'V4'))).toEqual([]);
  });
});
