// Domain: SSDA903 rule 519 — adopters' sexes agree with their legal status (L2, a civil partnership). Catalogue fields:
// LS_ADOPTR SEX_ADOPTR (AD1).
import type { Rule } from '../model.ts';
import { codeSet } from './code-sets.ts';
import { rowRule } from './factories.ts';

const ALLOWED_SEXES = codeSet('SEX_ADOPTR', ['MM', 'FF', 'MF']);

export const rule519: Rule = rowRule({
  code: '519',
  description:
    'The adopters are recorded as civil partners (L2), but their sexes do not show a couple (MM, FF or MF).',
  table: 'AD1',
  fields: ['LS_ADOPTR', 'SEX_ADOPTR'],
  flagField: 'SEX_ADOPTR',
  fails: (row) => (row.values.LS_ADOPTR ?? '') === 'L2' && !ALLOWED_SEXES.has(row.values.SEX_ADOPTR ?? ''),
});
