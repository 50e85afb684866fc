// Domain: SSDA903 rule 1001 — care leaver information for a young person whose episodes (this year's and
// last year's) do not make them a relevant or former relevant child. Catalogue fields: IN_TOUCH ACTIV ACCOM
// (Episodes, OC3, Header, Episodes_last); last defined 2022/23.
//
// Eligible care leavers were looked after for at least 13 weeks (91 days) from age 14, some of it at 16 or
// over. Only two years of episodes are at hand, so the rule says nothing about young people aged 20 or more by
// the end of the year, or with no episodes in either year (rule 1002 reports those).
import type { Day } from '../../dates.ts';
import type { Rule } from '../model.ts';
import { lastYearEpisodes } from './last-year.ts';
import {
  addYears,
  type Episode,
  episodesInOrder,
  finding,
  headerDob,
  rowsOf,
  SHORT_BREAKS,
  val,
} from './support.ts';

const CARE_LEAVER_FIELDS = ['IN_TOUCH', 'ACTIV', 'ACCOM'];
const ADOPTED = ['E11', 'E12'];

/** Last year's and this year's episodes as one list by start date; an episode in both returns counts once. */
function bothYears(lastYear: readonly Episode[], thisYear: readonly Episode[]): Episode[] {
  const byStart = new Map<Day, Episode>();
  for (const episode of [...lastYear, ...thisYear]) {
    const seen = byStart.get(episode.decom);
    // The later return knows how the episode ended.
    if (!seen || (seen.dec === null && episode.dec !== null) || thisYear.includes(episode))
      byStart.set(episode.decom, episode);
  }
  return [...byStart.values()].sort((a, b) => a.decom - b.decom);
}

function daysFrom(episodes: readonly Episode[], from: Day, openUntil: Day): number {
  let days = 0;
  episodes.forEach((episode, index) => {
    const end = episode.dec ?? (index === episodes.length - 1 ? openUntil : null);
    if (end === null) return;
    days += Math.max(0, end - Math.max(episode.decom, from));
  });
  return days;
}

export const rule1001: Rule = {
  code: '1001',
  description:
    'Care leaver information is given, but this year’s and last year’s episodes do not show 13 weeks in care from age 14 with some at 16 or over (or they show an adoption).',
  tables: ['OC3', 'Header', 'Episodes'],
  previousTables: ['Episodes'],
  fields: CARE_LEAVER_FIELDS,
  check(child, context) {
    const row = rowsOf(child, 'OC3').find((oc3) =>
      CARE_LEAVER_FIELDS.some((field) => val(oc3, field) !== ''),
    );
    const dob = headerDob(child);
    if (!row || dob === null || addYears(dob, 20) <= context.periodEnd) return [];
    const all = bothYears(lastYearEpisodes(child, context), episodesInOrder(child));
    if (all.length === 0) return [];
    const adopted = ADOPTED.includes(all[all.length - 1]!.row.values.REC ?? '');
    const care = all.filter((episode) => !SHORT_BREAKS.has(episode.row.values.LS ?? ''));
    const eligible =
      daysFrom(care, addYears(dob, 14), context.periodEnd) >= 91 &&
      daysFrom(care, addYears(dob, 16), context.periodEnd) >= 1;
    return adopted || !eligible ? [finding('1001', child, row, 'IN_TOUCH')] : [];
  },
};
