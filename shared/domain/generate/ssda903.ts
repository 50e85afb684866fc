// Domain: a synthetic SSDA903 return (children looked after) as the CSV tables a council uploads. Children
// are made to match the council's published figures (targets.ts): how many are looked after at 31 March and
// start in the year, how often they move, go missing or change social worker, and how care leavers fare.
import { type Day, dayFromParts, formatUkDay } from '../dates.ts';
import type { TableName } from '../ssda903/model.ts';
import { schemaForYear } from '../ssda903/schema.ts';
import { addDays, addYears, ageAt, dayBetween, ethnicity, upn } from './people.ts';
import { Postcodes } from './postcodes.ts';
import { chooseExactly, type Random } from './random.ts';
import type { Targets } from './targets.ts';

export interface GeneratedFile {
  readonly name: string;
  readonly content: string;
}

interface Episode {
  start: Day;
  end: Day | null;
  rne: string;
  ls: string;
  place: string;
  provider: string;
  urn: string;
  rec: string;
  reasonPlaceChange: string;
  /** Placement postcode (made up: postcodes.ts). */
  plPost: string;
}

interface Child {
  readonly id: string;
  readonly sex: 'M' | 'F';
  readonly dob: Day;
  readonly ethnic: string;
  readonly upn: string;
  /** Home postcode (made up: postcodes.ts). */
  readonly homePost: string;
  readonly episodes: Episode[];
  readonly reviews: Day[];
  readonly missing: { start: Day; end: Day | null; kind: 'M' | 'A' }[];
  readonly workers: { id: string; start: Day; end: Day | null; reason: string }[];
  careLeaver?: { inTouch: string; activ: string; accom: string };
  oc2?: boolean;
}

/** Table file names, as councils' case systems usually write them. */
export const FILE_NAMES: Partial<Record<TableName, string>> = {
  Header: 'header.csv',
  Episodes: 'episodes.csv',
  Reviews: 'reviews.csv',
  OC2: 'oc2.csv',
  OC3: 'oc3.csv',
  Missing: 'missing.csv',
  SWEpisodes: 'sw_episodes.csv',
};

const FOSTER = ['U1', 'U2', 'U3', 'U4', 'U5', 'U6'];
const EET_ACTIVITIES = ['F1', 'P1', 'F2', 'P2', 'F4', 'P4'];
const NOT_EET_ACTIVITIES = ['G4', 'G5', 'G6'];
const SUITABLE_ACCOMMODATION = ['B1', 'C1', 'D1', 'E1', 'H1', 'K1', 'R1', 'S1', 'T1', 'U1', 'V1', 'X1'];
const UNSUITABLE_ACCOMMODATION = ['B2', 'C2', 'D2', 'E2', 'H2', 'K2', 'R2', 'S2', 'T2', 'U2', 'V2', 'X2'];
const WORKER_REASONS = ['MANAGE', 'LEFTRL', 'ORGRST', 'CHCHAN', 'OTHERS'];
const ADOPTED = ['E11', 'E12'];
/** Placed for adoption under a placement order, not with the child's foster carer. */
const PLACED_FOR_ADOPTION = { place: 'A6', provider: 'PR1', urn: 'XXXXXXX' };

export interface Ssda903Options {
  readonly la: string;
  readonly year: number;
  readonly random: Random;
  readonly targets: Targets;
  /** Multiplies every count (children), to make a smaller or larger return than the council's. */
  readonly scale?: number;
}

class Ssda903Builder {
  readonly periodStart: Day;
  readonly periodEnd: Day;
  readonly children: Child[] = [];
  private nextId = 1;
  private readonly places: readonly string[];
  /** Postcodes draw from their own stream, so adding them left every other part of a return as it was. */
  private readonly postcodes: Postcodes;

  constructor(private readonly options: Ssda903Options) {
    this.periodStart = dayFromParts(options.year - 1, 4, 1)!;
    this.periodEnd = dayFromParts(options.year, 3, 31)!;
    const allowed = new Set(schemaForYear(options.year).tables.get('Episodes')!.fields.get('PLACE')!.codes);
    this.places = [...FOSTER, 'K2', 'P1'].filter((place) => allowed.has(place));
    this.postcodes = new Postcodes(options.la, options.random.fork('postcodes'));
  }

