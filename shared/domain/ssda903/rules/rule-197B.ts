// Domain: SSDA903 rule 197B — a child turning 4 or 17 in the year, looked after for 12 months, needs an SDQ
// score or a reason for none. Catalogue fields: SDQ_REASON DOB (OC2, Episodes).
import type { Rule } from '../model.ts';
import { rowRule } from './factories.ts';
import { addYears, continuouslyLookedAfter, dobFor, tablePresent } from './support.ts';

export const rule197B: Rule = rowRule({
  code: '197B',
  description:
    'The child turned 4 or 17 during the year and was looked after for the whole year, but neither an SDQ score nor a reason for no score is given.',
  table: 'OC2',
  tables: ['OC2', 'Episodes'],
  fields: ['SDQ_REASON', 'DOB'],
  flagField: 'SDQ_REASON',
  fails: (row, child, context) => {
    if (!tablePresent(context, 'Episodes')) return false;
    if ((row.values.SDQ_SCORE ?? '') !== '' || (row.values.SDQ_REASON ?? '') !== '') return false;
    const dob = dobFor(child, row);
    if (dob === null) return false;
    const turnsInYear = (years: number) => {
      const birthday = addYears(dob, years);
      return birthday >= context.periodStart && birthday <= context.periodEnd;
    };
    return (turnsInYear(4) || turnsInYear(17)) && continuouslyLookedAfter(child, context);
  },
});
