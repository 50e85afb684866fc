// Domain: SSDA903 rule 630 — a child starting to be looked after this year with no previous permanence
// information. Catalogue fields: RNE (Episodes, PrevPerm); last defined 2022/23.
import type { Finding, Rule } from '../model.ts';
import { episodesInOrder, finding, rowsOf } from './support.ts';

export const rule630: Rule = {
  code: '630',
  description:
    'The child started to be looked after this year, so the previous permanence table should say whether they had a permanence order before (or Z1 if not known).',
  tables: ['Episodes', 'PrevPerm'],
  fields: ['RNE'],
  check(child, context) {
    if (rowsOf(child, 'PrevPerm').some((row) => (row.values.PREV_PERM ?? '') !== '')) return [];
    const findings: Finding[] = [];
    for (const episode of episodesInOrder(child)) {
      if ((episode.row.values.RNE ?? '') === 'S' && episode.decom >= context.periodStart)
        findings.push(finding('630', child, episode.row, 'RNE'));
    }
    return findings;
  },
};
