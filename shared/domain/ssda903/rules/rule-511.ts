// Domain: SSDA903 rule 511 — two adopters need a couple's sex code. Catalogue fields: NB_ADOPTR SEX_ADOPTR.
import type { Rule } from '../model.ts';
import { rowRule } from './factories.ts';
import { val } from './support.ts';

export const rule511: Rule = rowRule({
  code: '511',
  description: 'There are two adopters, so the sex of adopters must be a couple: MM, FF or MF.',
  table: 'AD1',
  fields: ['NB_ADOPTR', 'SEX_ADOPTR'],
  flagField: 'SEX_ADOPTR',
  fails: (row) => val(row, 'NB_ADOPTR') === '2' && !['MM', 'FF', 'MF'].includes(val(row, 'SEX_ADOPTR')),
});
