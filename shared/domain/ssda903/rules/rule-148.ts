// Domain: SSDA903 rule 148 — DEC and REC go together. Catalogue fields: DEC REC (Episodes).
import type { Finding, Rule } from '../model.ts';
import { finding, NO_FINDINGS, rowsOf } from './support.ts';

/** Points at whichever of the pair is blank. */
export const rule148: Rule = {
  code: '148',
  description:
    'The date episode ceased and the reason episode ceased must both be completed, or both left blank.',
  tables: ['Episodes'],
  fields: ['DEC', 'REC'],
  check(child) {
    let findings: Finding[] | null = null;
    for (const row of rowsOf(child, 'Episodes')) {
      const hasDec = (row.values.DEC ?? '') !== '';
      const hasRec = (row.values.REC ?? '') !== '';
      if (hasDec === hasRec) continue;
      findings ??= [];
      findings.push(finding('148', child, row, hasDec ? 'REC' : 'DEC'));
    }
    return findings ?? NO_FINDINGS;
  },
};
