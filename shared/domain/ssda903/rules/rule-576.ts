// Domain: SSDA903 rule 576 — a missing or away-from-placement period open at the end of last year is not the
// first period this year. Catalogue fields: CHILD (Missing, Missing_last); last defined 2022/23.
import type { Rule } from '../model.ts';
import { finding, previousRecordOf, rowsOf, sortedByDate } from './support.ts';

export const rule576: Rule = {
  code: '576',
  description:
    'Last year’s return ended with the child missing or away from placement (no end date); this year’s first such period should be that one, with the same start date.',
  tables: ['Missing'],
  previousTables: ['Missing'],
  fields: ['MIS_START'],
  check(child, context) {
    const last = previousRecordOf(child, context);
    if (!last) return [];
    const open = rowsOf(last, 'Missing').filter((row) => (row.values.MIS_END ?? '') === '');
    const rows = rowsOf(child, 'Missing');
    if (open.length === 0 || rows.length === 0) return [];
    const first = sortedByDate(rows, 'MIS_START')[0]?.row ?? rows[0]!;
    if (open.some((row) => (row.values.MIS_START ?? '') === (first.values.MIS_START ?? ''))) return [];
    return [finding('576', child, first, 'MIS_START')];
  },
};
