import { describe, expect, it } from 'vitest';
import { rule222, rule222Until2025 } from '../../../../shared/domain/ssda903/rules/rule-222.ts';
import { childWith, episode, flagged } from './helpers.ts';

describe('rule 222: no URN for placements Ofsted does not register', () => {
  const child = childWith('C1', {
    Episodes: [
      episode({ PLACE: 'K2', URN: 'SC123456' }),
      episode({ PLACE: 'P1', URN: 'XXXXXXX' }),
      episode({ PLACE: 'R1', URN: 'SC123456' }),
      episode({ PLACE: 'Z14', URN: 'SC123456' }),
    ],
  });

  it('until 2024/25 flags a URN on P1, P3, R1, R2, R5, T0–T4 or Z1 (placeholder allowed)', () => {
    expect(flagged(rule222Until2025, child)).toEqual(['Episodes:4:URN']);
  });

  it('from 2025/26 flags Z11–Z14 too', () => {
    expect(flagged(rule222, child)).toEqual(['Episodes:4:URN', 'Episodes:5:URN']);
  });

  it('accepts a URN for a registered placement and the DfE placeholder elsewhere', () => {
    const fine = childWith('C2', {
      Episodes: [episode({ PLACE: 'K2', URN: 'SC123456' }), episode({ PLACE: 'Z12', URN: 'XXXXXXX' })],
    });
    expect(flagged(rule222Until2025, fine)).toEqual([]);
    expect(flagged(rule222, fine)).toEqual([]);
  });
});
