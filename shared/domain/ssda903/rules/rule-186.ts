// Domain: SSDA903 rule 186 — an SDQ score (or a reason for none) for children of SDQ age looked after for 12
// months. Catalogue fields: SDQ_SCORE (Episodes, OC2).
import type { Rule } from '../model.ts';
import { rowRule } from './factories.ts';
import { addYears, continuouslyLookedAfter, dobFor, tablePresent } from './support.ts';

export const rule186: Rule = rowRule({
  code: '186',
  description:
    'The child was 4 or over on 1 April, under 17 on 31 March and looked after for the whole year, but neither an SDQ score nor a reason for no score is given.',
  table: 'OC2',
  tables: ['OC2', 'Episodes'],
  fields: ['SDQ_SCORE', 'SDQ_REASON'],
  flagField: 'SDQ_SCORE',
  fails: (row, child, context) => {
    if (!tablePresent(context, 'Episodes')) return false;
    if ((row.values.SDQ_SCORE ?? '') !== '' || (row.values.SDQ_REASON ?? '') !== '') return false;
    const dob = dobFor(child, row);
    if (dob === null) return false;
    return (
      addYears(dob, 4) <= context.periodStart &&
      addYears(dob, 17) > context.periodEnd &&
      continuouslyLookedAfter(child, context)
    );
  },
});
