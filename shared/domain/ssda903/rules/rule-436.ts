// Domain: SSDA903 rule 436 — RNE B or U (legal status and placement change) must match the data. Catalogue
// fields: RNE LS PLACE PL_POST URN PLACE_PROVIDER (Episodes).
import type { Rule } from '../model.ts';
import { consecutivePairs, episodesInOrder, finding, samePlacement } from './support.ts';

export const rule436: Rule = {
  code: '436',
  description:
    'The reason for new episode is B or U (legal status and placement both changed), but the legal status is unchanged or no placement detail changed.',
  tables: ['Episodes'],
  fields: ['RNE', 'LS', 'PLACE', 'PL_POST', 'URN', 'PLACE_PROVIDER'],
  check(child) {
    return consecutivePairs(episodesInOrder(child))
      .filter(
        ([previous, next]) =>
          ['B', 'U'].includes(next.row.values.RNE ?? '') &&
          ((next.row.values.LS ?? '') === (previous.row.values.LS ?? '') || samePlacement(previous, next)),
      )
      .map(([, next]) => finding('436', child, next.row, 'RNE'));
  },
};
