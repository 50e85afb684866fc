// Domain: SSDA903 rule 557 — a child who left care without being adopted needs the decision reversed.
// Catalogue fields: DATE_PLACED_CEASED REASON_PLACED_CEASED PLACE LS REC (Episodes, PlacedAdoption).
import type { Rule } from '../model.ts';
import { codeSet } from './code-sets.ts';
import {
  ADOPTION_PLACEMENTS,
  adoptionDecisions,
  episodesInOrder,
  finalCeasedEpisode,
  finding,
  PLACEMENT_ORDER,
  tablePresent,
} from './support.ts';

const ADOPTED = codeSet('REC', ['E11', 'E12']);
/** Freeing order (D1): counted as an adoption legal status until 2023/24, not from 2024/25. */
const FREEING_ORDER = 'D1';

function leftCareNotAdopted(code: string, orders: readonly string[]): Rule {
  return {
    code,
    description:
      'The child was to be placed for adoption and left care without being adopted, but the date and reason the decision stopped are not both given.',
    tables: ['Episodes', 'PlacedAdoption'],
    fields: ['DATE_PLACED_CEASED', 'REASON_PLACED_CEASED', 'PLACE', 'LS', 'REC'],
    check(child, context) {
      if (!tablePresent(context, 'PlacedAdoption')) return [];
      const episodes = episodesInOrder(child);
      const left = finalCeasedEpisode(episodes);
      if (!left || ADOPTED.has(left.row.values.REC ?? '')) return [];
      const decisions = adoptionDecisions(child);
      const latest = decisions[decisions.length - 1];
      const towardsAdoption =
        latest !== undefined ||
        episodes.some(
          (episode) =>
            ADOPTION_PLACEMENTS.includes(episode.row.values.PLACE ?? '') ||
            orders.includes(episode.row.values.LS ?? ''),
        );
      if (!towardsAdoption) return [];
      if (!latest) return [finding(code, child, left.row, 'REC')];
      const complete =
        (latest.row.values.DATE_PLACED_CEASED ?? '') !== '' &&
        (latest.row.values.REASON_PLACED_CEASED ?? '') !== '';
      return complete ? [] : [finding(code, child, latest.row, 'DATE_PLACED_CEASED')];
    },
  };
}

/** 2022/23 and 2023/24: a placement order (E1) or a freeing order (D1) showed the way to adoption. */
export const rule557Until2024: Rule = leftCareNotAdopted('557', [PLACEMENT_ORDER, FREEING_ORDER]);
/** From 2024/25: a placement order (E1) only. */
export const rule557: Rule = leftCareNotAdopted('557', [PLACEMENT_ORDER]);
