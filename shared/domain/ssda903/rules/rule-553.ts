// Domain: SSDA903 rule 553 — a placement order needs the decision to place for adoption. Catalogue fields:
// CHILD DATE_PLACED DATE_PLACED_CEASED REASON_PLACED_CEASED (Episodes, PlacedAdoption).
import type { Rule } from '../model.ts';
import { adoptionDecisions, finding, firstEpisodeWhere, PLACEMENT_ORDER, tablePresent } from './support.ts';

export const rule553: Rule = {
  code: '553',
  description:
    'A placement order was granted, but there is no date of the decision that the child should be placed for adoption.',
  tables: ['Episodes', 'PlacedAdoption'],
  fields: ['LS', 'DATE_PLACED'],
  check(child, context) {
    if (!tablePresent(context, 'PlacedAdoption')) return [];
    const ordered = firstEpisodeWhere(child, (episode) => (episode.row.values.LS ?? '') === PLACEMENT_ORDER);
    if (!ordered || adoptionDecisions(child).length > 0) return [];
    return [finding('553', child, ordered.row, 'LS')];
  },
};
