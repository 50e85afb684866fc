// Domain: SSDA903 rule 558 — an adopted child's decision was not reversed. Catalogue fields:
// DATE_PLACED_CEASED REC (Episodes, PlacedAdoption).
import type { Rule } from '../model.ts';
import { codeSet } from './code-sets.ts';
import { adoptionDecisions, episodesInOrder, finalCeasedEpisode, finding } from './support.ts';

const ADOPTED = codeSet('REC', ['E11', 'E12']);

/**
 * The decision that led to the adoption is the latest one; an earlier decision may have been reversed
 * when an earlier placement broke down, so only the latest is checked.
 */
export const rule558: Rule = {
  code: '558',
  description:
    'The child was adopted, so the latest decision to place them for adoption was not reversed: leave the date it stopped blank.',
  tables: ['Episodes', 'PlacedAdoption'],
  fields: ['DATE_PLACED_CEASED', 'REC'],
  check(child) {
    const left = finalCeasedEpisode(episodesInOrder(child));
    if (!left || !ADOPTED.has(left.row.values.REC ?? '')) return [];
    const decisions = adoptionDecisions(child);
    const latest = decisions[decisions.length - 1];
    if (!latest || (latest.row.values.DATE_PLACED_CEASED ?? '') === '') return [];
    return [finding('558', child, latest.row, 'DATE_PLACED_CEASED')];
  },
};
