// Domain: SSDA903 rule 551 — an adoption placement needs the decision to place for adoption. Catalogue
// fields: DATE_PLACED PLACE (Episodes, PlacedAdoption).
import type { Finding, Rule } from '../model.ts';
import {
  ADOPTION_PLACEMENTS,
  adoptionDecisions,
  finding,
  firstEpisodeWhere,
  tablePresent,
} from './support.ts';

export const rule551: Rule = {
  code: '551',
  description:
    'The child was placed for adoption, but there is no date of the decision that they should be placed for adoption.',
  tables: ['Episodes', 'PlacedAdoption'],
  fields: ['PLACE', 'DATE_PLACED'],
  check(child, context) {
    if (!tablePresent(context, 'PlacedAdoption')) return [];
    const placed = firstEpisodeWhere(child, (episode) =>
      ADOPTION_PLACEMENTS.includes(episode.row.values.PLACE ?? ''),
    );
    if (!placed || adoptionDecisions(child).length > 0) return [];
    return [finding('551', child, placed.row, 'PLACE')] satisfies Finding[];
  },
};
