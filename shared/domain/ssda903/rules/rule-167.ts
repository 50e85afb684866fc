// Domain: SSDA903 rule 167 — review participation code. Catalogue fields: REVIEW_CODE (Reviews).
import type { Rule } from '../model.ts';
import { REVIEW_CODES } from './code-lists.ts';
import { codeListRule } from './factories.ts';

export const rule167: Rule = codeListRule({
  code: '167',
  description: "The child's participation in the review is blank or is not one of PN0 to PN7.",
  table: 'Reviews',
  field: 'REVIEW_CODE',
  codes: REVIEW_CODES,
  required: true,
});
