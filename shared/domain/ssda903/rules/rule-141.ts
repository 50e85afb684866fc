// Domain: SSDA903 rule 141 — episode start date is a real date. Catalogue fields: DECOM (Episodes).
import type { Rule } from '../model.ts';
import { validDateRule } from './factories.ts';

export const rule141: Rule = validDateRule({
  code: '141',
  description: 'The date the episode began is missing or is not a real date in dd/mm/yyyy form.',
  table: 'Episodes',
  field: 'DECOM',
  required: true,
});
