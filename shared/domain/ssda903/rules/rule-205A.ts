// Domain: SSDA903 rule 205A — UASC last year, not this year, yet last year's date UASC ceased does not fall in
// last year. Catalogue fields: CHILD UASC (UASC, UASC_last, Header, Header_last); last defined 2022/23.
import type { Rule } from '../model.ts';
import { ducOf, uascDuring, uascFinding } from './last-year.ts';
import { collectionPeriod, previousRecordOf } from './support.ts';

export const rule205A: Rule = {
  code: '205A',
  description:
    'The child was an unaccompanied asylum-seeking child (UASC) last year and is not this year, so last year’s return should give the date UASC status ceased, within last year.',
  tables: ['Header', 'UASC'],
  previousTables: ['UASC'],
  fields: ['CHILD', 'DUC'],
  check(child, context) {
    const last = previousRecordOf(child, context);
    if (!last || uascDuring(child, context.collectionYear)) return [];
    const lastYear = context.collectionYear - 1;
    if (!uascDuring(last, lastYear)) return [];
    const ceased = ducOf(last)?.day ?? null;
    const { start, end } = collectionPeriod(lastYear);
    if (ceased !== null && ceased >= start && ceased <= end) return [];
    return uascFinding('205A', child, 'DUC');
  },
};
