import { describe, expect, it } from 'vitest';
import type { Rule } from '../../../../shared/domain/ssda903/model.ts';
import { rulesFor } from '../../../../shared/domain/ssda903/rules/registry.ts';
import { childWith, episode, flagged } from './helpers.ts';
import { withLastYear } from './last-year-helpers.ts';

/** The version of 503D in force for a collection year. */
function rule503DFor(year: number): Rule {
  const rule = rulesFor(year).find((candidate) => candidate.code === '503D');
  if (!rule) throw new Error(`503D is not in force in ${year}`);
  return rule;
}

/** Where 503D points when last year's open episode had `before` and this year's first episode has `now`. */
function flaggedFor(year: number, before: string, now: string, decom = '10/06/2022'): string[] {
  const last = childWith('C1', { Episodes: [episode({ DECOM: '10/06/2022', PLACE: before })] });
  const child = childWith('C1', { Episodes: [episode({ DECOM: decom, PLACE: now })] });
  return flagged(rule503DFor(year), child, withLastYear([last], year));
}

describe('rule 503D: the carried-over episode keeps its placement type', () => {
  it('flags a first episode with the same start date and another placement type', () => {
    for (const year of [2023, 2024, 2025, 2026, 2027]) {
      expect(flaggedFor(year, 'U4', 'U5')).toEqual(['Episodes:2:PLACE']);
    }
  });

  it('accepts the same placement type, and leaves a different start date to rule 502', () => {
    expect(flaggedFor(2026, 'U4', 'U4')).toEqual([]);
    expect(flaggedFor(2026, 'U4', 'U5', '11/06/2022')).toEqual([]);
  });

  it('does not judge a child whose last episode last year had ended', () => {
    const last = childWith('C1', {
      Episodes: [episode({ DECOM: '10/06/2022', DEC: '01/01/2025', PLACE: 'U4' })],
    });
    const child = childWith('C1', { Episodes: [episode({ DECOM: '10/06/2022', PLACE: 'U5' })] });
    expect(flagged(rule503DFor(2026), child, withLastYear([last]))).toEqual([]);
  });

  it('in 2024/25 accepts semi-independent living (H5) carried into supported accommodation (K3)', () => {
    expect(flaggedFor(2024, 'H5', 'K3')).toEqual(['Episodes:2:PLACE']);
    expect(flaggedFor(2025, 'H5', 'K3')).toEqual([]);
    expect(flaggedFor(2025, 'H5', 'U4')).toEqual(['Episodes:2:PLACE']);
    expect(flaggedFor(2025, 'Z1', 'Z11')).toEqual(['Episodes:2:PLACE']);
  });

  it('from 2025/26 accepts the withdrawn other placement (Z1) carried into one of Z11 to Z14', () => {
    for (const now of ['Z11', 'Z12', 'Z13', 'Z14']) expect(flaggedFor(2026, 'Z1', now)).toEqual([]);
    expect(flaggedFor(2027, 'Z1', 'Z12')).toEqual([]);
    expect(flaggedFor(2026, 'Z1', 'U4')).toEqual(['Episodes:2:PLACE']);
    expect(flaggedFor(2026, 'H5', 'K3')).toEqual(['Episodes:2:PLACE']);
  });
});