  private get random(): Random {
    return this.options.random;
  }

  private newChild(dob: Day): Child {
    const id = `${this.options.la}${String(this.nextId++).padStart(6, '0')}`;
    const child: Child = {
      id,
      sex: this.random.chance(0.56) ? 'M' : 'F',
      dob,
      ethnic: ethnicity(this.random),
      upn: upn(this.random, this.options.la),
      homePost: this.postcodes.home(),
      episodes: [],
      reviews: [],
      missing: [],
      workers: [],
    };
    this.children.push(child);
    return child;
  }

  /** A date of birth for a child looked after at `day`, aged from `minAge` to `maxAge` then. */
  private dobFor(day: Day, minAge: number, maxAge: number): Day {
    const age = this.random.int(minAge, maxAge);
    return addDays(addYears(day, -age - 1), this.random.int(1, 364));
  }

  private placement(child: Child, start: Day, ls: string): Pick<Episode, 'place' | 'provider' | 'urn'> {
    const age = ageAt(child.dob, start);
    const place =
      age >= 10 && this.random.chance(0.18)
        ? 'K2'
        : ls !== 'V2' && this.random.chance(0.05)
          ? 'P1'
          : this.random.pick(FOSTER.slice(0, 4));
    if (!this.places.includes(place)) return { place: 'U1', provider: 'PR1', urn: 'XXXXXXX' };
    if (place === 'K2')
      return {
        place,
        provider: this.random.pick(['PR1', 'PR4']),
        urn: `SC${this.random.int(100000, 999999)}`,
      };
    if (place === 'P1') return { place, provider: 'PR0', urn: 'XXXXXXX' };
    return { place, provider: place === 'U1' || place === 'U4' ? 'PR1' : 'PR4', urn: 'XXXXXXX' };
  }

  /** A placement that differs from the one before in at least its code or provider (a move, not a relabel). */
  private otherPlacement(
    child: Child,
    start: Day,
    ls: string,
    before: Pick<Episode, 'place' | 'provider' | 'urn'>,
  ) {
    for (let attempt = 0; attempt < 6; attempt += 1) {
      const next = this.placement(child, start, ls);
      if (next.place !== before.place) return next;
    }
    return { place: before.place === 'U2' ? 'U3' : 'U2', provider: 'PR4', urn: 'XXXXXXX' };
  }

