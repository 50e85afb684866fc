// Domain: SSDA903 rule 1009 — reason for placement change code. Catalogue fields: REASON_PLACE_CHANGE (Episodes).
import type { Rule } from '../model.ts';
import { REASON_PLACE_CHANGE_CODES } from './code-lists.ts';
import { codeListRule } from './factories.ts';

export const rule1009: Rule = codeListRule({
  code: '1009',
  description:
    'The reason for placement change is not a valid code (e.g. CARPL, CLOSE, ALLEG, CHILD, LAREQ, OTHER).',
  table: 'Episodes',
  field: 'REASON_PLACE_CHANGE',
  codes: REASON_PLACE_CHANGE_CODES,
  required: false,
});
