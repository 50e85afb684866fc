// Domain: SSDA903 rule 119 — a reversed adoption decision needs its date and reason. Catalogue fields:
// REASON_PLACED_CEASED DATE_PLACED_CEASED (PlacedAdoption).
import type { Finding, Rule } from '../model.ts';
import { finding, rowsOf } from './support.ts';

export const rule119: Rule = {
  code: '119',
  description:
    'If the decision to place for adoption was reversed, both the date of that decision and the reason must be completed.',
  tables: ['PlacedAdoption'],
  fields: ['REASON_PLACED_CEASED', 'DATE_PLACED_CEASED'],
  check(child) {
    const findings: Finding[] = [];
    for (const row of rowsOf(child, 'PlacedAdoption')) {
      const hasDate = (row.values.DATE_PLACED_CEASED ?? '') !== '';
      const hasReason = (row.values.REASON_PLACED_CEASED ?? '') !== '';
      if (hasDate && !hasReason) findings.push(finding('119', child, row, 'REASON_PLACED_CEASED'));
      if (!hasDate && hasReason) findings.push(finding('119', child, row, 'DATE_PLACED_CEASED'));
    }
    return findings;
  },
};
