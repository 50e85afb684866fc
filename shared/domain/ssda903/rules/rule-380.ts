// Domain: SSDA903 rule 380 — a period of care cannot start in a temporary placement. Catalogue fields:
// PLACE RNE (Episodes).
//
// Decision (from the text, "a period of care cannot start with a temporary placement"): an episode starts a period
// of care when its reason is S (started to be looked after), or when it follows a break in care after an earlier
// episode in this return, whatever its reason code says. Moves within care (P, T, U, B, L) into a temporary
// placement are allowed. The child's first episode in the return is a start only when it says S: otherwise the
// period began before the year.
import type { Finding, Rule } from '../model.ts';
import { whenSomeEpisode } from './factories.ts';
import { episodesInOrder, finding, periodsOfCare, TEMPORARY } from './support.ts';

export const rule380: Rule = whenSomeEpisode(TEMPORARY, {
  code: '380',
  description:
    'A period of care starts in a temporary placement (T0–T4); it must start in a usual placement.',
  tables: ['Episodes'],
  fields: ['PLACE', 'RNE'],
  check(child) {
    const episodes = episodesInOrder(child);
    // Only a temporary placement is flagged: most children have none, and their periods are not needed.
    if (!episodes.some((episode) => TEMPORARY.has(episode.row.values.PLACE ?? ''))) return [];
    const findings: Finding[] = [];
    const periods = periodsOfCare(episodes);
    for (let index = 0; index < periods.length; index++) {
      const period = periods[index]!;
      for (let position = 0; position < period.length; position++) {
        const episode = period[position]!;
        if (!TEMPORARY.has(episode.row.values.PLACE ?? '')) continue;
        const startsAfterBreak = index > 0 && position === 0;
        if ((episode.row.values.RNE ?? '') === 'S' || startsAfterBreak)
          findings.push(finding('380', child, episode.row, 'PLACE'));
      }
    }
    return findings;
  },
});
