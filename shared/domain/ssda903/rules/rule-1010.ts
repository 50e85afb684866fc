// Domain: SSDA903 rule 1010 — care leaver information for a young person with no episodes this year although
// last year ended with them still looked after. Catalogue fields: IN_TOUCH ACTIV ACCOM (Episodes,
// Episodes_last, OC3); last defined 2022/23.
import type { Rule } from '../model.ts';
import { lastYearEpisodes } from './last-year.ts';
import { finding, rowsOf } from './support.ts';

export const rule1010: Rule = {
  code: '1010',
  description:
    'Care leaver information is given, but this year’s return has no episodes for a young person still looked after at the end of last year: the episode that ended their care is missing.',
  tables: ['OC3', 'Episodes'],
  previousTables: ['Episodes'],
  fields: ['IN_TOUCH', 'ACTIV', 'ACCOM'],
  check(child, context) {
    const row = rowsOf(child, 'OC3')[0];
    if (!row || rowsOf(child, 'Episodes').length > 0) return [];
    const before = lastYearEpisodes(child, context);
    const latest = before[before.length - 1];
    if (!latest || (latest.row.values.DEC ?? '') !== '') return [];
    return [finding('1010', child, row, 'IN_TOUCH')];
  },
};
