// Domain: SSDA903 rule 145 — category of need code. Catalogue fields: CIN (Episodes).
import type { Rule } from '../model.ts';
import { CIN_CODES } from './code-lists.ts';
import { codeListRule } from './factories.ts';

export const rule145: Rule = codeListRule({
  code: '145',
  description: 'The category of need is missing or is not one of N1 to N8.',
  table: 'Episodes',
  field: 'CIN',
  codes: CIN_CODES,
  required: true,
});
