// Domain: SSDA903 rule 566 — a missing end date needs a missing type. Catalogue fields: MISSING MIS_END.
import type { Rule } from '../model.ts';
import { rowRule } from './factories.ts';
export const rule566: Rule = rowRule({
  code: '566',
  description: 'A missing end date is given but whether the child was missing (M) or away (A) is blank.',
  table: 'Missing',
  fields: ['MISSING', 'MIS_END'],
  flagField: 'MISSING',
  fails: (row) => (row.values.MIS_END ?? '') !== '' && (row.values.MISSING ?? '') === '',
});
