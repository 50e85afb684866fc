// Domain: SSDA903 rule 611 — a mother without her child's date of birth. Catalogue fields: MOTHER MC_DOB (Header).
import type { Rule } from '../model.ts';
import { rowRule } from './factories.ts';
export const rule611: Rule = rowRule({
  code: '611',
  description: 'The child is recorded as a mother but the date of birth of her child is blank.',
  table: 'Header',
  fields: ['MOTHER', 'MC_DOB'],
  flagField: 'MC_DOB',
  fails: (row) => (row.values.MOTHER ?? '') === '1' && (row.values.MC_DOB ?? '') === '',
});
