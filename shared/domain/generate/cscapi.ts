// Domain: synthetic CSC API payloads for one council: a full payload on the first day of a stretch, then one
// delta a day (only the children something happened to, and within them only the episodes touched), with
// purges at every level (a child, an episode, a record entered in error). The same seed gives the same payloads.
// The generator also keeps the children as they stand after the last day (purged records removed), so a test
// can work the measures out from them independently. Nothing here is real: names, UPNs and postcodes are made up.
import { type Day, dayFromParts, formatIsoDay } from '../dates.ts';
import { addYears, ageAt, dayBetween, ethnicity, upn } from './people.ts';
import { Postcodes } from './postcodes.ts';
import type { Random } from './random.ts';

type Json = Record<string, unknown>;

/** One child's document, as the payload sends it. */
export type ChildDocument = Json;

export interface CscapiDay {
  /** "2025-04-01". */
  readonly date: string;
  readonly kind: 'full' | 'delta';
  readonly documents: readonly ChildDocument[];
}

export interface CscapiStretch {
  readonly days: readonly CscapiDay[];
  /** Every child as it stands after the last day, whole (purged records removed). */
  readonly children: readonly ChildDocument[];
}

export interface CscapiRequest {
  readonly la: string;
  readonly collectionYear: number;
  readonly random: Random;
  /** Daily deltas after the full payload (the first is the day after the collection year starts). */
  readonly days: number;
  /** 1: a council of about 1,200 children with open or recent social care episodes. */
  readonly scale?: number;
}

const SYLLABLES = [
  'mar',
  'zel',
  'tor',
  'vin',
  'ros',
  'kai',
  'lun',
  'bre',
  'dax',
  'pim',
  'sol',
  'wen',
  'quo',
  'rix',
];
const name = (random: Random, syllables: number) => {
  const text = Array.from({ length: syllables }, () => random.pick(SYLLABLES)).join('');
  return text.charAt(0).toUpperCase() + text.slice(1);
};

const REFERRAL_SOURCES = ['1A', '1B', '1C', '2A', '3A', '3B', '3E', '4', '5A', '5B', '6', '8', '9', '10'];
const FACTORS = ['1B', '2B', '3B', '3C', '4B', '6C', '8B', '9A', '21', '20', '17A'];
const PLACE = ['U1', 'U4', 'U3', 'U6', 'K2', 'R1', 'P1', 'S1'];
const CHANGE = ['CARPL', 'CLOSE', 'CHILD', 'LAREQ', 'PLACE', 'OTHER'];
const CEASED = ['E11', 'E12', 'E13', 'E41', 'E45', 'E2', 'E3', 'E8'];
const ACTIVITY = ['F1', 'P1', 'F2', 'G4', 'G5', 'G6'];
const ACCOMMODATION = ['B1', 'C2', 'D1', 'E1', 'K2', 'S1', 'U1', 'V2'];

const LISTS = {
  child_and_family_assessments: 'child_and_family_assessment_id',
  child_in_need_plans: 'child_in_need_plan_id',
  section_47_assessments: 'section_47_assessment_id',
  child_protection_plans: 'child_protection_plan_id',
  child_looked_after_placements: 'child_looked_after_placement_id',
} as const;
type ListName = keyof typeof LISTS;

interface Touch {
  episodes: Set<string>;
  purgedEpisodes: Set<string>;
  purgedRecords: Map<string, { list: ListName; id: string }[]>;
  purged: boolean;
}

/** The council's children over a stretch of days, with the events that change them. */
class World {
  private readonly children = new Map<string, ChildDocument>();
  private readonly agenda = new Map<Day, (() => void)[]>();
  private touched = new Map<string, Touch>();
  private serial = 0;
  private readonly postcodes: Postcodes;

  constructor(
    private readonly la: string,
    private readonly random: Random,
    private readonly scale: number,
  ) {
    this.postcodes = new Postcodes(la, random.fork('postcodes'));
  }

