// Domain: SSDA903 rule 185 — an SDQ score only for a child looked after continuously for 12 months. Catalogue
// fields: SDQ_SCORE (Episodes, OC2).
import type { Rule } from '../model.ts';
import { rowRule } from './factories.ts';
import { continuouslyLookedAfter, tablePresent } from './support.ts';

export const rule185: Rule = rowRule({
  code: '185',
  description:
    'An SDQ score is given, but the episodes do not show the child looked after continuously for the 12 months to 31 March.',
  table: 'OC2',
  tables: ['OC2', 'Episodes'],
  fields: ['SDQ_SCORE'],
  flagField: 'SDQ_SCORE',
  fails: (row, child, context) =>
    tablePresent(context, 'Episodes') &&
    (row.values.SDQ_SCORE ?? '') !== '' &&
    !continuouslyLookedAfter(child, context),
});
