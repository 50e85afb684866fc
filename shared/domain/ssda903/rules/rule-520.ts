// Domain: SSDA903 rule 520 — adopters' sexes agree with their legal status (L11, a married couple of different sexes). Catalogue fields:
// LS_ADOPTR SEX_ADOPTR (AD1).
import type { Rule } from '../model.ts';
import { codeSet } from './code-sets.ts';
import { rowRule } from './factories.ts';

const ALLOWED_SEXES = codeSet('SEX_ADOPTR', ['MF']);

export const rule520: Rule = rowRule({
  code: '520',
  description:
    'The adopters are recorded as a married couple of different sexes (L11), but their sexes are not recorded as male and female (MF).',
  table: 'AD1',
  fields: ['LS_ADOPTR', 'SEX_ADOPTR'],
  flagField: 'SEX_ADOPTR',
  fails: (row) => (row.values.LS_ADOPTR ?? '') === 'L11' && !ALLOWED_SEXES.has(row.values.SEX_ADOPTR ?? ''),
});
