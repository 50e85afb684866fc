// Domain: SSDA903 rule 562 — an episode started before this year, but last year's return does not end with it.
// Catalogue fields: DECOM (Episodes, Episodes_last); last defined 2022/23.
import type { Rule } from '../model.ts';
import { lastYearEpisodes } from './last-year.ts';
import { episodesInOrder, finding } from './support.ts';

export const rule562: Rule = {
  code: '562',
  description:
    'This year’s first episode started before the year began, but last year’s return does not end with an episode starting that day.',
  tables: ['Episodes'],
  previousTables: ['Episodes'],
  fields: ['DECOM'],
  check(child, context) {
    const first = episodesInOrder(child)[0];
    if (!first || first.decom >= context.periodStart) return [];
    const before = lastYearEpisodes(child, context);
    const latest = before[before.length - 1];
    if (latest && latest.decom === first.decom) return [];
    return [finding('562', child, first.row, 'DECOM')];
  },
};
