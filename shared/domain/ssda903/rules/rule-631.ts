// Domain: SSDA903 rule 631 — previous permanence option. Catalogue fields: PREV_PERM (PrevPerm).
import type { Rule } from '../model.ts';
import { PREV_PERM_CODES } from './code-lists.ts';
import { codeListRule } from './factories.ts';

export const rule631: Rule = codeListRule({
  code: '631',
  description: 'The previous permanence option is blank or is not one of P1, P2, P3, P4 or Z1.',
  table: 'PrevPerm',
  field: 'PREV_PERM',
  codes: PREV_PERM_CODES,
  required: true,
});
