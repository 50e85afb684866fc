// Domain: SSDA903 rule SW11bSTG2 — the last social worker episode ended before the end of the year, with no
// episode after it, for a child still looked after. Catalogue fields: SW_DEC (SWEpisodes); last defined 2023/24.
import type { Rule } from '../model.ts';
import { daysOf, episodeOpenAt, episodesInOrder, finding, rowsOf, sortedByDate } from './support.ts';

export const ruleSW11bSTG2: Rule = {
  code: 'SW11bSTG2',
  description:
    'The child’s last social worker episode ended before 31 March while they were still looked after, and no later social worker episode is given.',
  tables: ['SWEpisodes', 'Episodes'],
  fields: ['SW_DEC'],
  check(child, context) {
    const sw = sortedByDate(rowsOf(child, 'SWEpisodes'), 'SW_DECOM');
    const last = sw[sw.length - 1];
    if (!last || !episodeOpenAt(episodesInOrder(child), context.periodEnd)) return [];
    const ended = daysOf(last.row).SW_DEC ?? null;
    return ended !== null && ended < context.periodEnd
      ? [finding('SW11bSTG2', child, last.row, 'SW_DEC')]
      : [];
  },
};
