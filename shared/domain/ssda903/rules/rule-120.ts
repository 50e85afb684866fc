// Domain: SSDA903 rule 120 — reason the adoption decision was reversed. Catalogue fields: REASON_PLACED_CEASED.
import type { Rule } from '../model.ts';
import { REASON_PLACED_CEASED_CODES } from './code-lists.ts';
import { codeListRule } from './factories.ts';

export const rule120: Rule = codeListRule({
  code: '120',
  description: 'The reason the child should no longer be placed for adoption is not one of RD1 to RD4.',
  table: 'PlacedAdoption',
  field: 'REASON_PLACED_CEASED',
  codes: REASON_PLACED_CEASED_CODES,
  required: false,
});
