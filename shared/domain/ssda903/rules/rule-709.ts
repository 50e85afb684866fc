// Domain: SSDA903 rule 709 — a child under a deprivation of liberty order placed other than in a children's home
// (K2) or an other placement Z12/Z13. Catalogue fields: DOLO_START PLACEMENT (DoLo, Episodes); last defined
// 2026/27.
import type { Finding, Rule } from '../model.ts';
import { codeSet } from './code-sets.ts';
import { ordersWithEpisodes } from './dolo-placements.ts';
import { finding } from './support.ts';

const EXPECTED_PLACEMENTS = codeSet('PLACE', ['K2', 'Z12', 'Z13']);

export const rule709: Rule = {
  code: '709',
  description:
    'While the deprivation of liberty order lasted, the child was in a placement other than a children’s home (K2) or Z12/Z13.',
  tables: ['DoLo', 'Episodes'],
  fields: ['DOLO_START', 'PLACE'],
  check(child) {
    const findings: Finding[] = [];
    for (const { order, episodes } of ordersWithEpisodes(child)) {
      if (episodes.some((episode) => !EXPECTED_PLACEMENTS.has(episode.row.values.PLACE ?? '')))
        findings.push(finding('709', child, order, 'DOLO_START'));
    }
    return findings;
  },
};
