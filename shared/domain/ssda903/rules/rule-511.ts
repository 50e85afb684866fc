// Domain: SSDA903 rule 511 — two adopters need a couple's sex code. Catalogue fields: NB_ADOPTR SEX_ADOPTR.
import type { Rule } from '../model.ts';
import { rowRule } from './factories.ts';
export const rule511: Rule = rowRule({
  code: '511',
  description: 'There are two adopters, so the sex of adopters must be a couple: MM, FF or MF.',
  table: 'AD1',
  fields: ['NB_ADOPTR', 'SEX_ADOPTR'],
  flagField: 'SEX_ADOPTR',
  fails: (row) =>
    (row.values.NB_ADOPTR ?? '') === '2' && !['MM', 'FF', 'MF'].includes(row.values.SEX_ADOPTR ?? ''),
});
