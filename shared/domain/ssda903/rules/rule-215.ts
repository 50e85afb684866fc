// Domain: SSDA903 rule 215 — a care leaver has no 12-month items. Catalogue fields: IN_TOUCH ACTIV ACCOM and
// the 12-month items (OC2, OC3).
import type { Rule } from '../model.ts';
import { rowRule } from './factories.ts';
import { firstFilled, OC2_TWELVE_MONTH_FIELDS, OC3_FIELDS, rowsOf } from './support.ts';

export const rule215: Rule = rowRule({
  code: '215',
  description:
    'The child has care leaver information (OC3), so the items for children looked after for 12 months (OC2) should be blank.',
  table: 'OC2',
  tables: ['OC2', 'OC3'],
  fields: [...OC3_FIELDS, ...OC2_TWELVE_MONTH_FIELDS],
  flagField: 'CONVICTED',
  fails: (row, child) =>
    firstFilled(row, OC2_TWELVE_MONTH_FIELDS) !== undefined &&
    rowsOf(child, 'OC3').some((oc3) => firstFilled(oc3, OC3_FIELDS) !== undefined),
});
