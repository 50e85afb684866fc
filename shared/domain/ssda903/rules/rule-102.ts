// Domain: SSDA903 rule 102 — date of birth is a real date. Catalogue fields: DOB (Header).
import type { Rule } from '../model.ts';
import { validDateRule } from './factories.ts';

export const rule102: Rule = validDateRule({
  code: '102',
  description: 'Date of birth is missing or is not a real date in dd/mm/yyyy form.',
  table: 'Header',
  field: 'DOB',
  required: true,
});