  /**
   * The child's episodes from `careStart` to `careEnd` (null: still looked after), with placement moves on the
   * given days and now and then a change of legal status. A child adopted (`reason` E11 or E12) was placed for
   * adoption under a placement order first (A6, legal status E1), and stays in that placement to the end.
   */
  private episodes(
    child: Child,
    careStart: Day,
    careEnd: Day | null,
    moves: readonly Day[],
    reason: string,
  ): void {
    const placedForAdoption =
      careEnd !== null && ADOPTED.includes(reason)
        ? dayBetween(this.random, Math.max(careStart, careEnd - 270), careEnd - 14)
        : null;
    const until = placedForAdoption ?? careEnd;
    const changes = [...new Set(moves)]
      .filter((day) => day > careStart && (until === null || day < until))
      .sort((a, b) => a - b);
    const last = Math.min(until ?? this.periodEnd, this.periodEnd);
    const legal = this.random.chance(0.3) ? dayBetween(this.random, careStart + 10, careStart + 120) : null;
    const points: { day: Day; rne: string }[] = changes.map((day) => ({ day, rne: 'P' }));
    if (legal !== null && legal < last && !changes.includes(legal)) points.push({ day: legal, rne: 'L' });
    points.sort((a, b) => a.day - b.day);
    if (placedForAdoption !== null && placedForAdoption > careStart)
      points.push({ day: placedForAdoption, rne: 'B' });
    let ls = this.random.chance(0.35) ? 'V2' : 'C2';
    let placement = this.placement(child, careStart, ls);
    if (placedForAdoption === careStart) {
      ls = 'E1';
      placement = PLACED_FOR_ADOPTION;
    }
    let plPost = this.postcodes.placement(placement.place, child.homePost);
    let current: Episode = {
      start: careStart,
      end: null,
      rne: 'S',
      ls,
      ...placement,
      rec: '',
      reasonPlaceChange: '',
      plPost,
    };
    child.episodes.push(current);
    for (const point of points) {
      current.end = point.day;
      current.rec = 'X1';
      if (point.rne === 'B') {
        current.reasonPlaceChange = 'CARPL';
        ls = 'E1';
        placement = PLACED_FOR_ADOPTION;
        plPost = this.postcodes.placement(placement.place, child.homePost);
      } else if (point.rne === 'P') {
        current.reasonPlaceChange = this.random.pick(['CARPL', 'PLACE', 'CHILD', 'LAREQ', 'STAND']);
        placement = this.otherPlacement(child, point.day, ls, placement);
        plPost = this.postcodes.placement(placement.place, child.homePost);
      } else {
        ls = ls === 'V2' ? 'C2' : 'C1';
      }
      current = {
        start: point.day,
        end: null,
        rne: point.rne,
        ls,
        ...placement,
        rec: '',
        reasonPlaceChange: '',
        plPost,
      };
      child.episodes.push(current);
    }
    if (careEnd !== null) {
      current.end = careEnd;
      current.rec = reason;
    }
  }

  /** Statutory reviews: 20 working days or so after care starts, then at 3 months, then every 6 months. */
  private reviews(child: Child, careStart: Day, careEnd: Day | null): void {
    const last = Math.min(careEnd ?? this.periodEnd, this.periodEnd);
    let review = careStart + 28;
    let gap = 91;
    while (review <= last) {
      if (review >= this.periodStart) child.reviews.push(review);
      review += gap - this.random.int(0, 14);
      gap = 182;
    }
  }

  private socialWorkers(child: Child, careStart: Day, careEnd: Day | null, many: boolean): void {
    const from = Math.max(careStart, this.periodStart - 200);
    const to = careEnd ?? this.periodEnd;
    const inYearFrom = Math.max(from, this.periodStart);
    const count = many ? this.random.int(3, 4) : this.random.int(1, 2);
    const changes: Day[] = [];
    for (let index = 1; index < count; index += 1)
      changes.push(dayBetween(this.random, inYearFrom + 1, Math.max(inYearFrom + 1, to - 1)));
    changes.sort((a, b) => a - b);
    const unique = [...new Set(changes)].filter((day) => day > from && day < to);
    let start = from;
    // Every episode carries a reason, the child's first one too (the open one must be complete at 31 March).
    let reason = 'OTHERS';
    for (const change of unique) {
      child.workers.push({ id: this.worker(), start, end: change, reason });
      start = change;
      reason = this.random.pick(WORKER_REASONS);
    }
    child.workers.push({ id: this.worker(), start, end: careEnd, reason });
  }

  private worker(): string {
    return `SW${String(this.random.int(1, 400)).padStart(4, '0')}`;
  }

