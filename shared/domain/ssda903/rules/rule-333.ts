// Domain: SSDA903 rule 333 — decision to adopt before matching. Catalogue fields: DATE_INT (AD1; DATE_MATCH).
import type { Rule } from '../model.ts';
import { rowRule } from './factories.ts';
import { daysOf } from './support.ts';

export const rule333: Rule = rowRule({
  code: '333',
  description:
    'The date the child should be placed for adoption must be on or before the date they were matched with adopter(s).',
  table: 'AD1',
  fields: ['DATE_INT', 'DATE_MATCH'],
  flagField: 'DATE_INT',
  fails: (row) => {
    const decided = daysOf(row).DATE_INT ?? null;
    const matched = daysOf(row).DATE_MATCH ?? null;
    return decided !== null && matched !== null && decided > matched;
  },
});
