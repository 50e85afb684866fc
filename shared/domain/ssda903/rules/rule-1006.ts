// Domain: SSDA903 rule 1006 — missing type code. Catalogue fields: MISSING (Missing).
import type { Rule } from '../model.ts';
import { MISSING_CODES } from './code-lists.ts';
import { codeListRule } from './factories.ts';

export const rule1006: Rule = codeListRule({
  code: '1006',
  description: 'The missing type must be M (missing) or A (away from placement without authorisation).',
  table: 'Missing',
  field: 'MISSING',
  codes: MISSING_CODES,
  required: false,
});
