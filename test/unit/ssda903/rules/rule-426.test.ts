import { describe, expect, it } from 'vitest';
import { rule426 } from '../../../../shared/domain/ssda903/rules/rule-426.ts';
import { childWith, episode, flagged } from './helpers.ts';

const statuses = (...list: string[]) => childWith('C1', { Episodes: list.map((LS) => episode({ LS })) });

describe('rule 426: short breaks under V3 or V4 in a year, not both', () => {
  it('flags every short break of a child with both', () => {
    expect(flagged(rule426, statuses('V3', 'C2', 'V4', 'V3'))).toEqual([
      'Episodes:2:LS',
      'Episodes:4:LS',
      'Episodes:5:LS',
    ]);
  });

  it('accepts short breaks under one of them', () => {
    expect(flagged(rule426, statuses('V3', 'V3', 'C2'))).toEqual([]);
    expect(flagged(rule426, statuses('V4'))).toEqual([]);
  });
});
