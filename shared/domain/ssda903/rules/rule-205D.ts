// Domain: SSDA903 rule 205D — UASC this year, but last year's return held the child without UASC status.
// Catalogue fields: UASC CHILD (UASC, UASC_last, Header, Header_last); last defined 2022/23.
import type { Rule } from '../model.ts';
import { lastYearHeader, uascDuring, uascFinding } from './last-year.ts';
import { previousRecordOf } from './support.ts';

export const rule205D: Rule = {
  code: '205D',
  description:
    'The child is recorded as UASC this year, but last year’s return held the same child without UASC status.',
  tables: ['Header', 'UASC'],
  previousTables: ['Header', 'UASC'],
  fields: ['CHILD'],
  check(child, context) {
    const last = previousRecordOf(child, context);
    if (!last || !lastYearHeader(child, context)) return [];
    if (!uascDuring(child, context.collectionYear) || uascDuring(last, context.collectionYear - 1)) return [];
    return uascFinding('205D', child, 'CHILD');
  },
};
