// Domain: SSDA903 rule 207 — a child recorded as a mother last year is no longer recorded as one. Catalogue
// fields: MOTHER (Episodes, Header, Header_last); last defined 2022/23.
import type { Rule } from '../model.ts';
import { lastYearHeader } from './last-year.ts';
import { finding, headerRow, rowsOf } from './support.ts';

export const rule207: Rule = {
  code: '207',
  description:
    'Last year’s return recorded this child as a mother; this year, still looked after, she is not recorded as one.',
  tables: ['Header', 'Episodes'],
  previousTables: ['Header'],
  fields: ['MOTHER'],
  check(child, context) {
    const header = headerRow(child);
    const last = lastYearHeader(child, context);
    if (!header || !last || rowsOf(child, 'Episodes').length === 0) return [];
    if ((last.values.MOTHER ?? '') !== '1' || (header.values.MOTHER ?? '') === '1') return [];
    return [finding('207', child, header, 'MOTHER')];
  },
};
