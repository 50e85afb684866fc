import { describe, expect, it } from 'vitest';
import { rule380 } from '../../../../shared/domain/ssda903/rules/rule-380.ts';
import { childWith, episode, flagged } from './helpers.ts';

describe('rule 380: a period of care cannot start in a temporary placement', () => {
  it('accepts a move into a temporary placement', () => {
    expect(flagged(rule380, childWith('C1', { Episodes: [episode({ RNE: 'P', PLACE: 'T2' })] }))).toEqual([]);
  });

  it('flags S with a temporary placement', () => {
    expect(flagged(rule380, childWith('C1', { Episodes: [episode({ RNE: 'S', PLACE: 'T0' })] }))).toEqual([
      'Episodes:2:PLACE',
    ]);
  });
});
