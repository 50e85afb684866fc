import { describe, expect, it } from 'vitest';
import { rule558 } from '../../../../shared/domain/ssda903/rules/rule-558.ts';
import { childWith, episode, flagged } from './helpers.ts';

const adopted = [
  episode({ DECOM: '01/05/2025', PLACE: 'A3' }),
  episode({ DECOM: '01/09/2025', PLACE: 'A3', DEC: '01/02/2026', REC: 'E11' }),
];

describe('rule 558: an adopted child’s decision to place for adoption was not reversed', () => {
  it('flags a date the latest decision stopped for an adopted child', () => {
    const child = childWith('C1', {
      Episodes: adopted,
      PlacedAdoption: [{ DATE_PLACED: '01/04/2025', DATE_PLACED_CEASED: '01/02/2026' }],
    });
    expect(flagged(rule558, child)).toEqual(['PlacedAdoption:2:DATE_PLACED_CEASED']);
  });

  it('accepts an earlier decision that was reversed, and a child who was not adopted', () => {
    const twoDecisions = childWith('C1', {
      Episodes: adopted,
      PlacedAdoption: [
        { DATE_PLACED: '01/06/2023', DATE_PLACED_CEASED: '01/01/2024' },
        { DATE_PLACED: '01/04/2025', DATE_PLACED_CEASED: '' },
      ],
    });
    expect(flagged(rule558, twoDecisions)).toEqual([]);
    const notAdopted = childWith('C1', {
      Episodes: [episode({ DEC: '01/02/2026', REC: 'E41' })],
      PlacedAdoption: [{ DATE_PLACED: '01/04/2025', DATE_PLACED_CEASED: '01/02/2026' }],
    });
    expect(flagged(rule558, notAdopted)).toEqual([]);
  });
});
