// Domain: SSDA903 rule 543 — conviction information for the OC2 cohort aged 10 or over. Catalogue fields:
// DOB CONVICTED (Episodes, OC2).
import type { Rule } from '../model.ts';
import { rowRule } from './factories.ts';
import { dobFor, hasReachedAge, lookedAfterWholeYear } from './support.ts';

export const rule543: Rule = rowRule({
  code: '543',
  description:
    'The child was 10 or over on 31 March and looked after for the whole year, but whether they were convicted during the year is blank.',
  table: 'OC2',
  tables: ['OC2', 'Episodes'],
  fields: ['DOB', 'CONVICTED'],
  flagField: 'CONVICTED',
  fails: (row, child, context) => {
    if ((row.values.CONVICTED ?? '') !== '') return false;
    const dob = dobFor(child, row);
    return dob !== null && hasReachedAge(dob, context.periodEnd, 10) && lookedAfterWholeYear(child, context);
  },
});
