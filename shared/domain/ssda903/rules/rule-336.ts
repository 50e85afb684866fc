// Domain: SSDA903 rule 336 — placed for adoption with consent only straight from foster care or adoption.
// Catalogue fields: PLACE (Episodes). Applies to A3 and A4 (placed for adoption with consent); the child's first
// episode in the return has no known placement before it and is not checked.
import type { Finding, Rule } from '../model.ts';
import { codeSet } from './code-sets.ts';
import { whenSomeEpisode } from './factories.ts';
import { episodesInOrder, finding } from './support.ts';

const PLACED_WITH_CONSENT = codeSet('PLACE', ['A3', 'A4']);
const FOSTER_OR_ADOPTION = codeSet('PLACE', ['A3', 'A4', 'A5', 'A6', 'U1', 'U2', 'U3', 'U4', 'U5', 'U6']);

// Most children have no placement for adoption.
export const rule336: Rule = whenSomeEpisode(PLACED_WITH_CONSENT, {
  code: '336',
  description:
    'The child was placed for adoption (A3 or A4) straight from a placement that was neither foster care nor adoption.',
  tables: ['Episodes'],
  fields: ['PLACE'],
  check(child) {
    const findings: Finding[] = [];
    const episodes = episodesInOrder(child);
    for (let index = 1; index < episodes.length; index++) {
      const episode = episodes[index]!;
      if (!PLACED_WITH_CONSENT.has(episode.row.values.PLACE ?? '')) continue;
      if (!FOSTER_OR_ADOPTION.has(episodes[index - 1]!.row.values.PLACE ?? ''))
        findings.push(finding('336', child, episode.row, 'PLACE'));
    }
    return findings;
  },
});
