// Domain: SSDA903 rule 706 — a deprivation of liberty order open at the end of last year is not recorded this
// year. Catalogue fields: DOLO_START (DoLo, DoLo_last); last defined 2026/27.
import type { Finding, Rule } from '../model.ts';
import { finding, headerRow, previousRowsOf, rowsOf } from './support.ts';

export const rule706: Rule = {
  code: '706',
  description:
    'Last year’s return has a deprivation of liberty order with no end date, but this year’s return has no order starting on that day.',
  tables: ['Header', 'DoLo'],
  previousTables: ['DoLo'],
  fields: ['DOLO_START'],
  check(child, context) {
    const starts = new Set(rowsOf(child, 'DoLo').map((row) => row.values.DOLO_START ?? ''));
    const unmatched = previousRowsOf(child, context, 'DoLo').filter(
      (row) => (row.values.DOLO_END ?? '') === '' && !starts.has(row.values.DOLO_START ?? ''),
    );
    if (unmatched.length === 0) return [];
    // Point at this year's first order, or at the child's Header row when this year has none.
    const here = rowsOf(child, 'DoLo')[0];
    if (here) return [finding('706', child, here, 'DOLO_START')];
    const header = headerRow(child);
    const findings: Finding[] = header ? [finding('706', child, header, 'CHILD')] : [];
    return findings;
  },
};
