// Domain: SSDA903 rule 563 — a decision no longer to place for adoption needs the decision it reverses.
// Catalogue fields: DATE_PLACED REASON_PLACED_CEASED DATE_PLACED_CEASED (PlacedAdoption).
import type { Rule } from '../model.ts';
import { rowRule } from './factories.ts';
export const rule563: Rule = rowRule({
  code: '563',
  description:
    'The child should no longer be placed for adoption, but the date of the decision that they should be is blank.',
  table: 'PlacedAdoption',
  fields: ['DATE_PLACED', 'REASON_PLACED_CEASED', 'DATE_PLACED_CEASED'],
  flagField: 'DATE_PLACED',
  fails: (row) =>
    (row.values.DATE_PLACED ?? '') === '' &&
    ((row.values.DATE_PLACED_CEASED ?? '') !== '' || (row.values.REASON_PLACED_CEASED ?? '') !== ''),
});
