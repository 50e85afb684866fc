// Domain: SSDA903 rule 620 — a mother under 11. Catalogue fields: DOB MOTHER (Header).
import type { Rule } from '../model.ts';
import { rowRule } from './factories.ts';
import { daysOf, hasReachedAge } from './support.ts';

export const rule620: Rule = rowRule({
  code: '620',
  description: 'The child is recorded as a mother but was under 11 at the start of the collection year.',
  table: 'Header',
  fields: ['DOB', 'MOTHER'],
  flagField: 'DOB',
  fails: (row, _child, context) => {
    const dob = daysOf(row).DOB ?? null;
    return (row.values.MOTHER ?? '') === '1' && dob !== null && !hasReachedAge(dob, context.periodStart, 11);
  },
});
