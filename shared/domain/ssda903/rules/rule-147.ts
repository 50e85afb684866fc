// Domain: SSDA903 rule 147 — episode end date is a real date. Catalogue fields: DEC (Episodes).
import type { Rule } from '../model.ts';
import { validDateRule } from './factories.ts';

export const rule147: Rule = validDateRule({
  code: '147',
  description: 'The date the episode ceased is not a real date in dd/mm/yyyy form.',
  table: 'Episodes',
  field: 'DEC',
  required: false,
});
