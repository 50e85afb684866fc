// Domain: SSDA903 rule 635 — a date or local authority for a previous permanence option recorded as Z1 (not
// known). Catalogue fields: LA_PERM DATE_PERM PREV_PERM (PrevPerm); last defined 2022/23. Read from its text:
// DfE's tool flags a blank PREV_PERM instead, which the schema check already reports as a missing value.
import type { Rule } from '../model.ts';
import { rowRule } from './factories.ts';
export const rule635: Rule = rowRule({
  code: '635',
  description:
    'The previous permanence option is not known (Z1), so no date of the order or local authority should be given.',
  table: 'PrevPerm',
  fields: ['LA_PERM', 'DATE_PERM', 'PREV_PERM'],
  flagField: 'PREV_PERM',
  fails: (row) =>
    (row.values.PREV_PERM ?? '') === 'Z1' &&
    ((row.values.LA_PERM ?? '') !== '' || (row.values.DATE_PERM ?? '') !== ''),
});
