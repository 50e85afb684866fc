// Domain: SSDA903 rule 561 — this year repeats the date of a decision to place for adoption that last year's
// return said had ceased. Catalogue fields: DATE_PLACED (PlacedAdoption, PlacedAdoption_last); last defined
// 2022/23.
import type { Rule } from '../model.ts';
import { decisionCeased, latestPlacedDecision } from './last-year.ts';
import { finding, previousRecordOf } from './support.ts';

export const rule561: Rule = {
  code: '561',
  description:
    'The date of the decision to place for adoption is the one recorded last year, but last year’s return said that decision had ceased: a new decision needs its own date.',
  tables: ['PlacedAdoption'],
  previousTables: ['PlacedAdoption'],
  fields: ['DATE_PLACED'],
  check(child, context) {
    const last = previousRecordOf(child, context);
    const before = last ? latestPlacedDecision(last) : undefined;
    const now = latestPlacedDecision(child);
    if (!before || !now || !decisionCeased(before)) return [];
    const date = now.values.DATE_PLACED ?? '';
    return date !== '' && date === (before.values.DATE_PLACED ?? '')
      ? [finding('561', child, now, 'DATE_PLACED')]
      : [];
  },
};
