import { describe, expect, it } from 'vitest';
import { rule378 } from '../../../../shared/domain/ssda903/rules/rule-378.ts';
import { childWith, episode, flagged } from './helpers.ts';

describe('rule 378: placed with parents under section 20', () => {
  it('accepts P1 under a care order', () => {
    expect(flagged(rule378, childWith('C1', { Episodes: [episode({ PLACE: 'P1', LS: 'C2' })] }))).toEqual([]);
  });

  it('flags P1 with V2', () => {
    expect(flagged(rule378, childWith('C1', { Episodes: [episode({ PLACE: 'P1', LS: 'V2' })] }))).toEqual([
      'Episodes:2:LS',
    ]);
  });
});
