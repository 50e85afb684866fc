// Domain: SSDA903 rule 205C — not UASC in either year, yet a date UASC ceased is given. Catalogue fields: DUC
// UASC (UASC, UASC_last, Header, Header_last); last defined 2022/23.
import type { Rule } from '../model.ts';
import { uascDuring } from './last-year.ts';
import { finding, previousRecordOf, rowsOf } from './support.ts';

export const rule205C: Rule = {
  code: '205C',
  description:
    'The child was not UASC at any time this year or last year (status ceased before then), so the UASC table should not list them with a date UASC ceased.',
  tables: ['UASC'],
  previousTables: ['UASC'],
  fields: ['DUC'],
  check(child, context) {
    const last = previousRecordOf(child, context);
    if (!last) return [];
    if (uascDuring(child, context.collectionYear) || uascDuring(last, context.collectionYear - 1)) return [];
    return rowsOf(child, 'UASC')
      .filter((row) => (row.values.DUC ?? '') !== '')
      .map((row) => finding('205C', child, row, 'DUC'));
  },
};
