// Domain: SSDA903 rule 517 — adopters' sexes agree with their legal status (L3, an unmarried couple of different sexes). Catalogue fields:
// LS_ADOPTR SEX_ADOPTR (AD1).
import type { Rule } from '../model.ts';
import { codeSet } from './code-sets.ts';
import { rowRule } from './factories.ts';

const ALLOWED_SEXES = codeSet('SEX_ADOPTR', ['MF']);

export const rule517: Rule = rowRule({
  code: '517',
  description:
    'The adopters are recorded as an unmarried couple of different sexes (L3), but their sexes are not recorded as male and female (MF).',
  table: 'AD1',
  fields: ['LS_ADOPTR', 'SEX_ADOPTR'],
  flagField: 'SEX_ADOPTR',
  fails: (row) => (row.values.LS_ADOPTR ?? '') === 'L3' && !ALLOWED_SEXES.has(row.values.SEX_ADOPTR ?? ''),
});
