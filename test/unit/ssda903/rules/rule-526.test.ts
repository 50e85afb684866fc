import { describe, expect, it } from 'vitest';
import { rule526, rule526Until2025 } from '../../../../shared/domain/ssda903/rules/rule-526.ts';
import { childWith, episode, flagged } from './helpers.ts';

describe('rule 526: placement provider missing', () => {
  const child = childWith('C1', {
    Episodes: [
      episode({ PLACE: 'U4', PLACE_PROVIDER: 'PR1' }),
      episode({ PLACE: 'T2', PLACE_PROVIDER: '' }),
      episode({ PLACE: 'Z1', PLACE_PROVIDER: '' }),
      episode({ PLACE: 'Z13', PLACE_PROVIDER: '' }),
      episode({ PLACE: 'R1', PLACE_PROVIDER: '' }),
    ],
  });

  it('until 2024/25 exempts only temporary placements and Z1', () => {
    expect(flagged(rule526Until2025, child)).toEqual([
      'Episodes:5:PLACE_PROVIDER',
      'Episodes:6:PLACE_PROVIDER',
    ]);
  });

  it('from 2025/26 exempts Z11–Z14, which replace Z1', () => {
    expect(flagged(rule526, child)).toEqual(['Episodes:4:PLACE_PROVIDER', 'Episodes:6:PLACE_PROVIDER']);
    expect(rule526.description).not.toMatch(/Z1,/);
  });

  it('accepts a provider where one is needed and a blank one on a temporary placement', () => {
    const fine = childWith('C2', {
      Episodes: [
        episode({ PLACE: 'R1', PLACE_PROVIDER: 'PR1' }),
        episode({ PLACE: 'T4', PLACE_PROVIDER: '' }),
      ],
    });
    expect(flagged(rule526Until2025, fine)).toEqual([]);
    expect(flagged(rule526, fine)).toEqual([]);
  });
});