  private id(prefix: string): string {
    this.serial++;
    return `${prefix}${String(this.serial).padStart(7, '0')}`;
  }

  private at(day: Day, event: () => void): void {
    const list = this.agenda.get(day);
    if (list) list.push(event);
    else this.agenda.set(day, [event]);
  }

  private touch(childId: string, episodeId?: string): Touch {
    let touch = this.touched.get(childId);
    if (!touch) {
      touch = { episodes: new Set(), purgedEpisodes: new Set(), purgedRecords: new Map(), purged: false };
      this.touched.set(childId, touch);
    }
    if (episodeId) touch.episodes.add(episodeId);
    return touch;
  }

  private newChild(today: Day, minAge: number, maxAge: number): ChildDocument {
    const random = this.random;
    const dob = dayBetween(random, addYears(today, -maxAge - 1) + 1, addYears(today, -minAge));
    const childId = this.id('C');
    const child: ChildDocument = {
      la_code: this.la,
      la_child_id: childId,
      mis_child_id: this.id('M'),
      purge: false,
      child_details: {
        unique_pupil_number: ageAt(dob, today) >= 4 ? upn(random, this.la) : null,
        first_name: name(random, 2),
        surname: name(random, 3),
        date_of_birth: formatIsoDay(dob),
        sex: random.chance(0.51) ? 'M' : 'F',
        ethnicity: ethnicity(random),
        disabilities: random.chance(0.1) ? ['LD'] : [],
        postcode: this.postcodes.home(),
        uasc_flag: false,
        purge: false,
      },
      social_care_episodes: [],
    };
    this.children.set(childId, child);
    return child;
  }

  private episodes(child: ChildDocument): Json[] {
    return child.social_care_episodes as Json[];
  }

  private episodeOf(childId: string, episodeId: string): Json | undefined {
    const child = this.children.get(childId);
    return child && this.episodes(child).find((episode) => episode.social_care_episode_id === episodeId);
  }

  /** Runs an event on an episode only if the child and the episode still exist (neither was purged). */
  private onEpisode(day: Day, childId: string, episodeId: string, event: (episode: Json) => void): void {
    this.at(day, () => {
      const episode = this.episodeOf(childId, episodeId);
      if (!episode) return;
      event(episode);
      this.touch(childId, episodeId);
    });
  }

  /** A referral today for a child (new or known), with what follows it scheduled. */
  referral(today: Day, child: ChildDocument): void {
    const random = this.random;
    const childId = child.la_child_id as string;
    const episodeId = this.id('E');
    const nfa = random.chance(0.3);
    const episode: Json = {
      social_care_episode_id: episodeId,
      referral_date: formatIsoDay(today),
      referral_source: random.pick(REFERRAL_SOURCES),
      referral_no_further_action_flag: nfa,
      care_worker_details: [],
      child_and_family_assessments: [],
      child_in_need_plans: [],
      section_47_assessments: [],
      child_protection_plans: [],
      child_looked_after_placements: [],
      purge: false,
    };
    if (nfa) {
      episode.closure_date = formatIsoDay(today);
      episode.closure_reason = 'RC9';
    }
    this.episodes(child).push(episode);
    this.touch(childId, episodeId);
    if (nfa) return;
    const worker = `W${random.int(100, 100 + Math.round(60 * this.scale))}`;
    (episode.care_worker_details as Json[]).push({ worker_id: worker, start_date: formatIsoDay(today) });
    const assessmentId = this.id('A');
    const started = today + random.int(0, 3);
    const authorised = started + random.pick([random.int(7, 55), random.int(7, 60), random.int(56, 110)]);
    this.onEpisode(started, childId, episodeId, (current) => {
      (current.child_and_family_assessments as Json[]).push({
        child_and_family_assessment_id: assessmentId,
        start_date: formatIsoDay(started),
        factors: [random.pick(FACTORS)],
        purge: false,
      });
    });
    this.onEpisode(authorised, childId, episodeId, (current) => {
      const assessment = (current.child_and_family_assessments as Json[]).find(
        (item) => item.child_and_family_assessment_id === assessmentId,
      );
      if (assessment) assessment.authorisation_date = formatIsoDay(authorised);
    });
    const route = random.next();
    if (route < 0.2) this.section47(today + random.int(0, 10), childId, episodeId);
    else if (route < 0.55) this.cinPlan(authorised + 1, childId, episodeId);
    else if (route < 0.6) this.lookedAfter(today + random.int(1, 30), childId, episodeId);
    else this.close(authorised + random.int(0, 10), childId, episodeId, 'RC8');
  }

