// Domain: SSDA903 rule 546 — no health promotion information from 5. Catalogue fields: DOB HEALTH_CHECK
// (Episodes, OC2).
import type { Rule } from '../model.ts';
import { rowRule } from './factories.ts';
import { dobFor, hasReachedAge, lookedAfterWholeYear } from './support.ts';

/**
 * Development assessments (HEALTH_CHECK) are asked only about children under 5 in the outcomes cohort (looked
 * after all year, as the catalogue's Episodes table says); the rule reads them for that cohort, as 545 does.
 */
export const rule546: Rule = rowRule({
  code: '546',
  description:
    'Whether development assessments are up to date is given for a child looked after all year who was 5 or over on 31 March; leave it blank.',
  table: 'OC2',
  tables: ['OC2', 'Episodes'],
  fields: ['DOB', 'HEALTH_CHECK'],
  flagField: 'HEALTH_CHECK',
  fails: (row, child, context) => {
    if ((row.values.HEALTH_CHECK ?? '') === '') return false;
    const dob = dobFor(child, row);
    return dob !== null && hasReachedAge(dob, context.periodEnd, 5) && lookedAfterWholeYear(child, context);
  },
});
