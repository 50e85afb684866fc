// Domain: SSDA903 rule 133 — care leaver accommodation code. Catalogue fields: ACCOM (OC3).
import type { Rule } from '../model.ts';
import { ACCOM_CODES } from './code-lists.ts';
import { codeListRule } from './factories.ts';

export const rule133: Rule = codeListRule({
  code: '133',
  description:
    "The care leaver's accommodation is not a valid code (a letter B–Z with 1 for suitable or 2 for not suitable, or 0).",
  table: 'OC3',
  field: 'ACCOM',
  codes: ACCOM_CODES,
  required: false,
});
