import { describe, expect, it } from 'vitest';
import { rule331 } from '../../../../shared/domain/ssda903/rules/rule-331.ts';
import { childWith, episode, flagged } from './helpers.ts';

const adopted = (matched: string) =>
  childWith('C1', {
    AD1: [
      {
        DATE_INT: '01/01/2025',
        DATE_MATCH: matched,
        FOSTER_CARE: '0',
        NB_ADOPTR: '2',
        SEX_ADOPTR: 'MF',
        LS_ADOPTR: 'L11',
      },
    ],
    Episodes: [
      episode({ DECOM: '01/04/2025', DEC: '01/06/2025', REC: 'X1' }),
      episode({ DECOM: '01/06/2025', RNE: 'P', PLACE: 'A4', DEC: '01/12/2025', REC: 'E11' }),
    ],
  });

describe('rule 331: matched with adopters on or before the placement for adoption', () => {
  it('flags a match after the start of the placement that ended in adoption', () => {
    expect(flagged(rule331, adopted('02/06/2025'))).toEqual(['AD1:2:DATE_MATCH', 'Episodes:3:DECOM']);
  });

  it('accepts a match on the day of placement or before', () => {
    expect(flagged(rule331, adopted('01/06/2025'))).toEqual([]);
    expect(flagged(rule331, adopted('01/05/2025'))).toEqual([]);
  });
});
