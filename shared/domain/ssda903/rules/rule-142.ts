// Domain: SSDA903 rule 142 — an earlier episode left open. Catalogue fields: DEC REC (Episodes).
import type { Finding, Rule } from '../model.ts';
import { episodesInOrder, finding } from './support.ts';

/** Every episode except the child's latest must have both a ceased date and a reason ceased. */
export const rule142: Rule = {
  code: '142',
  description:
    'A later episode has started, but this earlier episode has no date ceased or no reason ceased.',
  tables: ['Episodes'],
  fields: ['DEC', 'REC'],
  check(child) {
    const findings: Finding[] = [];
    for (const episode of episodesInOrder(child).slice(0, -1)) {
      if ((episode.row.values.DEC ?? '') === '') findings.push(finding('142', child, episode.row, 'DEC'));
      else if ((episode.row.values.REC ?? '') === '')
        findings.push(finding('142', child, episode.row, 'REC'));
    }
    return findings;
  },
};
