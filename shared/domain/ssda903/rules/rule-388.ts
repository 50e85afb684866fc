// Domain: SSDA903 rule 388 — X1 ("episode ceases, child stays looked after") consistency. Catalogue fields: REC.
import type { Finding, Rule } from '../model.ts';
import { episodesInOrder, finding, NO_FINDINGS } from './support.ts';

/**
 * X1 means a continuation episode starts the day this one ceases. So: an X1 episode must be followed by one
 * starting on its DEC; an episode followed the same day by another must be X1; and the child's final episode,
 * once ceased, cannot be X1.
 */
export const rule388: Rule = {
  code: '388',
  description:
    'Reason episode ceased does not match what follows: X1 needs a new episode starting the same day, and an episode followed the same day by another must be X1.',
  tables: ['Episodes'],
  fields: ['REC'],
  check(child) {
    let findings: Finding[] | null = null;
    const episodes = episodesInOrder(child);
    for (let index = 0; index < episodes.length; index++) {
      const episode = episodes[index]!;
      const next = episodes[index + 1];
      const rec = episode.row.values.REC ?? '';
      if (episode.dec === null || rec === '') continue;
      const continues = next !== undefined && next.decom === episode.dec;
      if ((rec === 'X1') === continues) continue;
      findings ??= [];
      findings.push(finding('388', child, episode.row, 'REC'));
    }
    return findings ?? NO_FINDINGS;
  },
};
