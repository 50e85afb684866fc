// Domain: SSDA903 rule 385 — episode ceasing after the year. Catalogue fields: DEC (Episodes).
import type { Rule } from '../model.ts';
import { rowRule } from './factories.ts';
import { daysOf } from './support.ts';

export const rule385: Rule = rowRule({
  code: '385',
  description: 'The date the episode ceased is after the end of the collection year.',
  table: 'Episodes',
  fields: ['DEC'],
  flagField: 'DEC',
  fails: (row, _child, context) => {
    const dec = daysOf(row).DEC ?? null;
    return dec !== null && dec > context.periodEnd;
  },
});
