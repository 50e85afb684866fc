// Domain: SSDA903 rule 626 — a child recorded as a mother this year with a first child born before the year,
// though last year's return said she was not a mother. Catalogue fields: MOTHER MC_DOB (Header, Header_last);
// last defined 2022/23.
import type { Rule } from '../model.ts';
import { lastYearHeader } from './last-year.ts';
import { daysOf, finding, headerRow } from './support.ts';

export const rule626: Rule = {
  code: '626',
  description:
    'The child is recorded as a mother with a first child born before this year began, but last year’s return said she was not a mother.',
  tables: ['Header'],
  previousTables: ['Header'],
  fields: ['MOTHER', 'MC_DOB'],
  check(child, context) {
    const header = headerRow(child);
    const last = lastYearHeader(child, context);
    if (!header || !last) return [];
    const born = daysOf(header).MC_DOB ?? null;
    if ((header.values.MOTHER ?? '') !== '1' || (last.values.MOTHER ?? '') !== '0') return [];
    if (born === null || born >= context.periodStart) return [];
    return [finding('626', child, header, 'MC_DOB')];
  },
};
