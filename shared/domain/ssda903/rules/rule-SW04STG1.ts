// Domain: SSDA903 rule SW04STG1 — social worker episode start is a real date. Catalogue fields: SW_DECOM.
import type { Rule } from '../model.ts';
import { validDateRule } from './factories.ts';

export const ruleSW04STG1: Rule = validDateRule({
  code: 'SW04STG1',
  description: 'The date the social worker episode began is not a real date in dd/mm/yyyy form.',
  table: 'SWEpisodes',
  field: 'SW_DECOM',
  required: false,
});