  private close(day: Day, childId: string, episodeId: string, reason: string): void {
    this.onEpisode(day, childId, episodeId, (episode) => {
      episode.closure_date = formatIsoDay(day);
      episode.closure_reason = reason;
      for (const spell of episode.care_worker_details as Json[]) spell.end_date ??= formatIsoDay(day);
    });
  }

  private cinPlan(day: Day, childId: string, episodeId: string): void {
    const planId = this.id('N');
    const end = day + this.random.int(60, 400);
    this.onEpisode(day, childId, episodeId, (episode) => {
      (episode.child_in_need_plans as Json[]).push({
        child_in_need_plan_id: planId,
        start_date: formatIsoDay(day),
      });
    });
    this.onEpisode(end, childId, episodeId, (episode) => {
      const plan = (episode.child_in_need_plans as Json[]).find(
        (item) => item.child_in_need_plan_id === planId,
      );
      if (plan) plan.end_date = formatIsoDay(end);
    });
    this.close(end, childId, episodeId, 'RC1');
  }

  private section47(day: Day, childId: string, episodeId: string): void {
    const random = this.random;
    const enquiryId = this.id('S');
    const conference = random.chance(0.55);
    const icpc = day + random.int(3, 28);
    const end = conference ? icpc : day + random.int(5, 30);
    this.onEpisode(day, childId, episodeId, (episode) => {
      (episode.section_47_assessments as Json[]).push({
        section_47_assessment_id: enquiryId,
        start_date: formatIsoDay(day),
        icpc_required_flag: conference,
      });
    });
    this.onEpisode(end, childId, episodeId, (episode) => {
      const enquiry = (episode.section_47_assessments as Json[]).find(
        (item) => item.section_47_assessment_id === enquiryId,
      );
      if (!enquiry) return;
      enquiry.end_date = formatIsoDay(end);
      if (conference) enquiry.icpc_date = formatIsoDay(icpc);
    });
    if (conference && random.chance(0.8)) this.protectionPlan(icpc, childId, episodeId);
    else this.cinPlan(end + 1, childId, episodeId);
  }

  private protectionPlan(day: Day, childId: string, episodeId: string): void {
    const planId = this.id('P');
    const end = day + this.random.pick([this.random.int(90, 400), this.random.int(300, 800)]);
    this.onEpisode(day, childId, episodeId, (episode) => {
      (episode.child_protection_plans as Json[]).push({
        child_protection_plan_id: planId,
        start_date: formatIsoDay(day),
      });
    });
    this.onEpisode(end, childId, episodeId, (episode) => {
      const plan = (episode.child_protection_plans as Json[]).find(
        (item) => item.child_protection_plan_id === planId,
      );
      if (plan) plan.end_date = formatIsoDay(end);
    });
    if (this.random.chance(0.1)) this.lookedAfter(end, childId, episodeId);
    else this.close(end, childId, episodeId, 'RC1');
  }

