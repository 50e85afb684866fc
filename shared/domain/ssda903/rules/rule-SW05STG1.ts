// Domain: SSDA903 rule SW05STG1 — social worker episode end is a real date. Catalogue fields: SW_DEC.
import type { Rule } from '../model.ts';
import { validDateRule } from './factories.ts';

export const ruleSW05STG1: Rule = validDateRule({
  code: 'SW05STG1',
  description: 'The date the social worker episode ended is not a real date in dd/mm/yyyy form.',
  table: 'SWEpisodes',
  field: 'SW_DEC',
  required: false,
});
