// Domain: SSDA903 rule 621 — mother younger than her child. Catalogue fields: DOB MC_DOB (Header).
import type { Rule } from '../model.ts';
import { rowRule } from './factories.ts';
import { daysOf } from './support.ts';

export const rule621: Rule = rowRule({
  code: '621',
  description: "The date of birth of the mother's child is on or before the mother's own date of birth.",
  table: 'Header',
  fields: ['DOB', 'MC_DOB'],
  flagField: 'MC_DOB',
  fails: (row) => {
    const dob = daysOf(row).DOB ?? null;
    const childDob = daysOf(row).MC_DOB ?? null;
    return dob !== null && childDob !== null && childDob <= dob;
  },
});
