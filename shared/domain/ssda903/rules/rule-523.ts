// Domain: SSDA903 rule 523 — the two adoption decision dates agree. Catalogue fields: DATE_PLACED
// (PlacedAdoption), DATE_INT (AD1). Both record the decision that the child should be placed for adoption.
import type { Finding, Rule } from '../model.ts';
import { daysOf, finding, rowsOf } from './support.ts';

export const rule523: Rule = {
  code: '523',
  description:
    'The date of the decision that the child should be placed for adoption differs from the date that adoption was decided to be in their best interests.',
  tables: ['PlacedAdoption', 'AD1'],
  fields: ['DATE_PLACED', 'DATE_INT'],
  check(child) {
    const findings: Finding[] = [];
    for (const ad1 of rowsOf(child, 'AD1')) {
      const decided = daysOf(ad1).DATE_INT ?? null;
      if (decided === null) continue;
      for (const placed of rowsOf(child, 'PlacedAdoption')) {
        const placedDecision = daysOf(placed).DATE_PLACED ?? null;
        if (placedDecision === null || placedDecision === decided) continue;
        findings.push(finding('523', child, placed, 'DATE_PLACED'), finding('523', child, ad1, 'DATE_INT'));
      }
    }
    return findings;
  },
};
