// Domain: SSDA903 rule 356 — episode ceasing before it began. Catalogue fields: DECOM DEC (Episodes).
import type { Rule } from '../model.ts';
import { rowRule } from './factories.ts';
import { daysOf } from './support.ts';

export const rule356: Rule = rowRule({
  code: '356',
  description: 'The date the episode ceased is before the date it began.',
  table: 'Episodes',
  fields: ['DECOM', 'DEC'],
  flagField: 'DEC',
  fails: (row) => {
    const decom = daysOf(row).DECOM ?? null;
    const dec = daysOf(row).DEC ?? null;
    return decom !== null && dec !== null && dec < decom;
  },
});
