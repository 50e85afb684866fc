// Domain: SSDA903 rule 189 — no SDQ score or reason for a child 17 or over at the start of the year. Catalogue
// fields: DOB SDQ_SCORE SDQ_REASON (OC2).
import type { Rule } from '../model.ts';
import { rowRule } from './factories.ts';
import { addYears, dobFor, firstFilled } from './support.ts';

export const rule189: Rule = rowRule({
  code: '189',
  description:
    'The child was 17 or over on 1 April, so neither an SDQ score nor a reason for no score should be given.',
  table: 'OC2',
  fields: ['DOB', 'SDQ_SCORE', 'SDQ_REASON'],
  flagField: 'SDQ_SCORE',
  fails: (row, child, context) => {
    const dob = dobFor(child, row);
    return (
      dob !== null &&
      addYears(dob, 17) <= context.periodStart &&
      firstFilled(row, ['SDQ_SCORE', 'SDQ_REASON']) !== undefined
    );
  },
});
