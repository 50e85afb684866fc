// Domain: SSDA903 rule 354 — episode starting after the year. Catalogue fields: DECOM (Episodes).
import type { Rule } from '../model.ts';
import { rowRule } from './factories.ts';
import { daysOf } from './support.ts';

export const rule354: Rule = rowRule({
  code: '354',
  description: 'The episode starts after the end of the collection year.',
  table: 'Episodes',
  fields: ['DECOM'],
  flagField: 'DECOM',
  fails: (row, _child, context) => {
    const decom = daysOf(row).DECOM ?? null;
    return decom !== null && decom > context.periodEnd;
  },
});
