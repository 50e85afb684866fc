// Domain: SSDA903 rule 131 — care leaver "in touch" code. Catalogue fields: IN_TOUCH (OC3).
import type { Rule } from '../model.ts';
import { IN_TOUCH_CODES } from './code-lists.ts';
import { codeListRule } from './factories.ts';

export const rule131: Rule = codeListRule({
  code: '131',
  description:
    'Whether the council is in touch with the care leaver is not a valid code (YES, NO, DIED, REFU, NREQ, RHOM).',
  table: 'OC3',
  field: 'IN_TOUCH',
  codes: IN_TOUCH_CODES,
  required: false,
});
