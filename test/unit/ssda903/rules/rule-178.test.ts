import { describe, expect, it } from 'vitest';
import { rule178, rule178Until2025 } from '../../../../shared/domain/ssda903/rules/rule-178.ts';
import { childWith, episode, flagged } from './helpers.ts';

describe('rule 178: placement provider code', () => {
  it('accepts a valid provider on a placement that has one, and a blank provider anywhere', () => {
    const child = childWith('C1', {
      Episodes: [
        episode({ PLACE: 'U4', PLACE_PROVIDER: 'PR5' }),
        episode({ PLACE: 'T1', PLACE_PROVIDER: '' }),
        episode({ PLACE: 'Z11', PLACE_PROVIDER: '' }),
      ],
    });
    expect(flagged(rule178Until2025, child)).toEqual([]);
    expect(flagged(rule178, child)).toEqual([]);
  });

  it('until 2024/25 rejects an unknown code and a provider for T0–T4 or Z1', () => {
    const child = childWith('C1', {
      Episodes: [
        episode({ PLACE_PROVIDER: 'PR6' }),
        episode({ PLACE: 'T4', PLACE_PROVIDER: 'PR1' }),
        episode({ PLACE: 'Z1', PLACE_PROVIDER: 'PR1' }),
        episode({ PLACE: 'Z12', PLACE_PROVIDER: 'PR1' }),
      ],
    });
    expect(flagged(rule178Until2025, child)).toEqual([
      'Episodes:2:PLACE_PROVIDER',
      'Episodes:3:PLACE_PROVIDER',
      'Episodes:4:PLACE_PROVIDER',
    ]);
  });

  it('from 2025/26 rejects a provider for T0–T3 and Z11–Z14, no longer for T4 or Z1', () => {
    const child = childWith('C1', {
      Episodes: [
        episode({ PLACE_PROVIDER: 'PR6' }),
        episode({ PLACE: 'T1', PLACE_PROVIDER: 'PR1' }),
        episode({ PLACE: 'Z12', PLACE_PROVIDER: 'PR1' }),
        episode({ PLACE: 'T4', PLACE_PROVIDER: 'PR1' }),
        episode({ PLACE: 'Z1', PLACE_PROVIDER: 'PR1' }),
      ],
    });
    expect(flagged(rule178, child)).toEqual([
      'Episodes:2:PLACE_PROVIDER',
      'Episodes:3:PLACE_PROVIDER',
      'Episodes:4:PLACE_PROVIDER',
    ]);
  });
});
