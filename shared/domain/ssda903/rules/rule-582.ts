// Domain: SSDA903 rule 582 — adopted on the same day as matched with the adopters. Catalogue fields: DEC
// DATE_MATCH (Episodes, AD1); last defined 2022/23.
import type { Finding, Rule } from '../model.ts';
import { daysOf, episodesInOrder, finding, rowsOf } from './support.ts';

export const rule582: Rule = {
  code: '582',
  description:
    'The child was adopted on the same day as they were matched with the adopters; the match usually comes first.',
  tables: ['Episodes', 'AD1'],
  fields: ['DEC', 'DATE_MATCH'],
  check(child) {
    const matched = new Set(
      rowsOf(child, 'AD1')
        .map((row) => daysOf(row).DATE_MATCH ?? null)
        .filter((day) => day !== null),
    );
    const findings: Finding[] = [];
    for (const episode of episodesInOrder(child)) {
      if (
        ['E11', 'E12'].includes(episode.row.values.REC ?? '') &&
        episode.dec !== null &&
        matched.has(episode.dec)
      )
        findings.push(finding('582', child, episode.row, 'DEC'));
    }
    return findings;
  },
};