  private lookedAfter(day: Day, childId: string, episodeId: string): void {
    const random = this.random;
    let start = day;
    let reason = 'S';
    const moves = random.pick([0, 0, 0, 1, 1, 2, 3]);
    for (let spell = 0; spell <= moves; spell++) {
      const placementId = this.id('L');
      const placed = start;
      const startReason = reason;
      const end = placed + random.int(30, 400);
      const last = spell === moves;
      const placementType = random.pick(PLACE);
      this.onEpisode(placed, childId, episodeId, (episode) => {
        (episode.child_looked_after_placements as Json[]).push({
          child_looked_after_placement_id: placementId,
          start_date: formatIsoDay(placed),
          start_reason: startReason,
          placement_type: placementType,
          postcode: this.postcodes.home(),
        });
      });
      this.onEpisode(end, childId, episodeId, (episode) => {
        const placement = (episode.child_looked_after_placements as Json[]).find(
          (item) => item.child_looked_after_placement_id === placementId,
        );
        if (!placement) return;
        placement.end_date = formatIsoDay(end);
        placement.end_reason = last ? random.pick(CEASED) : 'X1';
        if (!last) placement.change_reason = random.pick(CHANGE);
      });
      start = end;
      reason = random.pick(['P', 'P', 'T', 'B']);
      if (last) this.close(end, childId, episodeId, 'RC1');
    }
  }

  /** A young person who left care, with contact every month or two. */
  careLeaver(today: Day): void {
    const random = this.random;
    const child = this.newChild(today, 18, 20);
    const childId = child.la_child_id as string;
    const episodeId = this.id('E');
    const referral = today - random.int(900, 3000);
    this.episodes(child).push({
      social_care_episode_id: episodeId,
      referral_date: formatIsoDay(referral),
      referral_source: random.pick(REFERRAL_SOURCES),
      referral_no_further_action_flag: false,
      child_looked_after_placements: [
        {
          child_looked_after_placement_id: this.id('L'),
          start_date: formatIsoDay(referral + 30),
          start_reason: 'S',
          placement_type: random.pick(PLACE),
          postcode: this.postcodes.home(),
          end_date: formatIsoDay(addYears(dayOf(child), 18)),
          end_reason: 'E8',
        },
      ],
      care_leavers: {
        contact_date: formatIsoDay(today - random.int(0, 60)),
        activity: random.pick(ACTIVITY),
        accommodation: random.pick(ACCOMMODATION),
      },
      purge: false,
    });
    this.touch(childId, episodeId);
    let contact = today;
    for (let visit = 0; visit < 8; visit++) {
      contact += random.int(20, 75);
      const day = contact;
      this.onEpisode(day, childId, episodeId, (episode) => {
        episode.care_leavers = {
          contact_date: formatIsoDay(day),
          activity: random.pick(ACTIVITY),
          accommodation: random.pick(ACCOMMODATION),
        };
      });
    }
  }

  /** Purges something entered in error: a whole child now and then, an episode, or one record. */
  purgeSomething(): void {
    const random = this.random;
    const ids = [...this.children.keys()];
    if (ids.length === 0) return;
    const childId = ids[random.int(0, ids.length - 1)]!;
    const child = this.children.get(childId)!;
    const what = random.next();
    if (what < 0.15) {
      this.children.delete(childId);
      this.touch(childId).purged = true;
      return;
    }
    const episodes = this.episodes(child);
    if (episodes.length === 0) return;
    const episode = random.pick(episodes);
    const episodeId = episode.social_care_episode_id as string;
    if (what < 0.4) {
      child.social_care_episodes = episodes.filter((item) => item !== episode);
      const touch = this.touch(childId);
      touch.episodes.delete(episodeId);
      touch.purgedEpisodes.add(episodeId);
      return;
    }
    const lists = (Object.keys(LISTS) as ListName[]).filter(
      (list) => ((episode[list] as Json[] | undefined) ?? []).length > 0,
    );
    if (lists.length === 0) return;
    const list = random.pick(lists);
    const records = episode[list] as Json[];
    const record = random.pick(records);
    episode[list] = records.filter((item) => item !== record);
    const touch = this.touch(childId, episodeId);
    const purged = touch.purgedRecords.get(episodeId) ?? [];
    purged.push({ list, id: record[LISTS[list]] as string });
    touch.purgedRecords.set(episodeId, purged);
  }

