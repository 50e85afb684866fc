// Domain: SSDA903 rule 209 — UN1 (under school age) is not a UPN reason for a child of school age. Catalogue
// fields: UPN DOB (Header).
import type { Rule } from '../model.ts';
import { rowRule } from './factories.ts';
import { addYears, daysOf, fixedDay } from './support.ts';

export const rule209: Rule = rowRule({
  code: '209',
  description:
    'The UPN is given as UN1 (not yet of school age), but the child was 4 by 31 August before the year began and so is of school age.',
  table: 'Header',
  fields: ['UPN', 'DOB'],
  flagField: 'UPN',
  fails: (row, _child, context) => {
    if ((row.values.UPN ?? '') !== 'UN1') return false;
    const dob = daysOf(row).DOB ?? null;
    // The school year that started in the September before the collection year: 31 August of that summer.
    const cutOff = fixedDay(context.collectionYear - 2, 8, 31);
    return dob !== null && addYears(dob, 4) <= cutOff;
  },
});