  build(): void {
    const { targets } = this.options;
    const scale = this.options.scale ?? 1;
    const atEnd = Math.max(1, Math.round(targets.count('cla-rate', 70) * scale));
    const starters = Math.max(1, Math.round(targets.count('cla-starting-rate', 25) * scale));
    const startersStaying = Math.min(Math.round(atEnd * 0.5), Math.round(starters * 0.55));
    const startersLeaving = starters - startersStaying;
    const earlierLeaving = Math.round(starters * 0.5);
    const { periodStart, periodEnd } = this;

    // Children looked after at 31 March: who moved three times or more this year, who has been with the same
    // carer for two years (of those under 16 looked after for 2.5 years), who had three social workers.
    const staying: { child: Child; careStart: Day; eligibleLongTerm: boolean }[] = [];
    for (let index = 0; index < atEnd; index += 1) {
      const startedThisYear = index < startersStaying;
      // A child looked after since before the year was born before it (a newborn would be a starter).
      let dob = startedThisYear ? this.dobFor(periodEnd, 0, 17) : this.dobFor(periodStart - 30, 0, 16);
      // Still looked after at 31 March, so not yet 18 then: those past 18 would need section 20(5) (rule 359).
      if (addYears(dob, 18) < periodEnd) dob = this.dobFor(periodEnd, 17, 17);
      const child = this.newChild(dob);
      const earliest = Math.max(dob + 1, periodStart - 9 * 365);
      const careStart = startedThisYear
        ? dayBetween(this.random, Math.max(periodStart, dob + 1), periodEnd - 30)
        : dayBetween(this.random, earliest, periodStart - 1);
      const eligibleLongTerm = periodEnd - careStart >= 913 && ageAt(dob, periodEnd) < 16;
      staying.push({ child, careStart, eligibleLongTerm });
    }
    const eligible = staying.filter((entry) => entry.eligibleLongTerm);
    const longTermStable = chooseExactly(
      this.random,
      eligible.length,
      targets.share('long-term-stability', 70),
    );
    const stableSet = new Set(
      eligible.filter((_, index) => longTermStable[index]).map((entry) => entry.child),
    );
    const movable = staying.filter(
      (entry) => !stableSet.has(entry.child) && entry.careStart < periodEnd - 60,
    );
    const unstableCount = Math.min(
      movable.length,
      Math.round(targets.share('placement-instability', 10) * atEnd),
    );
    const unstable = chooseExactly(
      this.random,
      movable.length,
      movable.length === 0 ? 0 : unstableCount / movable.length,
    );
    const unstableSet = new Set(movable.filter((_, index) => unstable[index]).map((entry) => entry.child));
    const manyWorkers = chooseExactly(this.random, atEnd, targets.share('social-worker-changes', 20));

    staying.forEach(({ child, careStart }, index) => {
      const moves: Day[] = [];
      const firstInYear = Math.max(careStart, periodStart);
      if (unstableSet.has(child)) {
        for (let move = 0; move < this.random.int(2, 3); move += 1)
          moves.push(dayBetween(this.random, firstInYear + 1, periodEnd - 1));
      } else if (stableSet.has(child)) {
        const lastMove = periodEnd - 730 - this.random.int(10, 400);
        if (lastMove > careStart + 30) moves.push(dayBetween(this.random, careStart + 1, lastMove));
      } else {
        if (careStart < periodStart - 60)
          moves.push(dayBetween(this.random, Math.max(careStart + 1, periodEnd - 729), periodStart - 1));
        if (this.random.chance(0.4)) moves.push(dayBetween(this.random, firstInYear + 1, periodEnd - 1));
      }
      // An early move in a long stay; for a child with the same carer for two years, before those two years.
      const earlyMoveBy = stableSet.has(child) ? Math.min(careStart + 300, periodEnd - 740) : careStart + 300;
      if (careStart < periodStart - 400 && earlyMoveBy > careStart + 1 && this.random.chance(0.5))
        moves.push(dayBetween(this.random, careStart + 1, earlyMoveBy));
      this.episodes(child, careStart, null, moves, '');
      this.reviews(child, careStart, null);
      this.socialWorkers(child, careStart, null, manyWorkers[index]!);
      child.oc2 = careStart <= periodEnd - 365;
    });

    // Children who left care during the year: some started this year, some earlier.
    for (let index = 0; index < startersLeaving + earlierLeaving; index += 1) {
      const startedThisYear = index < startersLeaving;
      const dob = startedThisYear ? this.dobFor(periodEnd, 1, 18) : this.dobFor(periodStart, 1, 17);
      const child = this.newChild(dob);
      const eighteenth = addYears(dob, 18);
      const careStart = startedThisYear
        ? dayBetween(this.random, Math.max(periodStart, dob + 1), periodEnd - 60)
        : dayBetween(this.random, Math.max(dob + 1, periodStart - 4 * 365), periodStart - 30);
      if (careStart >= eighteenth - 20) {
        this.children.pop();
        index -= 1;
        continue;
      }
      let careEnd = dayBetween(this.random, Math.max(careStart + 20, periodStart + 1), periodEnd - 1);
      let reason = this.random.pick(['E4A', 'E4A', 'E13', 'E41', 'E11', 'E8']);
      if (eighteenth <= periodEnd && eighteenth > Math.max(careStart + 20, periodStart)) {
        careEnd = eighteenth;
        reason = this.random.pick(['E8', 'E5', 'E6']);
      } else if (careEnd >= eighteenth) {
        careEnd = eighteenth - 1;
      }
      if (reason === 'E11' && ageAt(dob, careEnd) >= 10) reason = 'E41';
      const moves = this.random.chance(0.3) ? [dayBetween(this.random, careStart + 1, careEnd - 1)] : [];
      this.episodes(child, careStart, careEnd, moves, reason);
      this.reviews(child, careStart, careEnd);
      this.socialWorkers(child, careStart, careEnd, false);
    }

    this.wentMissing();
    this.careLeavers(atEnd);
  }

