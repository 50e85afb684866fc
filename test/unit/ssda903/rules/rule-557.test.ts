import { describe, expect, it } from 'vitest';
import { rule557, rule557Until2024 } from '../../../../shared/domain/ssda903/rules/rule-557.ts';
import { childWith, contextFor, episode, flagged } from './helpers.ts';

const leftCare = (ls: string, rec: string) => [
  episode({ DECOM: '01/05/2025', LS: ls, PLACE: 'U1' }),
  episode({ DECOM: '01/09/2025', LS: ls, PLACE: 'U1', DEC: '01/12/2025', REC: rec }),
];

describe('rule 557: a child who left care without being adopted needs the decision reversed', () => {
  it('flags the decision when the date and reason it stopped are not both given', () => {
    const child = childWith('C1', {
      Episodes: leftCare('E1', 'E41'),
      PlacedAdoption: [
        { DATE_PLACED: '01/04/2025', DATE_PLACED_CEASED: '01/12/2025', REASON_PLACED_CEASED: '' },
      ],
    });
    expect(flagged(rule557, child)).toEqual(['PlacedAdoption:2:DATE_PLACED_CEASED']);
  });

  it('flags the leaving episode when a child under a placement order has no decision at all', () => {
    expect(
      flagged(rule557, childWith('C1', { Episodes: leftCare('E1', 'E41'), PlacedAdoption: [] })),
    ).toEqual(['Episodes:3:REC']);
  });

  it('accepts an adopted child, a complete reversal, and a child never on the way to adoption', () => {
    expect(
      flagged(rule557, childWith('C1', { Episodes: leftCare('E1', 'E11'), PlacedAdoption: [] })),
    ).toEqual([]);
    const reversed = childWith('C1', {
      Episodes: leftCare('E1', 'E41'),
      PlacedAdoption: [
        { DATE_PLACED: '01/04/2025', DATE_PLACED_CEASED: '01/12/2025', REASON_PLACED_CEASED: 'RD1' },
      ],
    });
    expect(flagged(rule557, reversed)).toEqual([]);
    expect(
      flagged(rule557, childWith('C1', { Episodes: leftCare('C2', 'E41'), PlacedAdoption: [] })),
    ).toEqual([]);
  });

  it('counts a freeing order (D1) until 2023/24 and not from 2024/25', () => {
    const freed = childWith('C1', { Episodes: leftCare('D1', 'E41'), PlacedAdoption: [] });
    expect(flagged(rule557Until2024, freed, contextFor(2024))).toEqual(['Episodes:3:REC']);
    expect(flagged(rule557, freed, contextFor(2025))).toEqual([]);
  });
});
