// Domain: SSDA903 rule 356 — episode ceasing before it began. Catalogue fields: DECOM DEC (Episodes).
import type { Rule } from '../model.ts';
import { rowRule } from './factories.ts';
import { dayOf } from './support.ts';

export const rule356: Rule = rowRule({
  code: '356',
  description: 'The date the episode ceased is before the date it began.',
  table: 'Episodes',
  fields: ['DECOM', 'DEC'],
  flagField: 'DEC',
  fails: (row) => {
    const decom = dayOf(row.values.DECOM);
    const dec = dayOf(row.values.DEC);
    return decom !== null && dec !== null && dec < decom;
  },
});
