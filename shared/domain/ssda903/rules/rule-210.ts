// Domain: SSDA903 rule 210 — UN4 (newly looked after) only for a child in care under a week at 31 March.
// Catalogue fields: UPN DECOM (Header, Episodes).
import type { Rule } from '../model.ts';
import { rowRule } from './factories.ts';
import { episodesInOrder, fixedDay, periodBounds, periodsOfCare, tablePresent } from './support.ts';

export const rule210: Rule = rowRule({
  code: '210',
  description:
    'The UPN is given as UN4 (newly looked after, UPN not yet known), but on 31 March the child had been looked after for more than a week.',
  table: 'Header',
  tables: ['Header', 'Episodes'],
  fields: ['UPN', 'DECOM'],
  flagField: 'UPN',
  fails: (row, child, context) => {
    if ((row.values.UPN ?? '') !== 'UN4' || !tablePresent(context, 'Episodes')) return false;
    const periods = periodsOfCare(episodesInOrder(child));
    const latest = periods[periods.length - 1];
    if (latest === undefined) return false;
    const { start, end } = periodBounds(latest);
    const lookedAfterAtYearEnd = end === null || end > context.periodEnd;
    return lookedAfterAtYearEnd && start < fixedDay(context.collectionYear, 3, 24);
  },
});
