// Domain: SSDA903 rule 231 — an unaccompanied asylum-seeking child under 11 is unusual: check the date of
// birth. Catalogue fields: DOB UASC_STATUS (Header); last defined 2024/25. The UASC status arrives as a row in the
// UASC table (in the XML return, HEADER's UASC = 1 becomes that row).
import type { Rule } from '../model.ts';
import { rowRule } from './factories.ts';
import { addYears, daysOf, rowsOf } from './support.ts';

export const rule231: Rule = rowRule({
  code: '231',
  description:
    'The child is recorded as an unaccompanied asylum-seeker but is under 11 on 31 March; check the date of birth, and if it is right, explain it to DfE.',
  table: 'Header',
  tables: ['Header', 'UASC'],
  fields: ['DOB', 'UASC_STATUS'],
  flagField: 'DOB',
  fails: (row, child, context) => {
    const dob = daysOf(row).DOB ?? null;
    return dob !== null && rowsOf(child, 'UASC').length > 0 && addYears(dob, 11) > context.periodEnd;
  },
});
