// Domain: SSDA903 rule 176 — sex of adopter(s). Catalogue fields: SEX_ADOPTR (AD1).
import type { Rule } from '../model.ts';
import { SEX_ADOPTR_CODES } from './code-lists.ts';
import { codeListRule } from './factories.ts';

export const rule176: Rule = codeListRule({
  code: '176',
  description: 'The sex of the adopter(s) is not a valid code (M1, F1, MM, FF or MF).',
  table: 'AD1',
  field: 'SEX_ADOPTR',
  codes: SEX_ADOPTR_CODES,
  required: false,
});
