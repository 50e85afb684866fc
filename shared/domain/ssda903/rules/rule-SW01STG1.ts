// Domain: SSDA903 rule SW01STG1 (2023/24 only) — a child looked after on 31 March needs social worker
// information. Catalogue: not in the 2026/27 catalogue; replaced by SW01aSTG1 and SW01bSTG1 from 2024/25.
import type { Rule } from '../model.ts';
import { episodeOpenAt, episodesInOrder, finding, rowsOf, tablePresent, val } from './support.ts';

export const ruleSW01STG1: Rule = {
  code: 'SW01STG1',
  description:
    'The child was looked after on 31 March but no complete social worker episode (ID, start date and reason) is reported.',
  tables: ['SWEpisodes', 'Episodes'],
  fields: ['DEC'],
  check(child, context) {
    if (!tablePresent(context, 'SWEpisodes')) return [];
    const open = episodeOpenAt(episodesInOrder(child), context.periodEnd, { excludeShortBreaks: true });
    if (!open) return [];
    const complete = rowsOf(child, 'SWEpisodes').some((row) =>
      ['SW_ID', 'SW_DECOM', 'SW_REASON'].every((field) => val(row, field) !== ''),
    );
    return complete ? [] : [finding('SW01STG1', child, open.row, 'DEC')];
  },
};
