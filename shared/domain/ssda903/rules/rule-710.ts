// Domain: SSDA903 rule 710 — a child under a deprivation of liberty order cannot be in a secure children's home,
// with parents, in a young offender institution or in supported accommodation. Catalogue fields: DOLO_START
// PLACEMENT (DoLo, Episodes); last defined 2026/27.
import type { Finding, Rule } from '../model.ts';
import { codeSet } from './code-sets.ts';
import { ordersWithEpisodes } from './dolo-placements.ts';
import { finding } from './support.ts';

/** Secure children's home (K1), placed with parents (P1), young offender institution (R5), supported accommodation (K3). */
const EXCLUDED_PLACEMENTS = codeSet('PLACE', ['K1', 'P1', 'R5', 'K3']);

export const rule710: Rule = {
  code: '710',
  description:
    'While the deprivation of liberty order lasted, the child was in a secure children’s home, with parents, in custody or in supported accommodation.',
  tables: ['DoLo', 'Episodes'],
  fields: ['DOLO_START', 'PLACE'],
  check(child) {
    const findings: Finding[] = [];
    for (const { order, episodes } of ordersWithEpisodes(child)) {
      if (episodes.some((episode) => EXCLUDED_PLACEMENTS.has(episode.row.values.PLACE ?? '')))
        findings.push(finding('710', child, order, 'DOLO_START'));
    }
    return findings;
  },
};
