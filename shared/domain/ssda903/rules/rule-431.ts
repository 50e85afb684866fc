// Domain: SSDA903 rule 431 — a new period of care cannot start the day the last one ended. Catalogue fields:
// RNE DECOM (Episodes).
import type { Rule } from '../model.ts';
import { consecutivePairs, episodesInOrder, finding } from './support.ts';

export const rule431: Rule = {
  code: '431',
  description:
    'The reason for new episode is S (started to be looked after) but the previous episode ended on the same day or later.',
  tables: ['Episodes'],
  fields: ['RNE', 'DECOM'],
  check(child) {
    return consecutivePairs(episodesInOrder(child))
      .filter(
        ([previous, next]) =>
          (next.row.values.RNE ?? '') === 'S' && previous.dec !== null && next.decom <= previous.dec,
      )
      .map(([, next]) => finding('431', child, next.row, 'RNE'));
  },
};
