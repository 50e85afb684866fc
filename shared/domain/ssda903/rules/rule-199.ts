// Domain: SSDA903 rule 199 — a child adopted from care does not come back into care in the same return.
// Catalogue fields: CHILD (Episodes). Only this year's episodes are read: an adoption in an earlier return is
// not known here.
import type { Finding, Rule } from '../model.ts';
import { codeSet } from './code-sets.ts';
import { whenSomeEpisode } from './factories.ts';
import { episodesInOrder, finding } from './support.ts';

const ADOPTED = codeSet('REC', ['E11', 'E12']);

// Only episodes after an adoption are flagged, and most children have none.
export const rule199: Rule = whenSomeEpisode(ADOPTED, {
  code: '199',
  description:
    'An episode starts after the child was adopted from care (reason ceased E11 or E12): check the child’s ID and episodes.',
  tables: ['Episodes'],
  fields: ['CHILD'],
  check(child) {
    const findings: Finding[] = [];
    let adopted = false;
    for (const episode of episodesInOrder(child)) {
      if (adopted) findings.push(finding('199', child, episode.row, 'CHILD'));
      if (ADOPTED.has(episode.row.values.REC ?? '')) adopted = true;
    }
    return findings;
  },
});
