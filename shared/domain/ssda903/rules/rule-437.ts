// Domain: SSDA903 rule 437 — no episodes after death or an 18+ age assessment. Catalogue fields: REC (Episodes).
import type { Rule } from '../model.ts';
import { episodesInOrder, finding } from './support.ts';

/** E2: died. E15: age assessment found the child to be 18 or over. */
const FINAL_REASONS = ['E2', 'E15'];

export const rule437: Rule = {
  code: '437',
  description:
    'The episode ceased because the child died (E2) or was assessed as 18 or over (E15), but later episodes are recorded.',
  tables: ['Episodes'],
  fields: ['REC'],
  check(child) {
    const episodes = episodesInOrder(child);
    return episodes
      .slice(0, -1)
      .filter((episode) => FINAL_REASONS.includes(episode.row.values.REC ?? ''))
      .map((episode) => finding('437', child, episode.row, 'REC'));
  },
};
