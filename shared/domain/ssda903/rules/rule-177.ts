// Domain: SSDA903 rule 177 — legal status of adopter(s). Catalogue fields: LS_ADOPTR (AD1).
import type { Rule } from '../model.ts';
import { LS_ADOPTR_CODES } from './code-lists.ts';
import { codeListRule } from './factories.ts';

export const rule177: Rule = codeListRule({
  code: '177',
  description: 'The legal status of the adopter(s) is not a valid code (L0, L11, L12, L2, L3 or L4).',
  table: 'AD1',
  field: 'LS_ADOPTR',
  codes: LS_ADOPTR_CODES,
  required: false,
});
