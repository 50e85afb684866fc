import { describe, expect, it } from 'vitest';
import { rule334 } from '../../../../shared/domain/ssda903/rules/rule-334.ts';
import { childWith, episode, flagged } from './helpers.ts';

const child = (decided: string) =>
  childWith('C1', {
    AD1: [{ DATE_INT: decided }],
    Episodes: [
      episode({ DECOM: '01/04/2024', DEC: '01/06/2024', REC: 'E13' }),
      episode({ DECOM: '01/09/2024', RNE: 'S', DEC: '01/05/2025', REC: 'X1' }),
      episode({ DECOM: '01/05/2025', RNE: 'P', PLACE: 'A4' }),
    ],
  });

describe('rule 334: the adoption decision comes after the latest period of care began', () => {
  it('flags a decision before the latest start', () => {
    expect(flagged(rule334, child('31/08/2024'))).toEqual(['AD1:2:DATE_INT', 'Episodes:3:DECOM']);
  });

  it('accepts a decision on or after the latest start', () => {
    expect(flagged(rule334, child('01/09/2024'))).toEqual([]);
    expect(flagged(rule334, child('01/01/2025'))).toEqual([]);
  });
});
