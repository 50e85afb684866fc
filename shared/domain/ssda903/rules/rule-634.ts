// Domain: SSDA903 rule 634 — previous permanence information for a child whose care started before 1 April 2016,
// when it was first collected. Catalogue fields: LA_PERM PREV_PERM DATE_PERM DECOM (Episodes, PrevPerm); last
// defined 2022/23. Read from its text (DfE's tool compares with the start of the collection year instead).
import type { Finding, Rule } from '../model.ts';
import { episodesInOrder, finding, fixedDay, rowsOf, val } from './support.ts';

const FIRST_COLLECTED = fixedDay(2016, 4, 1);

export const rule634: Rule = {
  code: '634',
  description:
    'Previous permanence information is given, but the child has not started to be looked after since 1 April 2016, when it was first collected.',
  tables: ['Episodes', 'PrevPerm'],
  fields: ['LA_PERM', 'PREV_PERM', 'DATE_PERM', 'DECOM'],
  check(child) {
    const episodes = episodesInOrder(child);
    const latest = episodes[episodes.length - 1];
    if (!latest || latest.decom >= FIRST_COLLECTED) return [];
    const findings: Finding[] = [];
    for (const row of rowsOf(child, 'PrevPerm')) {
      if (['PREV_PERM', 'LA_PERM', 'DATE_PERM'].some((field) => val(row, field) !== ''))
        findings.push(finding('634', child, row, 'PREV_PERM'));
    }
    return findings;
  },
};
