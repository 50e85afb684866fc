// Domain: SSDA903 rule 377 — at most two placements covering the foster carer's holiday in any 12 months.
// Catalogue fields: PLACE (Episodes). Each T3 episode is one placement; when three or more start within a year
// of each other, each of them is flagged.
import type { Finding, Rule } from '../model.ts';
import { codeSet } from './code-sets.ts';
import { whenSomeEpisode } from './factories.ts';
import { addYears, episodesInOrder, finding } from './support.ts';

const HOLIDAY_COVER = codeSet('PLACE', ['T3']);

// Most children have no such placement.
export const rule377: Rule = whenSomeEpisode(HOLIDAY_COVER, {
  code: '377',
  description:
    "More than two temporary placements covering the usual foster carer's holiday (T3) within 12 months.",
  tables: ['Episodes'],
  fields: ['PLACE'],
  check(child) {
    const holidays = episodesInOrder(child).filter((episode) => (episode.row.values.PLACE ?? '') === 'T3');
    const flagged = new Set<number>();
    for (let first = 0; first < holidays.length; first++) {
      const yearLater = addYears(holidays[first]!.decom, 1);
      let last = first;
      while (last + 1 < holidays.length && holidays[last + 1]!.decom < yearLater) last++;
      if (last - first + 1 > 2) for (let index = first; index <= last; index++) flagged.add(index);
    }
    return [...flagged]
      .sort((a, b) => a - b)
      .map((index): Finding => finding('377', child, holidays[index]!.row, 'PLACE'));
  },
});
