// Domain: SSDA903 rule 545 — health promotion information for the OC2 cohort under 5. Catalogue fields:
// DOB HEALTH_CHECK (OC2; the cohort from Episodes).
import type { Rule } from '../model.ts';
import { rowRule } from './factories.ts';
import { dobFor, hasReachedAge, lookedAfterWholeYear } from './support.ts';

export const rule545: Rule = rowRule({
  code: '545',
  description:
    'The child was under 5 on 31 March and looked after for the whole year, but whether their development assessments are up to date is blank.',
  table: 'OC2',
  tables: ['OC2', 'Episodes'],
  fields: ['DOB', 'HEALTH_CHECK'],
  flagField: 'HEALTH_CHECK',
  fails: (row, child, context) => {
    if ((row.values.HEALTH_CHECK ?? '') !== '') return false;
    const dob = dobFor(child, row);
    return dob !== null && !hasReachedAge(dob, context.periodEnd, 5) && lookedAfterWholeYear(child, context);
  },
});
