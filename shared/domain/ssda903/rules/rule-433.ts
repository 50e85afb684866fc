// Domain: SSDA903 rule 433 — a continuation episode must start when the previous one ended. Catalogue fields:
// RNE DECOM (Episodes).
import type { Rule } from '../model.ts';
import { consecutivePairs, episodesInOrder, finding } from './support.ts';

const CONTINUATION = ['L', 'P', 'T', 'B', 'U'];

export const rule433: Rule = {
  code: '433',
  description:
    'The reason for new episode says this continues the previous episode, but it does not start on the day the previous episode ceased.',
  tables: ['Episodes'],
  fields: ['RNE', 'DECOM'],
  check(child) {
    return consecutivePairs(episodesInOrder(child))
      .filter(
        ([previous, next]) => CONTINUATION.includes(next.row.values.RNE ?? '') && previous.dec !== next.decom,
      )
      .map(([, next]) => finding('433', child, next.row, 'RNE'));
  },
};
