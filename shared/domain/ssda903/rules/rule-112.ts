// Domain: SSDA903 rule 112 — date should be placed for adoption. Catalogue fields: DATE_INT (AD1).
import type { Rule } from '../model.ts';
import { validDateRule } from './factories.ts';

export const rule112: Rule = validDateRule({
  code: '112',
  description: 'The date the child should be placed for adoption is not a real date in dd/mm/yyyy form.',
  table: 'AD1',
  field: 'DATE_INT',
  required: false,
});
