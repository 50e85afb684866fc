// Domain: SSDA903 rule 564 — a missing period needs a start date. Catalogue fields: MISSING MIS_START.
import type { Rule } from '../model.ts';
import { rowRule } from './factories.ts';
export const rule564: Rule = rowRule({
  code: '564',
  description: 'The child was missing or away from placement but the date it started is blank.',
  table: 'Missing',
  fields: ['MISSING', 'MIS_START'],
  flagField: 'MIS_START',
  fails: (row) => (row.values.MISSING ?? '') !== '' && (row.values.MIS_START ?? '') === '',
});
