// Domain: SSDA903 rule 578 — missing after the child ceased to be looked after. Catalogue fields: MIS_START
// (Episodes, Missing).
import type { Rule } from '../model.ts';
import { rowRule } from './factories.ts';
import { daysOf, episodesInOrder, periodBounds, periodsOfCare } from './support.ts';

export const rule578: Rule = rowRule({
  code: '578',
  description: 'The missing period starts after the child ceased to be looked after.',
  table: 'Missing',
  tables: ['Missing', 'Episodes'],
  fields: ['MIS_START'],
  flagField: 'MIS_START',
  fails: (row, child) => {
    const start = daysOf(row).MIS_START ?? null;
    const last = periodsOfCare(episodesInOrder(child)).at(-1);
    if (start === null || !last) return false;
    const { end } = periodBounds(last);
    return end !== null && start > end;
  },
});
