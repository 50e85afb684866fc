// Domain: SSDA903 rule 351 — child over 25 at the start of the year. Catalogue fields: DOB (Header).
import type { Rule } from '../model.ts';
import { rowRule } from './factories.ts';
import { addYears, daysOf } from './support.ts';

export const rule351: Rule = rowRule({
  code: '351',
  description: 'The young person was over 25 at the start of the collection year; check the date of birth.',
  table: 'Header',
  fields: ['DOB'],
  flagField: 'DOB',
  fails: (row, _child, context) => {
    const dob = daysOf(row).DOB ?? null;
    return dob !== null && addYears(dob, 25) < context.periodStart;
  },
});
