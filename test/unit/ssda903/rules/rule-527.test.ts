import { describe, expect, it } from 'vitest';
import { rule527 } from '../../../../shared/domain/ssda903/rules/rule-527.ts';
import { childWith, episode, flagged } from './helpers.ts';

describe('rule 527: provider PR1 not with P1, R2 or R5', () => {
  it('accepts PR1 with U1, and other providers with R2', () => {
    const child = childWith('C1', {
      Episodes: [
        episode({ PLACE_PROVIDER: 'PR1', PLACE: 'U1' }),
        episode({ PLACE_PROVIDER: 'PR9', PLACE: 'R2' }),
      ],
    });
    expect(flagged(rule527, child)).toEqual([]);
  });

  it('flags PR1 with R2', () => {
    expect(
      flagged(rule527, childWith('C1', { Episodes: [episode({ PLACE_PROVIDER: 'PR1', PLACE: 'R2' })] })),
    ).toEqual(['Episodes:2:PLACE_PROVIDER']);
  });
});
