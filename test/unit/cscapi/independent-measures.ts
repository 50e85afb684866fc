// Test helper: the CSC API monthly measures worked out a second, simpler way, straight from the generator's
// children as they stand (whole documents, purged records already gone), with ISO date strings and JS Dates
// only: none of the product's date, working-day or measure code. Definitions: docs/cscapi.md, "Measures".
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

type Json = Record<string, unknown>;

const holidays = new Set<string>(
  JSON.parse(
    readFileSync(
      fileURLToPath(new URL('../../../shared/reference/bank-holidays-england-wales.json', import.meta.url)),
      'utf8',
    ),
  ).dates,
);

const toDate = (iso: string) => new Date(`${iso}T00:00:00Z`);
const iso = (date: Date) => date.toISOString().slice(0, 10);

/** Working days after `from` up to and including `to`, walking one day at a time. */
export function workingDaysAfter(from: string, to: string): number {
  let count = 0;
  const day = toDate(from);
  const end = toDate(to);
  while (day < end) {
    day.setUTCDate(day.getUTCDate() + 1);
    const weekday = day.getUTCDay();
    if (weekday !== 0 && weekday !== 6 && !holidays.has(iso(day))) count++;
  }
  return count;
}

const shiftYears = (date: string, years: number) => {
  const [y, m, d] = date.split('-').map(Number) as [number, number, number];
  // 29 February a year off is 1 March.
  if (m === 2 && d === 29) return `${y + years}-03-01`;
  return `${y + years}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
};

const lastDay = (month: string) => {
  const [y, m] = month.split('-').map(Number) as [number, number];
  return iso(new Date(Date.UTC(y, m, 0)));
};

const openOn = (start: unknown, end: unknown, day: string) =>
  typeof start === 'string' && start <= day && (typeof end !== 'string' || end > day);

export function independentMeasures(children: readonly Json[], months: readonly string[]) {
  const result: Record<string, Record<string, number>> = {};
  for (const month of months) {
    const end = lastDay(month);
    const inMonth = (date: unknown) => typeof date === 'string' && date.slice(0, 7) === month;
    const count: Record<string, number> = {
      referrals: 0,
      re_referrals: 0,
      referrals_nfa: 0,
      assessments_completed: 0,
      assessments_within_45_days: 0,
      section_47_started: 0,
      icpc_held: 0,
      icpc_within_15_days: 0,
      cp_plans_started: 0,
      cp_plans_started_repeat: 0,
      cin_open: 0,
      cp_plans_open: 0,
      cp_plans_over_two_years: 0,
      cla_open: 0,
      cla_started: 0,
      cla_ceased: 0,
      placement_moves: 0,
      care_leavers: 0,
      care_leavers_in_touch: 0,
    };
    for (const child of children) {
      const episodes = (child.social_care_episodes as Json[] | undefined) ?? [];
      const list = (episode: Json, name: string) => (episode[name] as Json[] | undefined) ?? [];
      const referralDates = episodes
        .map((e) => e.referral_date as string | undefined)
        .filter(Boolean) as string[];
      const cpStarts = episodes.flatMap((e) =>
        list(e, 'child_protection_plans').map((p) => p.start_date as string),
      );
      let cin = false;
      let onPlan = false;
      let longPlan = false;
      let looked = false;
      for (const episode of episodes) {
        const referral = episode.referral_date as string | undefined;
        if (inMonth(referral)) {
          count.referrals!++;
          const from = shiftYears(referral!, -1);
          if (referralDates.some((other) => other < referral! && other >= from)) count.re_referrals!++;
          if (episode.referral_no_further_action_flag === true) count.referrals_nfa!++;
        }
        if (episode.referral_no_further_action_flag !== true && openOn(referral, episode.closure_date, end))
          cin = true;
        for (const a of list(episode, 'child_and_family_assessments'))
          if (inMonth(a.authorisation_date)) {
            count.assessments_completed!++;
            if (workingDaysAfter(a.start_date as string, a.authorisation_date as string) <= 45)
              count.assessments_within_45_days!++;
          }
        for (const s of list(episode, 'section_47_assessments')) {
          if (inMonth(s.start_date)) count.section_47_started!++;
          if (inMonth(s.icpc_date)) {
            count.icpc_held!++;
            if (workingDaysAfter(s.start_date as string, s.icpc_date as string) <= 15)
              count.icpc_within_15_days!++;
          }
        }
        for (const p of list(episode, 'child_protection_plans')) {
          if (inMonth(p.start_date)) {
            count.cp_plans_started!++;
            if (cpStarts.some((other) => other < (p.start_date as string))) count.cp_plans_started_repeat!++;
          }
          if (openOn(p.start_date, p.end_date, end)) {
            onPlan = true;
            if ((p.start_date as string) <= shiftYears(end, -2)) longPlan = true;
          }
        }
        for (const l of list(episode, 'child_looked_after_placements')) {
          if (inMonth(l.start_date) && l.start_reason === 'S') count.cla_started!++;
          if (inMonth(l.start_date) && ['P', 'T', 'B', 'U'].includes(l.start_reason as string))
            count.placement_moves!++;
          if (inMonth(l.end_date) && typeof l.end_reason === 'string' && l.end_reason !== 'X1')
            count.cla_ceased!++;
          if (openOn(l.start_date, l.end_date, end)) looked = true;
        }
      }
      if (cin) count.cin_open!++;
      if (onPlan) count.cp_plans_open!++;
      if (longPlan) count.cp_plans_over_two_years!++;
      if (looked) count.cla_open!++;
      const leavers = episodes.map((e) => e.care_leavers as Json | undefined).filter(Boolean) as Json[];
      const dob = (child.child_details as Json | undefined)?.date_of_birth as string | undefined;
      if (leavers.length > 0 && dob) {
        const [by, bm] = dob.split('-').map(Number) as [number, number];
        const [ey, em] = end.split('-').map(Number) as [number, number];
        const age = ey - by - (em < bm ? 1 : 0);
        if (age >= 18 && age <= 21) {
          count.care_leavers!++;
          const latest = leavers
            .map((l) => l.contact_date as string)
            .sort()
            .at(-1);
          if (latest && latest <= end) {
            const [cy, cm] = latest.split('-').map(Number) as [number, number];
            const gap = ey * 12 + em - (cy * 12 + cm);
            if (gap >= 0 && gap <= 2) count.care_leavers_in_touch!++;
          }
        }
      }
    }
    result[month] = count;
  }
  return result;
}
