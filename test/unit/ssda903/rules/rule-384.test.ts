import { describe, expect, it } from 'vitest';
import { rule384 } from '../../../../shared/domain/ssda903/rules/rule-384.ts';
import { childWith, episode, flagged } from './helpers.ts';

describe('rule 384: short breaks are not long-term fostering', () => {
  it('accepts a short break in short-term foster care', () => {
    expect(flagged(rule384, childWith('C1', { Episodes: [episode({ LS: 'V3', PLACE: 'U6' })] }))).toEqual([]);
  });

  it('flags V3 in U1 and V4 in U4', () => {
    const child = childWith('C1', {
      Episodes: [episode({ LS: 'V3', PLACE: 'U1' }), episode({ LS: 'V4', PLACE: 'U4' })],
    });
    expect(flagged(rule384, child)).toEqual(['Episodes:2:PLACE', 'Episodes:3:PLACE']);
  });
});
