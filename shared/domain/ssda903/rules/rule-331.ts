// Domain: SSDA903 rule 331 — matched with adopters on or before being placed for adoption. Catalogue fields:
// DATE_MATCH (AD1), DECOM REC (Episodes). The placement for adoption is the episode that ended in adoption.
import type { Finding, Rule } from '../model.ts';
import { codeSet } from './code-sets.ts';
import { daysOf, finding, rowsOf } from './support.ts';

const ADOPTED = codeSet('REC', ['E11', 'E12']);

export const rule331: Rule = {
  code: '331',
  description:
    'The date the child was matched with adopters is after the start of the placement that ended in adoption.',
  tables: ['AD1', 'Episodes'],
  fields: ['DATE_MATCH', 'DECOM', 'REC'],
  check(child) {
    const findings: Finding[] = [];
    for (const ad1 of rowsOf(child, 'AD1')) {
      const matched = daysOf(ad1).DATE_MATCH ?? null;
      if (matched === null) continue;
      const placedLater = rowsOf(child, 'Episodes').filter((row) => {
        const decom = daysOf(row).DECOM ?? null;
        return ADOPTED.has(row.values.REC ?? '') && decom !== null && matched > decom;
      });
      if (placedLater.length === 0) continue;
      findings.push(finding('331', child, ad1, 'DATE_MATCH'));
      for (const row of placedLater) findings.push(finding('331', child, row, 'DECOM'));
    }
    return findings;
  },
};
