// Domain: SSDA903 rule 142 — an earlier episode left open. Catalogue fields: DEC REC (Episodes).
import type { Finding, Rule } from '../model.ts';
import { episodesInOrder, finding, NO_FINDINGS } from './support.ts';

/** Every episode except the child's latest must have both a ceased date and a reason ceased. */
export const rule142: Rule = {
  code: '142',
  description:
    'A later episode has started, but this earlier episode has no date ceased or no reason ceased.',
  tables: ['Episodes'],
  fields: ['DEC', 'REC'],
  check(child) {
    let findings: Finding[] | null = null;
    const episodes = episodesInOrder(child);
    // Every episode but the latest.
    for (let index = 0; index < episodes.length - 1; index++) {
      const row = episodes[index]!.row;
      const field = (row.values.DEC ?? '') === '' ? 'DEC' : (row.values.REC ?? '') === '' ? 'REC' : null;
      if (field === null) continue;
      findings ??= [];
      findings.push(finding('142', child, row, field));
    }
    return findings ?? NO_FINDINGS;
  },
};
