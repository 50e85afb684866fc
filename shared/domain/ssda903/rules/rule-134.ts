// Domain: SSDA903 rule 134 — no adoption data for a care leaver. Catalogue fields: IN_TOUCH ACTIV ACCOM and the
// AD1 items (OC3, AD1).
import type { Rule } from '../model.ts';
import { rowRule } from './factories.ts';
import { AD1_FIELDS, firstFilled, OC3_FIELDS, rowsOf } from './support.ts';

export const rule134: Rule = rowRule({
  code: '134',
  description: 'The child has care leaver information (OC3), so adoption information (AD1) should be blank.',
  table: 'AD1',
  tables: ['AD1', 'OC3'],
  fields: [...OC3_FIELDS, ...AD1_FIELDS],
  flagField: 'DATE_INT',
  fails: (row, child) =>
    firstFilled(row, AD1_FIELDS) !== undefined &&
    rowsOf(child, 'OC3').some((oc3) => firstFilled(oc3, OC3_FIELDS) !== undefined),
});
