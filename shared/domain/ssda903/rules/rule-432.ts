// Domain: SSDA903 rule 432 — after care ends, the next episode is a new start. Catalogue fields: RNE (Episodes).
// Any reason episode ceased other than X1 means the child stopped being looked after, so the next episode (in
// date order) must have reason S.
import type { Finding, Rule } from '../model.ts';
import { REC_CODES } from './code-lists.ts';
import { episodesInOrder, finding, NO_FINDINGS } from './support.ts';

const CARE_ENDED: ReadonlySet<string> = new Set(REC_CODES.filter((code) => code !== 'X1'));

export const rule432: Rule = {
  code: '432',
  description:
    'The previous episode ended the care, so the next episode must be recorded as starting to be looked after (S).',
  tables: ['Episodes'],
  fields: ['RNE', 'REC'],
  check(child) {
    let findings: Finding[] | null = null;
    const episodes = episodesInOrder(child);
    for (let index = 1; index < episodes.length; index++) {
      const rec = episodes[index - 1]!.row.values.REC ?? '';
      const episode = episodes[index]!;
      if (CARE_ENDED.has(rec) && (episode.row.values.RNE ?? '') !== 'S') {
        findings ??= [];
        findings.push(finding('432', child, episode.row, 'RNE'));
      }
    }
    return findings ?? NO_FINDINGS;
  },
};
