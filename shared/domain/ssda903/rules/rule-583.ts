// Domain: SSDA903 rule 583 — more than one decision to place for adoption, an earlier one not revoked.
// Catalogue fields: DATE_PLACED DATE_PLACED_CEASED (PlacedAdoption); last defined 2022/23.
import type { Rule } from '../model.ts';
import { finding, rowsOf, sortedByDate } from './support.ts';

export const rule583: Rule = {
  code: '583',
  description:
    'There is more than one decision to place for adoption, so every decision before the latest needs the date it ceased (which may be in an earlier year).',
  tables: ['PlacedAdoption'],
  fields: ['DATE_PLACED', 'DATE_PLACED_CEASED'],
  check(child) {
    const decisions = sortedByDate(rowsOf(child, 'PlacedAdoption'), 'DATE_PLACED');
    return decisions
      .slice(0, -1)
      .filter(({ row }) => (row.values.DATE_PLACED_CEASED ?? '') === '')
      .map(({ row }) => finding('583', child, row, 'DATE_PLACED_CEASED'));
  },
};
