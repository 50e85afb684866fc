// Domain: SSDA903 rule 1003 — the decision to place for adoption is not before care began. Catalogue fields:
// DATE_PLACED DECOM RNE (Episodes, PlacedAdoption).
import type { Rule } from '../model.ts';
import { rowRule } from './factories.ts';
import { daysOf, episodesInOrder, periodBounds, periodsOfCare } from './support.ts';

export const rule1003: Rule = rowRule({
  code: '1003',
  description:
    'The date of the decision that the child should be placed for adoption is before the child started to be looked after (the start of the latest period of care).',
  table: 'PlacedAdoption',
  tables: ['PlacedAdoption', 'Episodes'],
  fields: ['DATE_PLACED', 'DECOM', 'RNE'],
  flagField: 'DATE_PLACED',
  fails: (row, child) => {
    const placed = daysOf(row).DATE_PLACED ?? null;
    const periods = periodsOfCare(episodesInOrder(child));
    const latest = periods[periods.length - 1];
    return placed !== null && latest !== undefined && placed < periodBounds(latest).start;
  },
});
