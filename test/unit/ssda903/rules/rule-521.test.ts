import { describe, expect, it } from 'vitest';
import { rule521 } from '../../../../shared/domain/ssda903/rules/rule-521.ts';
import { childWith, episode, flagged } from './helpers.ts';

const placed = (decided: string, place = 'A4') =>
  childWith('C1', {
    AD1: [{ DATE_INT: decided }],
    Episodes: [
      episode({ DECOM: '01/04/2025', DEC: '01/06/2025', REC: 'X1' }),
      episode({ DECOM: '01/06/2025', RNE: 'P', PLACE: place }),
    ],
  });

describe('rule 521: the decision that adoption is best comes before the placement for adoption', () => {
  it('flags a placement for adoption before the decision', () => {
    expect(flagged(rule521, placed('02/06/2025'))).toEqual(['Episodes:3:DECOM', 'AD1:2:DATE_INT']);
  });

  it('accepts a decision on or before the placement, and other placements', () => {
    expect(flagged(rule521, placed('01/06/2025'))).toEqual([]);
    expect(flagged(rule521, placed('02/06/2025', 'U4'))).toEqual([]);
  });
});
