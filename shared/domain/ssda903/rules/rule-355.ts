// Domain: SSDA903 rule 355 — episode lasting under a day. Catalogue fields: DECOM DEC (Episodes).
import type { Rule } from '../model.ts';
import { rowRule } from './factories.ts';
import { daysOf } from './support.ts';

export const rule355: Rule = rowRule({
  code: '355',
  description: 'The episode began and ceased on the same day, so it lasted less than 24 hours.',
  table: 'Episodes',
  fields: ['DECOM', 'DEC'],
  flagField: 'DEC',
  fails: (row) => {
    const decom = daysOf(row).DECOM ?? null;
    return decom !== null && (daysOf(row).DEC ?? null) === decom;
  },
});
