// Domain: SSDA903 rule 175 — number of adopters. Catalogue fields: NB_ADOPTR (AD1).
import type { Rule } from '../model.ts';
import { NB_ADOPTR_CODES } from './code-lists.ts';
import { codeListRule } from './factories.ts';

export const rule175: Rule = codeListRule({
  code: '175',
  description: 'The number of adopters must be 1 or 2.',
  table: 'AD1',
  field: 'NB_ADOPTR',
  codes: NB_ADOPTR_CODES,
  required: false,
});
