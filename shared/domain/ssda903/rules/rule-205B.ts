// Domain: SSDA903 rule 205B — UASC in both years, but the date UASC ceased differs between the two returns.
// Catalogue fields: DUC UASC (UASC, UASC_last, Header, Header_last); last defined 2022/23.
import type { Rule } from '../model.ts';
import { ducOf, uascDuring, uascFinding } from './last-year.ts';
import { previousRecordOf } from './support.ts';

export const rule205B: Rule = {
  code: '205B',
  description:
    'The child was UASC last year and still is this year, but the date UASC status ceased is not the one last year’s return gave.',
  tables: ['UASC'],
  previousTables: ['UASC'],
  fields: ['DUC'],
  check(child, context) {
    const last = previousRecordOf(child, context);
    if (!last || !uascDuring(child, context.collectionYear) || !uascDuring(last, context.collectionYear - 1))
      return [];
    const before = ducOf(last);
    if (before === null) return [];
    const now = ducOf(child);
    const same =
      now !== null &&
      (now.day !== null && before.day !== null ? now.day === before.day : now.text === before.text);
    return same ? [] : uascFinding('205B', child, 'DUC');
  },
};
