// Domain: SSDA903 rule 580 — care ended while the child was missing, but the reason care ended is not E8.
// Catalogue fields: REC (Episodes, Missing); last defined 2022/23. Read from its text: any missing period open
// on the day care ended (DfE's tool looks only at periods ending on the 18th birthday).
import type { Rule } from '../model.ts';
import { daysOf, episodesInOrder, finalCeasedEpisode, finding, rowsOf } from './support.ts';

export const rule580: Rule = {
  code: '580',
  description:
    'The child was missing when they stopped being looked after, so the reason care ended should be E8 (any other reason).',
  tables: ['Episodes', 'Missing'],
  fields: ['REC'],
  check(child) {
    const last = finalCeasedEpisode(episodesInOrder(child));
    if (!last || last.dec === null || (last.row.values.REC ?? '') === 'E8') return [];
    const ended = last.dec;
    const missingThen = rowsOf(child, 'Missing').some((row) => {
      if ((row.values.MISSING ?? '') !== 'M') return false;
      const start = daysOf(row).MIS_START ?? null;
      const end = daysOf(row).MIS_END ?? null;
      return (
        start !== null &&
        start <= ended &&
        ((row.values.MIS_END ?? '') === '' || (end !== null && end >= ended))
      );
    });
    return missingThen ? [finding('580', child, last.row, 'REC')] : [];
  },
};
