// Domain: SSDA903 rule 1014 — no UASC information for a care leaver with no episode this year. Catalogue
// fields: ACTIV ACCOM IN_TOUCH DUC (Episodes, UASC, OC3).
import type { Rule } from '../model.ts';
import { rowRule } from './factories.ts';
import { firstFilled, hasEpisodeInYear, OC3_FIELDS, rowsOf, tablePresent } from './support.ts';

export const rule1014: Rule = rowRule({
  code: '1014',
  description:
    'The young person has care leaver information and no episode this year, so UASC information is not required.',
  table: 'UASC',
  tables: ['UASC', 'OC3', 'Episodes'],
  fields: ['ACTIV', 'ACCOM', 'IN_TOUCH', 'DUC'],
  flagField: 'DUC',
  fails: (_row, child, context) =>
    tablePresent(context, 'Episodes') &&
    rowsOf(child, 'OC3').some((oc3) => firstFilled(oc3, OC3_FIELDS) !== undefined) &&
    !hasEpisodeInYear(child, context),
});
