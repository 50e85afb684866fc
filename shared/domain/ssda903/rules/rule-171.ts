// Domain: SSDA903 rule 171 — mother's child's date of birth is a real date. Catalogue fields: MC_DOB (Header).
import type { Rule } from '../model.ts';
import { validDateRule } from './factories.ts';

export const rule171: Rule = validDateRule({
  code: '171',
  description: "The date of birth of the mother's child is not a real date in dd/mm/yyyy form.",
  table: 'Header',
  field: 'MC_DOB',
  required: false,
});