  /** Children looked after in the year who went missing, as many as the council's published share. */
  private wentMissing(): void {
    const inYear = this.children.filter((child) => child.episodes.length > 0);
    const share = this.options.targets.share('missing-from-care', 11);
    const chosen = chooseExactly(this.random, inYear.length, share);
    inYear.forEach((child, index) => {
      const from = Math.max(child.episodes[0]!.start, this.periodStart);
      const to = Math.min(child.episodes.at(-1)!.end ?? this.periodEnd, this.periodEnd) - 3;
      if (to <= from) return;
      if (chosen[index]) {
        const starts = [
          ...new Set(Array.from({ length: this.random.int(1, 3) }, () => dayBetween(this.random, from, to))),
        ];
        starts.sort((a, b) => a - b);
        starts.forEach((start, at) => {
          const end = Math.min(start + this.random.int(0, 2), (starts[at + 1] ?? to + 3) - 1);
          child.missing.push({ start, end: Math.max(start, end), kind: 'M' });
        });
      } else if (this.random.chance(0.03)) {
        const start = dayBetween(this.random, from, to);
        child.missing.push({ start, end: start + 1, kind: 'A' });
      }
    });
  }

  /** Care leavers turning 17 to 21 in the year, with activity, accommodation and contact on the published shares. */
  private careLeavers(atEnd: number): void {
    const { targets } = this.options;
    const count = Math.max(3, Math.round(atEnd * 0.35));
    // Those out of touch count as neither in suitable accommodation nor in education, employment or training,
    // so the shares are placed among the young people in touch.
    const notInTouch = chooseExactly(this.random, count, targets.share('care-leavers-not-in-touch', 5));
    const inTouch = notInTouch.filter((out) => !out).length;
    const amongInTouch = (indicator: string, fallback: number) =>
      chooseExactly(
        this.random,
        inTouch,
        inTouch === 0 ? 0 : (targets.share(indicator, fallback) * count) / inTouch,
      );
    const suitable = amongInTouch('care-leavers-suitable-accommodation', 88);
    const eet = amongInTouch('care-leavers-eet', 55);
    let next = 0;
    for (let index = 0; index < count; index += 1) {
      const birthday = dayBetween(this.random, this.periodStart, this.periodEnd);
      const age = this.random.pick([19, 20, 21]);
      const dob = addYears(birthday, -age);
      const child = this.newChild(dob);
      if (notInTouch[index]) {
        child.careLeaver = { inTouch: this.random.pick(['NO', 'REFU']), activ: '0', accom: '0' };
        continue;
      }
      child.careLeaver = {
        inTouch: 'YES',
        activ: eet[next] ? this.random.pick(EET_ACTIVITIES) : this.random.pick(NOT_EET_ACTIVITIES),
        accom: suitable[next]
          ? this.random.pick(SUITABLE_ACCOMMODATION)
          : this.random.pick(UNSUITABLE_ACCOMMODATION),
      };
      next += 1;
    }
  }
}

