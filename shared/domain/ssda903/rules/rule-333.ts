// Domain: SSDA903 rule 333 — decision to adopt before matching. Catalogue fields: DATE_INT (AD1; DATE_MATCH).
import type { Rule } from '../model.ts';
import { rowRule } from './factories.ts';
import { dayOf } from './support.ts';

export const rule333: Rule = rowRule({
  code: '333',
  description:
    'The date the child should be placed for adoption must be on or before the date they were matched with adopter(s).',
  table: 'AD1',
  fields: ['DATE_INT', 'DATE_MATCH'],
  flagField: 'DATE_INT',
  fails: (row) => {
    const decided = dayOf(row.values.DATE_INT);
    const matched = dayOf(row.values.DATE_MATCH);
    return decided !== null && matched !== null && decided > matched;
  },
});
