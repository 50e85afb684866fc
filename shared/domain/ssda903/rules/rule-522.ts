// Domain: SSDA903 rule 522 — adoption decision reversed before it was made. Catalogue fields: DATE_PLACED
// DATE_PLACED_CEASED (PlacedAdoption).
import type { Rule } from '../model.ts';
import { rowRule } from './factories.ts';
import { daysOf } from './support.ts';

export const rule522: Rule = rowRule({
  code: '522',
  description:
    'The decision that the child should be placed for adoption must be on or before the decision that they should no longer be.',
  table: 'PlacedAdoption',
  fields: ['DATE_PLACED', 'DATE_PLACED_CEASED'],
  flagField: 'DATE_PLACED',
  fails: (row) => {
    const placed = daysOf(row).DATE_PLACED ?? null;
    const ceased = daysOf(row).DATE_PLACED_CEASED ?? null;
    return placed !== null && ceased !== null && placed > ceased;
  },
});
