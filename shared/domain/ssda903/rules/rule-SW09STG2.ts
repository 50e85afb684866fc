// Domain: SSDA903 rule SW09STG2 — social worker episode under a day. Catalogue fields: SW_DECOM SW_DEC.
import type { Rule } from '../model.ts';
import { rowRule } from './factories.ts';
import { daysOf } from './support.ts';

export const ruleSW09STG2: Rule = rowRule({
  code: 'SW09STG2',
  description: 'The social worker episode began and ended on the same day, so it lasted less than 24 hours.',
  table: 'SWEpisodes',
  fields: ['SW_DECOM', 'SW_DEC'],
  flagField: 'SW_DEC',
  fails: (row) => {
    const start = daysOf(row).SW_DECOM ?? null;
    return start !== null && (daysOf(row).SW_DEC ?? null) === start;
  },
});
