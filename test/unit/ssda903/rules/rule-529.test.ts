import { describe, expect, it } from 'vitest';
import { rule529 } from '../../../../shared/domain/ssda903/rules/rule-529.ts';
import { childWith, episode, flagged } from './helpers.ts';

describe('rule 529: provider PR3 not with P1, A3–A6, K1, K2 or U1–U6', () => {
  it('accepts PR3 with R1, and other providers with K2', () => {
    const child = childWith('C1', {
      Episodes: [
        episode({ PLACE_PROVIDER: 'PR3', PLACE: 'R1' }),
        episode({ PLACE_PROVIDER: 'PR9', PLACE: 'K2' }),
      ],
    });
    expect(flagged(rule529, child)).toEqual([]);
  });

  it('flags PR3 with K2', () => {
    expect(
      flagged(rule529, childWith('C1', { Episodes: [episode({ PLACE_PROVIDER: 'PR3', PLACE: 'K2' })] })),
    ).toEqual(['Episodes:2:PLACE_PROVIDER']);
  });
});
