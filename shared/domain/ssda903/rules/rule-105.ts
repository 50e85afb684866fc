// Domain: SSDA903 rule 105 — the UASC status on the Header. Catalogue fields: UASC (Header).
//
// Only the XML form has a UASC status on its HEADER (0 or 1, and the element must be there). The CSV tables
// record an unaccompanied asylum-seeking child by a row in the UASC table instead, so a CSV return carries no
// status that could be wrong in this way, and the rule has nothing to check in it.
import type { Rule } from '../model.ts';
import { rowRule } from './factories.ts';
import { carries } from './support.ts';

export const rule105: Rule = rowRule({
  code: '105',
  description:
    'The UASC status on the child’s header must be 1 (an unaccompanied asylum-seeking child, now or before) or 0 (not).',
  table: 'Header',
  fields: ['UASC'],
  flagField: 'UASC',
  fails: (row) => carries(row, 'UASC') && (row.values.UASC ?? '') !== '0' && (row.values.UASC ?? '') !== '1',
});
