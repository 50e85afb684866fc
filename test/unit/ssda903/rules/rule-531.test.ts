import { describe, expect, it } from 'vitest';
import { rule531 } from '../../../../shared/domain/ssda903/rules/rule-531.ts';
import { childWith, episode, flagged } from './helpers.ts';

describe('rule 531: provider PR5 not with P1', () => {
  it('accepts PR5 with R1, and other providers with P1', () => {
    const child = childWith('C1', {
      Episodes: [
        episode({ PLACE_PROVIDER: 'PR5', PLACE: 'R1' }),
        episode({ PLACE_PROVIDER: 'PR9', PLACE: 'P1' }),
      ],
    });
    expect(flagged(rule531, child)).toEqual([]);
  });

  it('flags PR5 with P1', () => {
    expect(
      flagged(rule531, childWith('C1', { Episodes: [episode({ PLACE_PROVIDER: 'PR5', PLACE: 'P1' })] })),
    ).toEqual(['Episodes:2:PLACE_PROVIDER']);
  });
});
