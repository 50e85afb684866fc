// Domain: SSDA903 rule 196 — reason for no SDQ. Catalogue fields: SDQ_REASON (OC2).
import type { Rule } from '../model.ts';
import { SDQ_REASON_CODES } from './code-lists.ts';
import { codeListRule } from './factories.ts';

export const rule196: Rule = codeListRule({
  code: '196',
  description:
    'The reason for no Strengths and Difficulties Questionnaire (SDQ) score is not one of SDQ1 to SDQ5.',
  table: 'OC2',
  field: 'SDQ_REASON',
  codes: SDQ_REASON_CODES,
  required: false,
});
