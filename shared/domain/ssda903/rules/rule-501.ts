// Domain: SSDA903 rule 501 — overlapping episodes. Catalogue fields: DECOM DEC (Episodes).
import type { Rule } from '../model.ts';
import { consecutivePairs, episodesInOrder, finding } from './support.ts';

export const rule501: Rule = {
  code: '501',
  description: 'This episode starts before the previous episode ended: episodes must not overlap.',
  tables: ['Episodes'],
  fields: ['DECOM', 'DEC'],
  check(child) {
    return consecutivePairs(episodesInOrder(child))
      .filter(([previous, next]) => previous.dec !== null && next.decom < previous.dec)
      .map(([, next]) => finding('501', child, next.row, 'DECOM'));
  },
};
