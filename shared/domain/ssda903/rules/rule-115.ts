// Domain: SSDA903 rule 115 — date of decision to place for adoption. Catalogue fields: DATE_PLACED.
import type { Rule } from '../model.ts';
import { validDateRule } from './factories.ts';

export const rule115: Rule = validDateRule({
  code: '115',
  description:
    "The date of the council's decision that the child should be placed for adoption is not a real date.",
  table: 'PlacedAdoption',
  field: 'DATE_PLACED',
  required: false,
});
