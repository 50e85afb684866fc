// Domain: SSDA903 rule 581 — missing before the child was looked after. Catalogue fields: MIS_START (Episodes,
// Missing).
import type { Rule } from '../model.ts';
import { rowRule } from './factories.ts';
import { daysOf, episodesInOrder, inCareOn, periodBounds, periodsOfCare, tablePresent } from './support.ts';

/**
 * The start must fall within a period of care. Starts after the child's final period of care ended are left
 * to rule 578, so one missing period gets one finding.
 */
export const rule581: Rule = rowRule({
  code: '581',
  description: 'The child is recorded as missing on a date when they had not yet started to be looked after.',
  table: 'Missing',
  tables: ['Missing', 'Episodes'],
  fields: ['MIS_START'],
  flagField: 'MIS_START',
  fails: (row, child, context) => {
    const start = daysOf(row).MIS_START ?? null;
    if (start === null || !tablePresent(context, 'Episodes')) return false;
    const episodes = episodesInOrder(child);
    if (inCareOn(episodes, start)) return false;
    const last = periodsOfCare(episodes).at(-1);
    const lastEnd = last ? periodBounds(last).end : null;
    return !(lastEnd !== null && start > lastEnd);
  },
});
