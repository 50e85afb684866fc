import { describe, expect, it } from 'vitest';
import { rule383, rule383Until2025 } from '../../../../shared/domain/ssda903/rules/rule-383.ts';
import { childWith, episode, flagged } from './helpers.ts';

const cover = (returnTo: Record<string, string>) =>
  childWith('C1', {
    Episodes: [
      episode({ DECOM: '01/05/2025', PLACE: 'U4', PL_POST: 'AB1 2CD', DEC: '01/07/2025', REC: 'X1' }),
      episode({ DECOM: '01/07/2025', RNE: 'P', PLACE: 'T3', DEC: '10/07/2025', REC: 'X1' }),
      episode({ DECOM: '10/07/2025', RNE: 'P', PLACE: 'U4', PL_POST: 'AB1 2CD', ...returnTo }),
    ],
  });

describe('rule 383: back to the usual placement after a temporary one', () => {
  it('accepts a return to the same placement', () => {
    expect(flagged(rule383, cover({}))).toEqual([]);
    expect(flagged(rule383Until2025, cover({}))).toEqual([]);
  });

  it('until 2024/25 flags the temporary episode when the child moves on elsewhere', () => {
    expect(flagged(rule383Until2025, cover({ PLACE: 'U5' }))).toEqual(['Episodes:3:PLACE']);
    expect(flagged(rule383Until2025, cover({ RNE: 'T' }))).toEqual(['Episodes:3:PLACE']);
  });

  it('from 2025/26 flags the episode after it, and also a different placement postcode', () => {
    expect(flagged(rule383, cover({ PLACE: 'U5' }))).toEqual(['Episodes:4:RNE']);
    expect(flagged(rule383, cover({ PL_POST: 'ZZ9 9ZZ' }))).toEqual(['Episodes:4:RNE']);
    expect(flagged(rule383Until2025, cover({ PL_POST: 'ZZ9 9ZZ' }))).toEqual([]);
  });
});
