import { describe, expect, it } from 'vitest';
import { rule213, rule213Until2025 } from '../../../../shared/domain/ssda903/rules/rule-213.ts';
import { childWith, episode, flagged } from './helpers.ts';

describe('rule 213: no provider for temporary placements', () => {
  const child = childWith('C1', {
    Episodes: [
      episode({ PLACE: 'U4', PLACE_PROVIDER: 'PR1' }),
      episode({ PLACE: 'T0', PLACE_PROVIDER: '' }),
      episode({ PLACE: 'T4', PLACE_PROVIDER: 'PR2' }),
      episode({ PLACE: 'Z12', PLACE_PROVIDER: 'PR2' }),
    ],
  });

  it('until 2024/25 flags a provider on T0–T4 only', () => {
    expect(flagged(rule213Until2025, child)).toEqual(['Episodes:4:PLACE_PROVIDER']);
  });

  it('from 2025/26 flags a provider on Z11–Z14 too', () => {
    expect(flagged(rule213, child)).toEqual(['Episodes:4:PLACE_PROVIDER', 'Episodes:5:PLACE_PROVIDER']);
  });

  it('accepts a provider on a placement that has one and a blank provider on a temporary placement', () => {
    const fine = childWith('C2', {
      Episodes: [
        episode({ PLACE: 'U4', PLACE_PROVIDER: 'PR1' }),
        episode({ PLACE: 'T3', PLACE_PROVIDER: '' }),
      ],
    });
    expect(flagged(rule213Until2025, fine)).toEqual([]);
    expect(flagged(rule213, fine)).toEqual([]);
  });
});
