// Domain: SSDA903 rule NoE — episodes that started before this year for a child with no episodes in last year's
// return. Catalogue fields: DECOM (Episodes, Episodes_last); last defined 2022/23.
import type { Finding, Rule } from '../model.ts';
import { episodesInOrder, finding, previousRowsOf } from './support.ts';

export const ruleNoE: Rule = {
  code: 'NoE',
  description:
    'The child was looked after before this year began, but last year’s return has no episodes for them.',
  tables: ['Episodes'],
  previousTables: ['Episodes'],
  fields: ['DECOM'],
  check(child, context) {
    if (previousRowsOf(child, context, 'Episodes').length > 0) return [];
    const findings: Finding[] = [];
    for (const episode of episodesInOrder(child)) {
      if (episode.decom < context.periodStart) findings.push(finding('NoE', child, episode.row, 'DECOM'));
    }
    return findings;
  },
};
