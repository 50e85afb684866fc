// Domain: SSDA903 rule 355 — episode lasting under a day. Catalogue fields: DECOM DEC (Episodes).
import type { Rule } from '../model.ts';
import { rowRule } from './factories.ts';
import { dayOf } from './support.ts';

export const rule355: Rule = rowRule({
  code: '355',
  description: 'The episode began and ceased on the same day, so it lasted less than 24 hours.',
  table: 'Episodes',
  fields: ['DECOM', 'DEC'],
  flagField: 'DEC',
  fails: (row) => {
    const decom = dayOf(row.values.DECOM);
    return decom !== null && dayOf(row.values.DEC) === decom;
  },
});
