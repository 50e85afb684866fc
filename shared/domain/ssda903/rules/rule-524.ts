// Domain: SSDA903 rule 524 — adopters' sexes agree with their legal status (L12, a married couple of the same sex). Catalogue fields:
// LS_ADOPTR SEX_ADOPTR (AD1).
import type { Rule } from '../model.ts';
import { codeSet } from './code-sets.ts';
import { rowRule } from './factories.ts';

const ALLOWED_SEXES = codeSet('SEX_ADOPTR', ['MM', 'FF']);

export const rule524: Rule = rowRule({
  code: '524',
  description:
    'The adopters are recorded as a married same-sex couple (L12), but their sexes are not recorded as two men (MM) or two women (FF).',
  table: 'AD1',
  fields: ['LS_ADOPTR', 'SEX_ADOPTR'],
  flagField: 'SEX_ADOPTR',
  fails: (row) => (row.values.LS_ADOPTR ?? '') === 'L12' && !ALLOWED_SEXES.has(row.values.SEX_ADOPTR ?? ''),
});
