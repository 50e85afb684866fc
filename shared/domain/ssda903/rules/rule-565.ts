// Domain: SSDA903 rule 565 — a missing start date needs a missing type. Catalogue fields: MISSING MIS_START.
import type { Rule } from '../model.ts';
import { rowRule } from './factories.ts';
export const rule565: Rule = rowRule({
  code: '565',
  description: 'A missing start date is given but whether the child was missing (M) or away (A) is blank.',
  table: 'Missing',
  fields: ['MISSING', 'MIS_START'],
  flagField: 'MISSING',
  fails: (row) => (row.values.MIS_START ?? '') !== '' && (row.values.MISSING ?? '') === '',
});
