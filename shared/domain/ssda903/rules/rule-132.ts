// Domain: SSDA903 rule 132 — care leaver activity code. Catalogue fields: ACTIV (OC3).
import type { Rule } from '../model.ts';
import { ACTIV_CODES } from './code-lists.ts';
import { codeListRule } from './factories.ts';

export const rule132: Rule = codeListRule({
  code: '132',
  description:
    "The care leaver's main activity is not a valid code (F1, P1, F2, P2, F4, P4, F5, P5, G4, G5, G6 or 0).",
  table: 'OC3',
  field: 'ACTIV',
  codes: ACTIV_CODES,
  required: false,
});
