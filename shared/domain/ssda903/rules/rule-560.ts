// Domain: SSDA903 rule 560 — the decision to place for adoption still stood at the end of last year, but this
// year gives it another date. Catalogue fields: DATE_PLACED DATE_PLACED_CEASED (PlacedAdoption,
// PlacedAdoption_last); last defined 2022/23.
import type { Rule } from '../model.ts';
import { decisionCeased, latestPlacedDecision } from './last-year.ts';
import { finding, previousRecordOf } from './support.ts';

export const rule560: Rule = {
  code: '560',
  description:
    'Last year’s decision to place for adoption had not changed by the end of the year, so this year should give the same date of decision.',
  tables: ['PlacedAdoption'],
  previousTables: ['PlacedAdoption'],
  fields: ['DATE_PLACED', 'DATE_PLACED_CEASED'],
  check(child, context) {
    const last = previousRecordOf(child, context);
    const before = last ? latestPlacedDecision(last) : undefined;
    const now = latestPlacedDecision(child);
    if (!before || !now || (before.values.DATE_PLACED ?? '') === '' || decisionCeased(before)) return [];
    if ((now.values.DATE_PLACED ?? '') === (before.values.DATE_PLACED ?? '')) return [];
    return [finding('560', child, now, 'DATE_PLACED')];
  },
};
