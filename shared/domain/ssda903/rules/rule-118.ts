// Domain: SSDA903 rule 118 — a reversed adoption decision falls in the year and in the period of care.
// Catalogue fields: DATE_PLACED_CEASED DECOM LS (Episodes, PlacedAdoption).
import type { Rule } from '../model.ts';
import { rowRule } from './factories.ts';
import { daysOf, episodesInOrder, periodBounds, periodsOfCare } from './support.ts';

export const rule118: Rule = rowRule({
  code: '118',
  description:
    'The decision that the child should no longer be placed for adoption is dated before 1 April or before the child started to be looked after.',
  table: 'PlacedAdoption',
  tables: ['PlacedAdoption', 'Episodes'],
  fields: ['DATE_PLACED_CEASED', 'DECOM', 'LS'],
  flagField: 'DATE_PLACED_CEASED',
  fails: (row, child, context) => {
    const ceased = daysOf(row).DATE_PLACED_CEASED ?? null;
    if (ceased === null) return false;
    if (ceased < context.periodStart) return true;
    const periods = periodsOfCare(episodesInOrder(child));
    const latest = periods[periods.length - 1];
    return latest !== undefined && ceased < periodBounds(latest).start;
  },
});
