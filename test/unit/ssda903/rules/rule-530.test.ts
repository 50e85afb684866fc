import { describe, expect, it } from 'vitest';
import { rule530 } from '../../../../shared/domain/ssda903/rules/rule-530.ts';
import { childWith, episode, flagged } from './helpers.ts';

describe('rule 530: provider PR4 not with P1', () => {
  it('accepts PR4 with R1, and other providers with P1', () => {
    const child = childWith('C1', {
      Episodes: [
        episode({ PLACE_PROVIDER: 'PR4', PLACE: 'R1' }),
        episode({ PLACE_PROVIDER: 'PR9', PLACE: 'P1' }),
      ],
    });
    expect(flagged(rule530, child)).toEqual([]);
  });

  it('flags PR4 with P1', () => {
    expect(
      flagged(rule530, childWith('C1', { Episodes: [episode({ PLACE_PROVIDER: 'PR4', PLACE: 'P1' })] })),
    ).toEqual(['Episodes:2:PLACE_PROVIDER']);
  });
});
