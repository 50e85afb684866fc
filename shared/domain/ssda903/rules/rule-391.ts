// Domain: SSDA903 rule 391 — care leaver information only for ages 17 to 21. Catalogue fields:
// DOB IN_TOUCH ACTIV ACCOM (OC3).
import type { Rule } from '../model.ts';
import { rowRule } from './factories.ts';
import { addYears, dobFor, val } from './support.ts';

/** In scope: the young person turned 17 by the end of the year and had not yet turned 22 at its start. */
export const rule391: Rule = rowRule({
  code: '391',
  description:
    'Care leaver information is given but the young person was not aged 17 to 21 at any time during the year.',
  table: 'OC3',
  fields: ['DOB', 'IN_TOUCH', 'ACTIV', 'ACCOM'],
  flagField: 'DOB',
  fails: (row, child, context) => {
    const dob = dobFor(child, row);
    const hasData = ['IN_TOUCH', 'ACTIV', 'ACCOM'].some((field) => val(row, field) !== '');
    if (!hasData || dob === null) return false;
    return addYears(dob, 17) > context.periodEnd || addYears(dob, 22) <= context.periodStart;
  },
});
