// Domain: SSDA903 rule 184 — adoption decision before birth. Catalogue fields: DATE_PLACED DOB (Header,
// PlacedAdoption).
import type { Rule } from '../model.ts';
import { rowRule } from './factories.ts';
import { daysOf, dobFor } from './support.ts';

export const rule184: Rule = rowRule({
  code: '184',
  description:
    'The date of the decision that the child should be placed for adoption is before the child was born.',
  table: 'PlacedAdoption',
  fields: ['DATE_PLACED', 'DOB'],
  flagField: 'DATE_PLACED',
  fails: (row, child) => {
    const placed = daysOf(row).DATE_PLACED ?? null;
    const dob = dobFor(child, row);
    return placed !== null && dob !== null && placed < dob;
  },
});
