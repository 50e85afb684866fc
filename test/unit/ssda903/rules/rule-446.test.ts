import { describe, expect, it } from 'vitest';
import { rule446 } from '../../../../shared/domain/ssda903/rules/rule-446.ts';
import { childWith, episode, flagged } from './helpers.ts';

const started = (decom: string, ls = 'E1') =>
  childWith('C1', { Episodes: [episode({ DECOM: decom, LS: ls })] });

describe('rule 446: placement orders only from December 2005', () => {
  it('flags E1 on an episode that started before 1 December 2005', () => {
    expect(flagged(rule446, started('30/11/2005'))).toEqual(['Episodes:2:LS']);
  });

  it('accepts E1 from 1 December 2005, and other legal statuses earlier', () => {
    expect(flagged(rule446, started('01/12/2005'))).toEqual([]);
    expect(flagged(rule446, started('30/11/2005', 'C2'))).toEqual([]);
  });
});
