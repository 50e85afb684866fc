import { describe, expect, it } from 'vitest';
import { rule1003 } from '../../../../shared/domain/ssda903/rules/rule-1003.ts';
import { childWith, episode, flagged } from './helpers.ts';

describe('rule 1003: the decision to place for adoption is not before care began', () => {
  it('flags a decision dated before the latest period of care started', () => {
    const child = childWith('C1', {
      Episodes: [
        episode({ DECOM: '01/01/2023', DEC: '01/03/2023', REC: 'E13' }),
        episode({ DECOM: '01/06/2025' }),
      ],
      PlacedAdoption: [{ DATE_PLACED: '01/05/2025' }],
    });
    expect(flagged(rule1003, child)).toEqual(['PlacedAdoption:2:DATE_PLACED']);
  });

  it('accepts a decision on or after the start of care', () => {
    const child = childWith('C1', {
      Episodes: [episode({ DECOM: '01/06/2025' })],
      PlacedAdoption: [{ DATE_PLACED: '01/06/2025' }],
    });
    expect(flagged(rule1003, child)).toEqual([]);
  });
});
