// Domain: SSDA903 rule 190 — 12-month items only for children looked after for 12 months. Catalogue fields:
// CONVICTED HEALTH_CHECK IMMUNISATIONS TEETH_CHECK HEALTH_ASSESSMENT SUBSTANCE_MISUSE INTERVENTION_RECEIVED
// INTERVENTION_OFFERED (OC2, Episodes).
import type { Rule } from '../model.ts';
import { rowRule } from './factories.ts';
import { continuouslyLookedAfter, firstFilled, OC2_TWELVE_MONTH_FIELDS, tablePresent } from './support.ts';

export const rule190: Rule = rowRule({
  code: '190',
  description:
    'Items for children looked after for 12 months are completed, but the episodes do not show the child looked after continuously for the 12 months to 31 March.',
  table: 'OC2',
  tables: ['OC2', 'Episodes'],
  fields: OC2_TWELVE_MONTH_FIELDS,
  flagField: 'CONVICTED',
  fails: (row, child, context) =>
    tablePresent(context, 'Episodes') &&
    firstFilled(row, OC2_TWELVE_MONTH_FIELDS) !== undefined &&
    !continuouslyLookedAfter(child, context),
});