  /** Everything due today, then the day's changes as a delta. */
  day(today: Day): ChildDocument[] {
    const random = this.random;
    for (const event of this.agenda.get(today) ?? []) event();
    this.agenda.delete(today);
    // Day 0 (1970-01-01) was a Thursday: (day + 4) % 7 is 0 on Sundays and 6 on Saturdays.
    const weekday = (today + 4) % 7 !== 0 && (today + 4) % 7 !== 6;
    const referrals = Math.round(this.scale * (random.int(0, 8) + (weekday ? 4 : 0)) * 0.6);
    const known = [...this.children.values()];
    for (let count = 0; count < referrals; count++) {
      const again = known.length > 0 && random.chance(0.22);
      this.referral(today, again ? random.pick(known) : this.newChild(today, 0, 17));
    }
    if (random.chance(0.1 * this.scale)) this.careLeaver(today);
    if (random.chance(0.5)) this.purgeSomething();
    return this.delta();
  }

  /** The children touched since the last delta, each with the episodes touched and the purges. */
  private delta(): ChildDocument[] {
    const documents: ChildDocument[] = [];
    for (const [childId, touch] of this.touched) {
      if (touch.purged) {
        documents.push({ la_code: this.la, la_child_id: childId, purge: true });
        continue;
      }
      const child = this.children.get(childId);
      if (!child) continue;
      const episodes: Json[] = [];
      for (const episode of this.episodes(child)) {
        const id = episode.social_care_episode_id as string;
        if (!touch.episodes.has(id) && !touch.purgedRecords.has(id)) continue;
        const sent: Json = structuredClone(episode);
        for (const { list, id: recordId } of touch.purgedRecords.get(id) ?? [])
          sent[list] = [
            ...((sent[list] as Json[] | undefined) ?? []),
            { [LISTS[list]]: recordId, purge: true },
          ];
        episodes.push(sent);
      }
      for (const id of touch.purgedEpisodes) episodes.push({ social_care_episode_id: id, purge: true });
      documents.push({ ...structuredClone(child), social_care_episodes: episodes });
    }
    this.touched = new Map();
    return documents;
  }

  /** Every child, whole, as a full payload sends them. */
  all(): ChildDocument[] {
    this.touched = new Map();
    return [...this.children.values()].map((child) => structuredClone(child));
  }
}

const dayOf = (child: ChildDocument): Day => {
  const text = (child.child_details as Json).date_of_birth as string;
  return dayFromParts(Number(text.slice(0, 4)), Number(text.slice(5, 7)), Number(text.slice(8, 10)))!;
};

/**
 * A full payload on the first day of the collection year (the council's history of the two years before it
 * played out first), then `days` daily deltas.
 */
export function generateCscapiStretch(request: CscapiRequest): CscapiStretch {
  const scale = request.scale ?? 1;
  const world = new World(request.la, request.random, scale);
  const first = dayFromParts(request.collectionYear - 1, 4, 1)!;
  for (let day = first - 730; day < first; day++) world.day(day);
  const days: CscapiDay[] = [{ date: formatIsoDay(first - 1), kind: 'full', documents: world.all() }];
  for (let offset = 0; offset < request.days; offset++) {
    const day = first + offset;
    days.push({ date: formatIsoDay(day), kind: 'delta', documents: world.day(day) });
  }
  return { days, children: world.all() };
}

/** A payload as newline-delimited JSON, one child's document a line. */
export const asNdjson = (documents: readonly ChildDocument[]): string =>
  documents.map((document) => `${JSON.stringify(document)}\n`).join('');
