// Domain: SSDA903 rule 514 — adopters' sexes agree with their legal status (L0, a single adopter). Catalogue fields:
// LS_ADOPTR SEX_ADOPTR (AD1).
import type { Rule } from '../model.ts';
import { codeSet } from './code-sets.ts';
import { rowRule } from './factories.ts';

const ALLOWED_SEXES = codeSet('SEX_ADOPTR', ['M1', 'F1']);

export const rule514: Rule = rowRule({
  code: '514',
  description:
    "The adopter is recorded as single (L0), but the adopters' sexes are not those of one man (M1) or one woman (F1).",
  table: 'AD1',
  fields: ['LS_ADOPTR', 'SEX_ADOPTR'],
  flagField: 'SEX_ADOPTR',
  fails: (row) => (row.values.LS_ADOPTR ?? '') === 'L0' && !ALLOWED_SEXES.has(row.values.SEX_ADOPTR ?? ''),
});
