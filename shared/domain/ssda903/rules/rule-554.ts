// Domain: SSDA903 rule 554 — the decision to place for adoption comes before the placement order. Catalogue
// fields: DATE_PLACED DECOM LS (Episodes, PlacedAdoption).
import type { Rule } from '../model.ts';
import { adoptionDecisions, finding, firstEpisodeWhere, PLACEMENT_ORDER } from './support.ts';

/**
 * Compares the earliest decision with the first episode under a placement order in the return. An order
 * granted in an earlier year is not in the return, so a query here may need checking against older records.
 */
export const rule554: Rule = {
  code: '554',
  description:
    'The decision that the child should be placed for adoption must be on or before the day the placement order was granted.',
  tables: ['Episodes', 'PlacedAdoption'],
  fields: ['DATE_PLACED', 'DECOM', 'LS'],
  check(child) {
    const ordered = firstEpisodeWhere(child, (episode) => (episode.row.values.LS ?? '') === PLACEMENT_ORDER);
    const first = adoptionDecisions(child)[0];
    if (!ordered || !first || first.day <= ordered.decom) return [];
    return [finding('554', child, first.row, 'DATE_PLACED')];
  },
};
