// Domain: SSDA903 rule SW12STG2 — social worker episodes for the whole year of a child looked after on 31 March,
// including the time before care began. Catalogue fields: SW_DECOM (SWEpisodes, Episodes); from 2024/25, its
// last defined year (DfE's tool left the 2023/24 version unfinished). Read from its text: the episodes must cover the collection year from its first day (or the
// child's birth, if later) without a gap; an episode that starts the day after the one before ends is no gap.
import type { Finding, Rule } from '../model.ts';
import {
  daysOf,
  episodeOpenAt,
  episodesInOrder,
  finding,
  headerDob,
  rowsOf,
  sortedByDate,
} from './support.ts';

export const ruleSW12STG2: Rule = {
  code: 'SW12STG2',
  description:
    'The child was looked after on 31 March, but their social worker episodes do not cover the whole year (from 1 April, or birth): include those from before care began.',
  tables: ['SWEpisodes', 'Episodes'],
  fields: ['SW_DECOM'],
  check(child, context) {
    const workers = sortedByDate(rowsOf(child, 'SWEpisodes'), 'SW_DECOM');
    const first = workers[0];
    if (!first) return [];
    if (!episodeOpenAt(episodesInOrder(child), context.periodEnd, { excludeShortBreaks: true })) return [];
    const findings: Finding[] = [];
    const dob = headerDob(child);
    const coverFrom = dob !== null && dob > context.periodStart ? dob : context.periodStart;
    if (first.day > coverFrom) findings.push(finding('SW12STG2', child, first.row, 'SW_DECOM'));
    let coveredTo = daysOf(first.row).SW_DEC ?? null;
    for (const worker of workers.slice(1)) {
      if (coveredTo === null) break;
      if (worker.day > coveredTo + 1 && worker.day > coverFrom)
        findings.push(finding('SW12STG2', child, worker.row, 'SW_DECOM'));
      const end = daysOf(worker.row).SW_DEC ?? null;
      coveredTo = end === null ? null : Math.max(coveredTo, end);
    }
    return findings;
  },
};