function csv(columns: readonly string[], rows: readonly Readonly<Record<string, string>>[]): string {
  const lines = [
    columns.join(','),
    ...rows.map((row) => columns.map((column) => row[column] ?? '').join(',')),
  ];
  return `${lines.join('\r\n')}\r\n`;
}

/** The return as CSV files, one per table collected in the year. */
export function generateSsda903(options: Ssda903Options): GeneratedFile[] {
  const builder = new Ssda903Builder(options);
  builder.build();
  const schema = schemaForYear(options.year);
  const sexCode = (sex: 'M' | 'F') => (options.year >= 2025 ? sex : sex === 'M' ? '1' : '2');
  const uk = (day: Day | null) => (day === null ? '' : formatUkDay(day));
  const rows: Partial<Record<TableName, Record<string, string>[]>> = {};
  const add = (table: TableName, row: Record<string, string>) => {
    rows[table] ??= [];
    rows[table].push(row);
  };

  for (const child of builder.children) {
    const base = { CHILD: child.id, DOB: uk(child.dob) };
    const mother = child.sex === 'F' && child.episodes.length > 0 ? '0' : '';
    add('Header', { ...base, SEX: sexCode(child.sex), ETHNIC: child.ethnic, UPN: child.upn, MOTHER: mother });
    for (const episode of child.episodes) {
      add('Episodes', {
        CHILD: child.id,
        DECOM: uk(episode.start),
        RNE: episode.rne,
        LS: episode.ls,
        CIN: 'N1',
        PLACE: episode.place,
        PLACE_PROVIDER: episode.provider,
        DEC: uk(episode.end),
        REC: episode.end === null ? '' : episode.rec,
        REASON_PLACE_CHANGE: episode.reasonPlaceChange,
        URN: episode.urn,
        HOME_POST: child.homePost,
        PL_POST: episode.plPost,
      });
    }
    for (const review of child.reviews)
      add('Reviews', {
        ...base,
        REVIEW: uk(review),
        REVIEW_CODE: ageAt(child.dob, review) < 4 ? 'PN0' : 'PN1',
      });
    for (const missing of child.missing)
      add('Missing', {
        ...base,
        MISSING: missing.kind,
        MIS_START: uk(missing.start),
        MIS_END: uk(missing.end),
      });
    if (schema.tables.has('SWEpisodes'))
      for (const worker of child.workers)
        add('SWEpisodes', {
          ...base,
          SW_ID: worker.id,
          SW_DECOM: uk(worker.start),
          SW_DEC: uk(worker.end),
          SW_REASON: worker.reason,
        });
    if (child.careLeaver)
      add('OC3', {
        ...base,
        IN_TOUCH: child.careLeaver.inTouch,
        ACTIV: child.careLeaver.activ,
        ACCOM: child.careLeaver.accom,
      });
    if (child.oc2) {
      const age = ageAt(child.dob, builder.periodEnd);
      add('OC2', {
        ...base,
        SDQ_SCORE: age >= 4 && age <= 16 ? String(builder.periodEnd % 30) : '',
        // Under 4 there is no SDQ, so neither a score nor a reason (rule 188).
        SDQ_REASON: age > 16 ? 'SDQ1' : '',
        CONVICTED: age >= 10 ? '0' : '',
        // Development assessments are asked about children under 5 only (rules 545 and 546).
        HEALTH_CHECK: age < 5 ? '1' : '',
        IMMUNISATIONS: '1',
        TEETH_CHECK: '1',
        HEALTH_ASSESSMENT: '1',
        SUBSTANCE_MISUSE: '0',
        INTERVENTION_RECEIVED: '',
        INTERVENTION_OFFERED: '',
      });
    }
  }
  const files: GeneratedFile[] = [];
  for (const [table, name] of Object.entries(FILE_NAMES) as [TableName, string][]) {
    const spec = schema.tables.get(table);
    if (!spec) continue;
    files.push({ name, content: csv(spec.columns, rows[table] ?? []) });
  }
  return files;
}
