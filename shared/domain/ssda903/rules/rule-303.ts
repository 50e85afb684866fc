// Domain: SSDA903 rule 303 — a date UASC status ceased needs UASC status 1. Catalogue fields: DUC UASC (UASC,
// Header).
//
// Only the XML form has a UASC status on its HEADER; the XML reader puts the HEADER's DUC on the child's UASC row.
// In a CSV return a row in the UASC table is itself the status, so the rule has nothing to check there. A blank
// status is rule 105's finding, not a second one here.
import type { Rule } from '../model.ts';
import { rowRule } from './factories.ts';
import { carries, rowsOf } from './support.ts';

export const rule303: Rule = rowRule({
  code: '303',
  description:
    'A date the child stopped being an unaccompanied asylum-seeking child is given, so the UASC status on the header must be 1.',
  table: 'Header',
  tables: ['Header', 'UASC'],
  fields: ['UASC', 'DUC'],
  flagField: 'UASC',
  fails: (row, child) =>
    carries(row, 'UASC') &&
    (row.values.UASC ?? '') !== '1' &&
    (row.values.UASC ?? '') !== '' &&
    rowsOf(child, 'UASC').some((uasc) => (uasc.values.DUC ?? '') !== ''),
});
