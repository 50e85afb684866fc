import { describe, expect, it } from 'vitest';
import { rule335 } from '../../../../shared/domain/ssda903/rules/rule-335.ts';
import { childWith, episode, flagged } from './helpers.ts';

const adopted = (place: string, byFosterCarer: string) =>
  childWith('C1', {
    AD1: [{ FOSTER_CARE: byFosterCarer }],
    Episodes: [episode({ PLACE: place, DEC: '01/12/2025', REC: 'E11' })],
  });

describe('rule 335: adoption by the foster carer agrees with the placement', () => {
  it('flags a placement with the foster carer when the adopters are not the foster carer, and the reverse', () => {
    expect(flagged(rule335, adopted('A5', '0'))).toEqual(['Episodes:2:PLACE', 'AD1:2:FOSTER_CARE']);
    expect(flagged(rule335, adopted('A4', '1'))).toEqual(['Episodes:2:PLACE', 'AD1:2:FOSTER_CARE']);
  });

  it('accepts placements that agree, and episodes that did not end in adoption', () => {
    expect(flagged(rule335, adopted('A3', '1'))).toEqual([]);
    expect(flagged(rule335, adopted('A6', '0'))).toEqual([]);
    const notAdopted = childWith('C1', { AD1: [{ FOSTER_CARE: '0' }], Episodes: [episode({ PLACE: 'A5' })] });
    expect(flagged(rule335, notAdopted)).toEqual([]);
  });
});
