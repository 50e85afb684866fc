// Domain: SSDA903 rule 579 — a decision to place for adoption dated before the previous decision ceased.
// Catalogue fields: DATE_PLACED DATE_PLACED_CEASED (PlacedAdoption); last defined 2022/23. A previous decision
// with no date ceased at all is rule 583's finding.
import type { Finding, Rule } from '../model.ts';
import { consecutivePairs, daysOf, finding, rowsOf, sortedByDate } from './support.ts';

export const rule579: Rule = {
  code: '579',
  description:
    'Decisions to place for adoption overlap: a new decision is dated before the previous one ceased.',
  tables: ['PlacedAdoption'],
  fields: ['DATE_PLACED', 'DATE_PLACED_CEASED'],
  check(child) {
    const findings: Finding[] = [];
    for (const [earlier, later] of consecutivePairs(
      sortedByDate(rowsOf(child, 'PlacedAdoption'), 'DATE_PLACED'),
    )) {
      const ceased = daysOf(earlier.row).DATE_PLACED_CEASED ?? null;
      if (ceased !== null && later.day < ceased)
        findings.push(finding('579', child, later.row, 'DATE_PLACED'));
    }
    return findings;
  },
};
