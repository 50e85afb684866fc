// Domain: SSDA903 rule 233 — no reason for placement change on an open episode. Catalogue fields:
// REASON_PLACE_CHANGE (Episodes); from 2025/26.
import type { Rule } from '../model.ts';
import { rowRule } from './factories.ts';
export const rule233: Rule = rowRule({
  code: '233',
  description: 'A reason for placement change is given but the episode has not ceased.',
  table: 'Episodes',
  fields: ['REASON_PLACE_CHANGE', 'DEC'],
  flagField: 'REASON_PLACE_CHANGE',
  fails: (row) => (row.values.DEC ?? '') === '' && (row.values.REASON_PLACE_CHANGE ?? '') !== '',
});
