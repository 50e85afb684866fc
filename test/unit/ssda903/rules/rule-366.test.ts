import { describe, expect, it } from 'vitest';
import { rule366 } from '../../../../shared/domain/ssda903/rules/rule-366.ts';
import { childWith, episode, flagged } from './helpers.ts';

describe('rule 366: no change of placement during a short break', () => {
  it('flags a short break that is not a new start', () => {
    expect(flagged(rule366, childWith('C1', { Episodes: [episode({ LS: 'V3', RNE: 'P' })] }))).toEqual([
      'Episodes:2:RNE',
    ]);
  });

  it('accepts a short break that is a new start, and other legal statuses', () => {
    expect(flagged(rule366, childWith('C1', { Episodes: [episode({ LS: 'V3', RNE: 'S' })] }))).toEqual([]);
    expect(flagged(rule366, childWith('C1', { Episodes: [episode({ LS: 'V4', RNE: 'P' })] }))).toEqual([]);
  });
});
