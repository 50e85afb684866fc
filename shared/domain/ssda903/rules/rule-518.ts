// Domain: SSDA903 rule 518 — adopters' sexes agree with their legal status (L4, an unmarried couple of the same sex). Catalogue fields:
// LS_ADOPTR SEX_ADOPTR (AD1).
import type { Rule } from '../model.ts';
import { codeSet } from './code-sets.ts';
import { rowRule } from './factories.ts';

const ALLOWED_SEXES = codeSet('SEX_ADOPTR', ['MM', 'FF']);

export const rule518: Rule = rowRule({
  code: '518',
  description:
    'The adopters are recorded as an unmarried same-sex couple (L4), but their sexes are not recorded as two men (MM) or two women (FF).',
  table: 'AD1',
  fields: ['LS_ADOPTR', 'SEX_ADOPTR'],
  flagField: 'SEX_ADOPTR',
  fails: (row) => (row.values.LS_ADOPTR ?? '') === 'L4' && !ALLOWED_SEXES.has(row.values.SEX_ADOPTR ?? ''),
});
