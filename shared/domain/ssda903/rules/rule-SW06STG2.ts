// Domain: SSDA903 rule SW06STG2 — social worker episode starting after the year. Catalogue fields: SW_DECOM.
import type { Rule } from '../model.ts';
import { rowRule } from './factories.ts';
import { daysOf } from './support.ts';

export const ruleSW06STG2: Rule = rowRule({
  code: 'SW06STG2',
  description: 'The social worker episode starts after the end of the collection year.',
  table: 'SWEpisodes',
  fields: ['SW_DECOM'],
  flagField: 'SW_DECOM',
  fails: (row, _child, context) => {
    const start = daysOf(row).SW_DECOM ?? null;
    return start !== null && start > context.periodEnd;
  },
});
