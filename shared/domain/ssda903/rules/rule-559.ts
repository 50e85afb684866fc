// Domain: SSDA903 rule 559 — a decision to place for adoption made before this year that last year's return
// does not record. Catalogue fields: DATE_PLACED (PlacedAdoption, PlacedAdoption_last); last defined 2022/23.
import type { Finding, Rule } from '../model.ts';
import { daysOf, finding, previousRowsOf, rowsOf } from './support.ts';

export const rule559: Rule = {
  code: '559',
  description:
    'The decision to place for adoption was made before this year began, but last year’s return does not give a date of that decision.',
  tables: ['PlacedAdoption'],
  previousTables: ['PlacedAdoption'],
  fields: ['DATE_PLACED'],
  check(child, context) {
    if (previousRowsOf(child, context, 'PlacedAdoption').some((row) => (row.values.DATE_PLACED ?? '') !== ''))
      return [];
    const findings: Finding[] = [];
    for (const row of rowsOf(child, 'PlacedAdoption')) {
      const placed = daysOf(row).DATE_PLACED ?? null;
      if (placed !== null && placed < context.periodStart)
        findings.push(finding('559', child, row, 'DATE_PLACED'));
    }
    return findings;
  },
};
