// Domain: SSDA903 rule 502 — last year ended with an open episode, and this year's first episode does not start
// on the same day. Catalogue fields: DECOM (Episodes, Episodes_last); last defined 2022/23.
import type { Rule } from '../model.ts';
import { carriedOverEpisode } from './last-year.ts';
import { finding } from './support.ts';

export const rule502: Rule = {
  code: '502',
  description:
    'Last year’s return ended with an episode still open, so this year’s first episode should be that episode, with the same start date.',
  tables: ['Episodes'],
  previousTables: ['Episodes'],
  fields: ['DECOM'],
  check(child, context) {
    const pair = carriedOverEpisode(child, context);
    if (!pair || pair.first.decom === pair.last.decom) return [];
    return [finding('502', child, pair.first.row, 'DECOM')];
  },
};
