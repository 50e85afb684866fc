import { describe, expect, it } from 'vitest';
import { rule1009 } from '../../../../shared/domain/ssda903/rules/rule-1009.ts';
import { childWith, episode, flagged } from './helpers.ts';

describe('rule 1009: reason for placement change code', () => {
  it('accepts a valid reason or a blank', () => {
    const child = childWith('C1', { Episodes: [episode({ REASON_PLACE_CHANGE: 'CUSTOD' }), episode()] });
    expect(flagged(rule1009, child)).toEqual([]);
  });

  it('flags an unknown reason', () => {
    const child = childWith('C1', { Episodes: [episode({ REASON_PLACE_CHANGE: 'MOVED' })] });
    expect(flagged(rule1009, child)).toEqual(['Episodes:2:REASON_PLACE_CHANGE']);
  });
});
