// Domain: SSDA903 rule 114 — adopted by former foster carers flag. Catalogue fields: FOSTER_CARE (AD1).
import type { Rule } from '../model.ts';
import { FOSTER_CARE_CODES } from './code-lists.ts';
import { codeListRule } from './factories.ts';

export const rule114: Rule = codeListRule({
  code: '114',
  description: 'Whether the child was adopted by their former foster carer(s) must be 0 (no) or 1 (yes).',
  table: 'AD1',
  field: 'FOSTER_CARE',
  codes: FOSTER_CARE_CODES,
  required: false,
});
