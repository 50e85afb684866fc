// Domain: SSDA903 rule 435 — RNE P or T (placement change only) must match the data. Catalogue fields:
// LS PLACE PL_POST URN PLACE_PROVIDER (Episodes).
import type { Rule } from '../model.ts';
import { consecutivePairs, episodesInOrder, finding, samePlacement } from './support.ts';

export const rule435: Rule = {
  code: '435',
  description:
    'The reason for new episode is P or T (placement changed, legal status did not), but the legal status changed or no placement detail changed.',
  tables: ['Episodes'],
  fields: ['RNE', 'LS', 'PLACE', 'PL_POST', 'URN', 'PLACE_PROVIDER'],
  check(child) {
    return consecutivePairs(episodesInOrder(child))
      .filter(
        ([previous, next]) =>
          ['P', 'T'].includes(next.row.values.RNE ?? '') &&
          ((next.row.values.LS ?? '') !== (previous.row.values.LS ?? '') || samePlacement(previous, next)),
      )
      .map(([, next]) => finding('435', child, next.row, 'RNE'));
  },
};
