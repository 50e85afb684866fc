// Domain: SSDA903 rule 208 — UPN differs from last year's return. Catalogue fields: UPN (Header, Header_last);
// last defined 2022/23. A UPN may move from "not known" to a reason (UN1 → UN2–UN5) or to a real number.
import type { Rule } from '../model.ts';
import { lastYearHeader } from './last-year.ts';
import { finding, headerRow } from './support.ts';

const UNKNOWN_REASONS = ['UN2', 'UN3', 'UN4', 'UN5'];
const UNKNOWN = ['UN1', ...UNKNOWN_REASONS];

/** True when going from `last` to `now` is filling in what was not known, not a contradiction. */
function learnedMore(now: string, last: string): boolean {
  const lastUnknown = last === '' || UNKNOWN.includes(last);
  if (lastUnknown && now !== '' && !UNKNOWN.includes(now)) return true; // a real UPN found
  if ((last === '' || last === 'UN1') && UNKNOWN_REASONS.includes(now)) return true;
  return last === '' && now === 'UN1';
}

export const rule208: Rule = {
  code: '208',
  description:
    'UPN is not the same as in last year’s return for this child (moving from "not known" to a UPN, or from UN1 to a reason UN2–UN5, is fine).',
  tables: ['Header'],
  previousTables: ['Header'],
  fields: ['UPN'],
  check(child, context) {
    const header = headerRow(child);
    const lastHeader = lastYearHeader(child, context);
    if (!header || !lastHeader) return [];
    const now = (header.values.UPN ?? '').toUpperCase();
    const last = (lastHeader.values.UPN ?? '').toUpperCase();
    if (now === last || learnedMore(now, last)) return [];
    return [finding('208', child, header, 'UPN')];
  },
};
