import { describe, expect, it } from 'vitest';
import { rule353 } from '../../../../shared/domain/ssda903/rules/rule-353.ts';
import { childWith, episode, flagged } from './helpers.ts';

describe('rule 353: no episode before 14 October 1991', () => {
  it('accepts 14 October 1991', () => {
    expect(flagged(rule353, childWith('C1', { Episodes: [episode({ DECOM: '14/10/1991' })] }))).toEqual([]);
  });

  it('flags 13 October 1991', () => {
    expect(flagged(rule353, childWith('C1', { Episodes: [episode({ DECOM: '13/10/1991' })] }))).toEqual([
      'Episodes:2:DECOM',
    ]);
  });
});
