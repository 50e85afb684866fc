// Domain: SSDA903 rule 301 — date of birth after the year ended. Catalogue fields: DOB (Header).
import type { Rule } from '../model.ts';
import { rowRule } from './factories.ts';
import { daysOf } from './support.ts';

export const rule301: Rule = rowRule({
  code: '301',
  description: 'The date of birth is after the end of the collection year.',
  table: 'Header',
  fields: ['DOB'],
  flagField: 'DOB',
  fails: (row, _child, context) => {
    const dob = daysOf(row).DOB ?? null;
    return dob !== null && dob > context.periodEnd;
  },
});
