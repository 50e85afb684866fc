import { describe, expect, it } from 'vitest';
import { rule550 } from '../../../../shared/domain/ssda903/rules/rule-550.ts';
import { childWith, episode, flagged } from './helpers.ts';

describe('rule 550: provider PR0 only with P1', () => {
  it('accepts PR0 with P1, and other providers with U1', () => {
    const child = childWith('C1', {
      Episodes: [
        episode({ PLACE_PROVIDER: 'PR0', PLACE: 'P1' }),
        episode({ PLACE_PROVIDER: 'PR9', PLACE: 'U1' }),
      ],
    });
    expect(flagged(rule550, child)).toEqual([]);
  });

  it('flags PR0 with U1', () => {
    expect(
      flagged(rule550, childWith('C1', { Episodes: [episode({ PLACE_PROVIDER: 'PR0', PLACE: 'U1' })] })),
    ).toEqual(['Episodes:2:PLACE_PROVIDER']);
  });
});
