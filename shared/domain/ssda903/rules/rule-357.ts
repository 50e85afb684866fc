// Domain: SSDA903 rule 357 — the first episode must start a period of care. Catalogue fields: RNE (Episodes).
import type { Rule } from '../model.ts';
import { episodesInOrder, finding, NO_FINDINGS } from './support.ts';

/**
 * Applies to the child's earliest episode when it starts within the collection year: an earlier start may have
 * a predecessor in last year's return, which is not loaded here.
 */
export const rule357: Rule = {
  code: '357',
  description:
    "This is the child's first episode, so the reason for new episode must be S; check whether an earlier episode has been left out.",
  tables: ['Episodes'],
  fields: ['RNE'],
  check(child, context) {
    const first = episodesInOrder(child)[0];
    if (!first || first.decom < context.periodStart || (first.row.values.RNE ?? '') === 'S')
      return NO_FINDINGS;
    return [finding('357', child, first.row, 'RNE')];
  },
};
