// Domain: SSDA903 rule 584 — last year's decision to place for adoption ceased, but this year's decision is not
// a later one. Catalogue fields: DATE_PLACED (PlacedAdoption, PlacedAdoption_last); last defined 2022/23.
import type { Rule } from '../model.ts';
import { decisionCeased, latestPlacedDecision } from './last-year.ts';
import { daysOf, finding, previousRecordOf } from './support.ts';

export const rule584: Rule = {
  code: '584',
  description:
    'Last year’s decision to place for adoption ceased, so a decision recorded this year must be a new one, dated after it.',
  tables: ['PlacedAdoption'],
  previousTables: ['PlacedAdoption'],
  fields: ['DATE_PLACED'],
  check(child, context) {
    const last = previousRecordOf(child, context);
    const before = last ? latestPlacedDecision(last) : undefined;
    const now = latestPlacedDecision(child);
    const beforeDate = before ? (daysOf(before).DATE_PLACED ?? null) : null;
    if (!before || !now || beforeDate === null || !decisionCeased(before)) return [];
    const nowDate = daysOf(now).DATE_PLACED ?? null;
    return nowDate === null || nowDate <= beforeDate ? [finding('584', child, now, 'DATE_PLACED')] : [];
  },
};
