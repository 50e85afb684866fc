// Domain: SSDA903 rule 624 — date of birth of the mother's first child differs from last year's return.
// Catalogue fields: MC_DOB (Header, Header_last); last defined 2022/23.
import { parseUkDate } from '../../dates.ts';
import type { Rule } from '../model.ts';
import { lastYearHeader } from './last-year.ts';
import { finding, headerRow } from './support.ts';

export const rule624: Rule = {
  code: '624',
  description:
    'Date of birth of the mother’s first child is not the same as in last year’s return (or is now missing).',
  tables: ['Header'],
  previousTables: ['Header'],
  fields: ['MC_DOB'],
  check(child, context) {
    const header = headerRow(child);
    const last = lastYearHeader(child, context);
    if (!header || !last) return [];
    const before = last.values.MC_DOB ?? '';
    const now = header.values.MC_DOB ?? '';
    if (before === '') return [];
    const a = parseUkDate(now);
    const b = parseUkDate(before);
    const same = a !== null && b !== null ? a === b : now === before;
    return same ? [] : [finding('624', child, header, 'MC_DOB')];
  },
};
