// Domain: SSDA903 rule 188 — no SDQ score or reason for a child under 4 at the end of the year. Catalogue
// fields: SDQ_SCORE SDQ_REASON (OC2).
import type { Rule } from '../model.ts';
import { rowRule } from './factories.ts';
import { addYears, dobFor, firstFilled } from './support.ts';

export const rule188: Rule = rowRule({
  code: '188',
  description:
    'The child is under 4 on 31 March, so neither an SDQ score nor a reason for no score should be given.',
  table: 'OC2',
  fields: ['SDQ_SCORE', 'SDQ_REASON'],
  flagField: 'SDQ_SCORE',
  fails: (row, child, context) => {
    const dob = dobFor(child, row);
    return (
      dob !== null &&
      addYears(dob, 4) > context.periodEnd &&
      firstFilled(row, ['SDQ_SCORE', 'SDQ_REASON']) !== undefined
    );
  },
});
