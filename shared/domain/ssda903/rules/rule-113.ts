// Domain: SSDA903 rule 113 — date matched with adopters. Catalogue fields: DATE_MATCH (AD1).
import type { Rule } from '../model.ts';
import { validDateRule } from './factories.ts';

export const rule113: Rule = validDateRule({
  code: '113',
  description: 'The date the child was matched with adopter(s) is not a real date in dd/mm/yyyy form.',
  table: 'AD1',
  field: 'DATE_MATCH',
  required: false,
});
