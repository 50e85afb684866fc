import { describe, expect, it } from 'vitest';
import { rule382 } from '../../../../shared/domain/ssda903/rules/rule-382.ts';
import { childWith, episode, flagged } from './helpers.ts';

describe('rule 382: short breaks are not temporary placements', () => {
  it('accepts a short break in foster care, and a temporary placement under a care order', () => {
    const child = childWith('C1', {
      Episodes: [episode({ LS: 'V3', PLACE: 'U6' }), episode({ LS: 'C2', PLACE: 'T1' })],
    });
    expect(flagged(rule382, child)).toEqual([]);
  });

  it('flags V4 in a temporary placement', () => {
    expect(flagged(rule382, childWith('C1', { Episodes: [episode({ LS: 'V4', PLACE: 'T4' })] }))).toEqual([
      'Episodes:2:PLACE',
    ]);
  });
});
