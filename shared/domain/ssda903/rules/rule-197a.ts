// Domain: SSDA903 rule 197a — no reason for a missing SDQ score when a score is given. Catalogue fields:
// SDQ_SCORE SDQ_REASON (OC2).
import type { Rule } from '../model.ts';
import { rowRule } from './factories.ts';
export const rule197a: Rule = rowRule({
  code: '197a',
  description: 'An SDQ score is given, so the reason for no SDQ score should be left blank.',
  table: 'OC2',
  fields: ['SDQ_SCORE', 'SDQ_REASON'],
  flagField: 'SDQ_REASON',
  fails: (row) => (row.values.SDQ_SCORE ?? '') !== '' && (row.values.SDQ_REASON ?? '') !== '',
});
