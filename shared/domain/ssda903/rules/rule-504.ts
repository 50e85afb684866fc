// Domain: SSDA903 rule 504 — category of need fixed for a period of care. Catalogue fields: CIN (Episodes).
//
// Decision (from the rule's text, "the start of the current period of being looked after"): a period continues
// only where an episode ends with X1 ("child stays looked after") and the next starts that day. When care ends
// with any other reason, the next episode starts a new period even on the same day; the missing X1 is rule 388's
// finding, so 504 does not report the category a second time.
import type { Finding, Rule } from '../model.ts';
import { type Episode, episodesInOrder, finding, NO_FINDINGS } from './support.ts';

export const rule504: Rule = {
  code: '504',
  description:
    'The category of need differs from the one recorded at the start of this period of being looked after.',
  tables: ['Episodes'],
  fields: ['CIN'],
  check(child) {
    let findings: Finding[] | null = null;
    let periodStart: Episode | undefined;
    let previous: Episode | undefined;
    const episodes = episodesInOrder(child);
    for (let index = 0; index < episodes.length; index++) {
      const episode = episodes[index]!;
      const continues =
        previous !== undefined && (previous.row.values.REC ?? '') === 'X1' && previous.dec === episode.decom;
      if (!continues || periodStart === undefined) periodStart = episode;
      else if ((episode.row.values.CIN ?? '') !== (periodStart.row.values.CIN ?? '')) {
        findings ??= [];
        findings.push(finding('504', child, episode.row, 'CIN'));
      }
      previous = episode;
    }
    return findings ?? NO_FINDINGS;
  },
};
