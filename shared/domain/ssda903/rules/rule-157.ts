// Domain: SSDA903 rule 157 — SDQ1 ("outside the SDQ ages") is not a reason for a child within them. Catalogue
// fields: SDQ_REASON DOB (OC2, Episodes).
import type { Rule } from '../model.ts';
import { rowRule } from './factories.ts';
import { addYears, continuouslyLookedAfter, dobFor, tablePresent } from './support.ts';

export const rule157: Rule = rowRule({
  code: '157',
  description:
    'The reason for no SDQ score is SDQ1 (outside the ages for the questionnaire), but the child was 4 or over on 1 April and 16 or under on 31 March.',
  table: 'OC2',
  tables: ['OC2', 'Episodes'],
  fields: ['SDQ_REASON', 'DOB'],
  flagField: 'SDQ_REASON',
  fails: (row, child, context) => {
    if (!tablePresent(context, 'Episodes')) return false;
    if ((row.values.SDQ_REASON ?? '') !== 'SDQ1' || (row.values.SDQ_SCORE ?? '') !== '') return false;
    const dob = dobFor(child, row);
    return (
      dob !== null &&
      addYears(dob, 4) <= context.periodStart &&
      addYears(dob, 17) > context.periodEnd &&
      continuouslyLookedAfter(child, context)
    );
  },
});
