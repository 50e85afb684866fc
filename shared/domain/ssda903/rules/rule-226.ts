// Domain: SSDA903 rule 226 — no reason for placement change around a temporary placement. Catalogue fields:
// REASON_PLACE_CHANGE PLACE (Episodes); last defined 2025/26 (reworded).
import type { Finding, Rule } from '../model.ts';
import { whenSomeEpisode } from './factories.ts';
import { episodesInOrder, finding, TEMPORARY } from './support.ts';

/**
 * Flags the reason on a temporary placement's own episode and on the episode the child left to go into it. A row
 * that is both (a temporary placement followed by another) is one problem and is flagged once.
 */
function reasonNotForTemporary(description: string): Rule {
  // Most children have no temporary placement: their episodes are not put in order.
  return whenSomeEpisode(TEMPORARY, {
    code: '226',
    description,
    tables: ['Episodes'],
    fields: ['REASON_PLACE_CHANGE', 'PLACE'],
    check(child) {
      const episodes = episodesInOrder(child);
      // Only moves into or out of a temporary placement are flagged, and most children have none.
      if (!episodes.some((episode) => TEMPORARY.has(episode.row.values.PLACE ?? ''))) return [];
      // Rows are flagged in episode order; a row flagged twice (a temporary placement after another) is flagged
      // once, so each is flagged only past the last one.
      let findings: Finding[] | null = null;
      let lastFlagged = -1;
      for (let index = 0; index < episodes.length; index++) {
        const episode = episodes[index]!;
        if (!TEMPORARY.has(episode.row.values.PLACE ?? '')) continue;
        const previous = episodes[index - 1];
        if (previous && lastFlagged < index - 1 && (previous.row.values.REASON_PLACE_CHANGE ?? '') !== '') {
          findings ??= [];
          findings.push(finding('226', child, previous.row, 'REASON_PLACE_CHANGE'));
          lastFlagged = index - 1;
        }
        if ((episode.row.values.REASON_PLACE_CHANGE ?? '') !== '') {
          findings ??= [];
          findings.push(finding('226', child, episode.row, 'REASON_PLACE_CHANGE'));
          lastFlagged = index;
        }
      }
      return findings ?? [];
    },
  });
}

export const rule226Until2025: Rule = reasonNotForTemporary(
  'A reason for placement change is given for a move into or out of a temporary placement (T0–T4), where none is needed.',
);
export const rule226: Rule = reasonNotForTemporary(
  'Reason for placement change is not required for a move into or out of a temporary placement (T0–T4).',
);
