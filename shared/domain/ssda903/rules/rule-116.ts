// Domain: SSDA903 rule 116 — date the adoption decision was reversed. Catalogue fields: DATE_PLACED_CEASED.
import type { Rule } from '../model.ts';
import { validDateRule } from './factories.ts';

export const rule116: Rule = validDateRule({
  code: '116',
  description:
    "The date of the council's decision that the child should no longer be placed for adoption is not a real date.",
  table: 'PlacedAdoption',
  field: 'DATE_PLACED_CEASED',
  required: false,
});
