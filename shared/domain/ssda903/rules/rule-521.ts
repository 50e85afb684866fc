// Domain: SSDA903 rule 521 — the decision that adoption is best comes before the placement for adoption.
// Catalogue fields: PLACE DECOM (Episodes), DATE_INT (AD1).
import type { Finding, Rule } from '../model.ts';
import { codeSet } from './code-sets.ts';
import { daysOf, finding, rowsOf } from './support.ts';

const PLACED_FOR_ADOPTION = codeSet('PLACE', ['A3', 'A4', 'A5', 'A6']);

export const rule521: Rule = {
  code: '521',
  description:
    'The child was placed for adoption (A3 to A6) before the date of the decision that adoption is in their best interests.',
  tables: ['Episodes', 'AD1'],
  fields: ['PLACE', 'DECOM', 'DATE_INT'],
  check(child) {
    const findings: Finding[] = [];
    for (const ad1 of rowsOf(child, 'AD1')) {
      const decided = daysOf(ad1).DATE_INT ?? null;
      if (decided === null) continue;
      const placedEarlier = rowsOf(child, 'Episodes').filter((row) => {
        const decom = daysOf(row).DECOM ?? null;
        return PLACED_FOR_ADOPTION.has(row.values.PLACE ?? '') && decom !== null && decom < decided;
      });
      if (placedEarlier.length === 0) continue;
      for (const row of placedEarlier) findings.push(finding('521', child, row, 'DECOM'));
      findings.push(finding('521', child, ad1, 'DATE_INT'));
    }
    return findings;
  },
};
