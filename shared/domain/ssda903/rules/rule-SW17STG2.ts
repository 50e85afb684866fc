// Domain: SSDA903 rule SW17STG2 — a social worker episode open at 31 March. Catalogue fields: SW_DEC SW_DECOM
// (SWEpisodes); from 2025/26.
import type { Rule } from '../model.ts';
import { episodeOpenAt, episodesInOrder, finding, rowsOf, sortedByDate } from './support.ts';

/** Checked for children looked after at 31 March: their latest social worker episode should still be open. */
export const ruleSW17STG2: Rule = {
  code: 'SW17STG2',
  description:
    'The child was looked after on 31 March but their latest social worker episode has an end date.',
  tables: ['SWEpisodes', 'Episodes'],
  fields: ['SW_DEC', 'SW_DECOM'],
  check(child, context) {
    const latest = sortedByDate(rowsOf(child, 'SWEpisodes'), 'SW_DECOM').at(-1)?.row;
    if (!latest || (latest.values.SW_DEC ?? '') === '') return [];
    const lookedAfter = episodeOpenAt(episodesInOrder(child), context.periodEnd, {
      excludeShortBreaks: true,
    });
    return lookedAfter ? [finding('SW17STG2', child, latest, 'SW_DEC')] : [];
  },
};
