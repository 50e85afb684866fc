// Domain: SSDA903 rule 383 — after a temporary placement the child returns to the usual placement. Catalogue
// fields: PLACE RNE PL_POST (Episodes); last defined 2025/26.
//
// Until 2024/25 the temporary episode is flagged when the episode after it is not a return (reason P) to the
// placement type the child had before it. From 2025/26 the return episode is flagged, and the placement postcode
// must match as well.
import type { ChildRecord, Finding, Rule } from '../model.ts';
import { whenSomeEpisode } from './factories.ts';
import { type Episode, episodesInOrder, finding, TEMPORARY } from './support.ts';

const isTemporary = (episode: Episode) => TEMPORARY.has(episode.row.values.PLACE ?? '');

/** Episodes before, during and after each temporary placement, in DECOM order. */
function aroundTemporary(child: ChildRecord): readonly [Episode, Episode, Episode][] {
  const episodes = episodesInOrder(child);
  const triples: [Episode, Episode, Episode][] = [];
  for (let index = 1; index + 1 < episodes.length; index++) {
    if (isTemporary(episodes[index]!))
      triples.push([episodes[index - 1]!, episodes[index]!, episodes[index + 1]!]);
  }
  return triples;
}

// Most children have no temporary placement: their episodes are not put in order.
export const rule383Until2025: Rule = whenSomeEpisode(TEMPORARY, {
  code: '383',
  description:
    'After a temporary placement the child did not return to the placement type they had before it (reason for new episode P).',
  tables: ['Episodes'],
  fields: ['PLACE', 'RNE'],
  check(child) {
    const findings: Finding[] = [];
    for (const [before, temporary, after] of aroundTemporary(child)) {
      if (
        (after.row.values.RNE ?? '') !== 'P' ||
        (after.row.values.PLACE ?? '') !== (before.row.values.PLACE ?? '')
      )
        findings.push(finding('383', child, temporary.row, 'PLACE'));
    }
    return findings;
  },
});

export const rule383: Rule = whenSomeEpisode(TEMPORARY, {
  code: '383',
  description:
    'After a temporary placement the child did not return to the same placement (same type and postcode, reason for new episode P).',
  tables: ['Episodes'],
  fields: ['PLACE', 'RNE', 'PL_POST'],
  check(child) {
    const findings: Finding[] = [];
    for (const [before, , after] of aroundTemporary(child)) {
      if (
        (after.row.values.RNE ?? '') !== 'P' ||
        (after.row.values.PLACE ?? '') !== (before.row.values.PLACE ?? '') ||
        (after.row.values.PL_POST ?? '') !== (before.row.values.PL_POST ?? '')
      )
        findings.push(finding('383', child, after.row, 'RNE'));
    }
    return findings;
  },
});
