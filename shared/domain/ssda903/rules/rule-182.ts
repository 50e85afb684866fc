// Domain: SSDA903 rule 182 — the core 12-month items are all completed, or OC2 is left blank. Catalogue fields:
// IMMUNISATIONS TEETH_CHECK HEALTH_ASSESSMENT SUBSTANCE_MISUSE and the other 12-month items (OC2).
import type { Rule } from '../model.ts';
import { rowRule } from './factories.ts';
import { firstFilled, OC2_TWELVE_MONTH_FIELDS, val } from './support.ts';

const CORE = ['IMMUNISATIONS', 'TEETH_CHECK', 'HEALTH_ASSESSMENT', 'SUBSTANCE_MISUSE'];

export const rule182: Rule = rowRule({
  code: '182',
  description:
    'Some 12-month items are completed but immunisations, teeth check, health assessment or substance misuse is blank: complete all four, or leave every 12-month item blank.',
  table: 'OC2',
  fields: OC2_TWELVE_MONTH_FIELDS,
  flagField: 'IMMUNISATIONS',
  fails: (row) =>
    firstFilled(row, OC2_TWELVE_MONTH_FIELDS) !== undefined && CORE.some((field) => val(row, field) === ''),
});
