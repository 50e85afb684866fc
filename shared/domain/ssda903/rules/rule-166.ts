// Domain: SSDA903 rule 166 — review date. Catalogue fields: REVIEW (Reviews).
import type { Rule } from '../model.ts';
import { validDateRule } from './factories.ts';

export const rule166: Rule = validDateRule({
  code: '166',
  description: 'The review date is blank or is not a real date in dd/mm/yyyy form.',
  table: 'Reviews',
  field: 'REVIEW',
  required: true,
});
