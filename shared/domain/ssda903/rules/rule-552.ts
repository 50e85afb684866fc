// Domain: SSDA903 rule 552 — the decision to place for adoption comes before the adoption placement.
// Catalogue fields: DATE_PLACED DECOM (Episodes, PlacedAdoption).
import type { Rule } from '../model.ts';
import { ADOPTION_PLACEMENTS, adoptionDecisions, finding, firstEpisodeWhere } from './support.ts';

/**
 * The first adoption placement must follow a decision: the earliest decision is on or before it. A later
 * decision (after an earlier placement broke down) is not compared with the earlier placement.
 */
export const rule552: Rule = {
  code: '552',
  description:
    'The decision that the child should be placed for adoption must be on or before the day they were first placed for adoption.',
  tables: ['Episodes', 'PlacedAdoption'],
  fields: ['DATE_PLACED', 'DECOM'],
  check(child) {
    const placed = firstEpisodeWhere(child, (episode) =>
      ADOPTION_PLACEMENTS.includes(episode.row.values.PLACE ?? ''),
    );
    const first = adoptionDecisions(child)[0];
    if (!placed || !first || first.day <= placed.decom) return [];
    return [finding('552', child, first.row, 'DATE_PLACED')];
  },
};
