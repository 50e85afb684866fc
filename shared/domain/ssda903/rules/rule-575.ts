// Domain: SSDA903 rule 575 — a missing or away-from-placement period still open although the placement the child
// went missing from has ended. Catalogue fields: MIS_END (Episodes, Missing); last defined 2022/23.
import type { Finding, Rule } from '../model.ts';
import { daysOf, episodesInOrder, finding, rowsOf } from './support.ts';

export const rule575: Rule = {
  code: '575',
  description:
    'The placement the child went missing or away from has ended, so the missing or away period needs an end date too.',
  tables: ['Missing', 'Episodes'],
  fields: ['MIS_END'],
  check(child) {
    const ended = episodesInOrder(child).filter((episode) => episode.dec !== null);
    const findings: Finding[] = [];
    for (const row of rowsOf(child, 'Missing')) {
      const start = daysOf(row).MIS_START ?? null;
      if (start === null || (row.values.MIS_END ?? '') !== '') continue;
      if (ended.some((episode) => episode.decom <= start && start <= episode.dec!))
        findings.push(finding('575', child, row, 'MIS_END'));
    }
    return findings;
  },
};
