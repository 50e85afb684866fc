// Domain: SSDA903 rule 198 — a reason for no SDQ score only for a child looked after for 12 months. Catalogue
// fields: SDQ_REASON (Episodes, OC2).
import type { Rule } from '../model.ts';
import { rowRule } from './factories.ts';
import { continuouslyLookedAfter, tablePresent } from './support.ts';

export const rule198: Rule = rowRule({
  code: '198',
  description:
    'A reason for no SDQ score is given, but the episodes do not show the child looked after continuously for the 12 months to 31 March.',
  table: 'OC2',
  tables: ['OC2', 'Episodes'],
  fields: ['SDQ_REASON'],
  flagField: 'SDQ_REASON',
  fails: (row, child, context) =>
    tablePresent(context, 'Episodes') &&
    (row.values.SDQ_REASON ?? '') !== '' &&
    !continuouslyLookedAfter(child, context),
});
