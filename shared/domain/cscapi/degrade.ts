// Domain: what is kept of a child's document at the door (docs/cscapi.md, "What is kept"). Names, UPNs,
// postcodes, disabilities, ethnicity, health and education records are dropped; the child's and workers' ids
// and the episode and record ids are keyed with the council's key (as for the other returns); the date of birth
// is kept to its month; an end date within a day of the 18th birthday is kept as the last day of its month
// (it would date the birth), which leaves every month-end count unchanged. What remains is what the in-year
// measures need, as a change to apply to the council's current state (state.ts): a record sent replaces that
// record; a record flagged purge is deleted; a record not sent is left as it was.
import { type Day, dayFromParts, dayParts, parseIsoDate } from '../dates.ts';
import { eighteenthBirthday, pseudonymiseChild, revealsBirthday } from '../privacy.ts';

export interface Assessment {
  readonly start: Day | null;
  readonly authorised: Day | null;
}
export interface Plan {
  readonly start: Day | null;
  readonly end: Day | null;
}
export interface Section47 {
  readonly start: Day | null;
  readonly icpcRequired: boolean | null;
  readonly icpc: Day | null;
  readonly end: Day | null;
}
export interface Placement {
  readonly start: Day | null;
  readonly startReason: string | null;
  readonly placementType: string | null;
  readonly end: Day | null;
  readonly endReason: string | null;
  readonly changeReason: string | null;
}
export interface WorkerSpell {
  readonly worker: string;
  readonly start: Day | null;
  readonly end: Day | null;
}
export interface Adoption {
  readonly decision: Day | null;
  readonly matched: Day | null;
  readonly placed: Day | null;
}
export interface CareLeaver {
  readonly contact: Day | null;
  readonly activity: string | null;
  readonly accommodation: string | null;
}

/** Records of one kind within an episode, by keyed id. */
export type Records<T> = Readonly<Record<string, T>>;

export interface Episode {
  readonly referral: Day | null;
  readonly referralSource: string | null;
  readonly noFurtherAction: boolean | null;
  readonly closure: Day | null;
  readonly closureReason: string | null;
  readonly workers: readonly WorkerSpell[];
  readonly assessments: Records<Assessment>;
  readonly cinPlans: Records<Plan>;
  readonly section47s: Records<Section47>;
  readonly cpPlans: Records<Plan>;
  readonly placements: Records<Placement>;
  readonly adoption: Adoption | null;
  readonly careLeaver: CareLeaver | null;
}

/** A child as kept in the council's current state: keyed, nothing that names or locates them. */
export interface KeptChild {
  /** "2012-07": the month of birth only. */
  readonly birthMonth: string | null;
  readonly episodes: Records<Episode>;
}

export type RecordChange<T> =
  | { readonly id: string; readonly purge: true }
  | { readonly id: string; readonly purge: false; readonly record: T };

export type EpisodeLists = 'assessments' | 'cinPlans' | 'section47s' | 'cpPlans' | 'placements';

export interface EpisodeChange {
  readonly id: string;
  readonly purge: boolean;
  /** The episode's own fields that were sent (none for a purge). */
  readonly fields?: Partial<Omit<Episode, EpisodeLists | 'workers' | 'adoption' | 'careLeaver'>>;
  /** Sent as a whole list, replacing the earlier one; undefined when not sent. */
  readonly workers?: readonly WorkerSpell[];
  readonly lists: { readonly [List in EpisodeLists]: readonly RecordChange<Episode[List][string]>[] };
  /** null: purged; undefined: not sent. */
  readonly adoption?: Adoption | null;
  readonly careLeaver?: CareLeaver | null;
}

export interface ChildChange {
  readonly key: string;
  readonly purge: boolean;
  /** null: details purged or no date of birth sent; undefined: details not sent. */
  readonly birthMonth?: string | null;
  readonly episodes: readonly EpisodeChange[];
}

type Json = Record<string, unknown>;

const obj = (value: unknown): Json | null =>
  typeof value === 'object' && value !== null && !Array.isArray(value) ? (value as Json) : null;
const list = (value: unknown): Json[] =>
  Array.isArray(value) ? value.map(obj).filter((item): item is Json => item !== null) : [];
const str = (value: unknown): string | null =>
  typeof value === 'string' && value !== '' ? value : typeof value === 'number' ? String(value) : null;
const bool = (value: unknown): boolean | null => (typeof value === 'boolean' ? value : null);
const day = (value: unknown): Day | null => (typeof value === 'string' ? parseIsoDate(value) : null);

/** The last day of the month a day is in. */
export function monthEnd(value: Day): Day {
  const { year, month } = dayParts(value);
  return dayFromParts(month === 12 ? year + 1 : year, month === 12 ? 1 : month + 1, 1)! - 1;
}

/** Keys a child's id with the council's key (the same keying as the other returns). */
export const childKeyOf = (childId: string, councilKey: Buffer): string =>
  pseudonymiseChild(childId, councilKey);

/** Keys any other id (episode, record, worker) in its own space, so equal ids of different kinds differ. */
const keyed = (kind: string, id: string, councilKey: Buffer): string =>
  pseudonymiseChild(`${kind}:${id}`, councilKey).slice(0, 20);

/**
 * The change a checked child document makes, degraded. `keptBirthMonth` is the month of birth already kept for
 * the child, used for the 18th birthday rule when this document does not send the child's details.
 */
export function degradeChild(
  document: Json,
  councilKey: Buffer,
  keptBirthMonth?: string | null,
): ChildChange {
  const key = childKeyOf(String(document.la_child_id), councilKey);
  if (document.purge === true) return { key, purge: true, episodes: [] };
  const details = obj(document.child_details);
  let birthMonth: string | null | undefined;
  if (details) birthMonth = details.purge === true ? null : (str(details.date_of_birth)?.slice(0, 7) ?? null);
  const month = birthMonth ?? keptBirthMonth ?? null;
  const eighteenth = month ? eighteenthBirthday(parseIsoDate(`${month}-01`)!) : null;
  // The month kept is the only birth date there is: any end date in the month of the 18th birthday is moved to
  // the month's end, so the kept dates never narrow the birth down further than the month.
  const end = (value: unknown): Day | null => {
    const parsed = day(value);
    if (parsed === null || eighteenth === null) return parsed;
    const inBirthdayMonth = revealsBirthday(parsed, eighteenth) || sameMonth(parsed, eighteenth);
    return inBirthdayMonth ? monthEnd(parsed) : parsed;
  };
  const episodes = list(document.social_care_episodes).map((episode) =>
    degradeEpisode(episode, councilKey, end),
  );
  return { key, purge: false, ...(birthMonth !== undefined ? { birthMonth } : {}), episodes };
}

const sameMonth = (a: Day, b: Day) => {
  const x = dayParts(a);
  const y = dayParts(b);
  return x.year === y.year && x.month === y.month;
};

function changes<T>(
  records: unknown,
  idField: string,
  kind: string,
  councilKey: Buffer,
  make: (record: Json) => T,
): RecordChange<T>[] {
  return list(records).map((record) => {
    const id = keyed(kind, String(record[idField]), councilKey);
    return record.purge === true ? { id, purge: true } : { id, purge: false, record: make(record) };
  });
}

function degradeEpisode(
  episode: Json,
  councilKey: Buffer,
  end: (value: unknown) => Day | null,
): EpisodeChange {
  const id = keyed('episode', String(episode.social_care_episode_id), councilKey);
  const empty = { assessments: [], cinPlans: [], section47s: [], cpPlans: [], placements: [] };
  if (episode.purge === true) return { id, purge: true, lists: empty };
  const adoption = obj(episode.adoption);
  const careLeaver = obj(episode.care_leavers);
  // An episode may be sent for the records in it alone: its own fields not sent are left as they were.
  const sent = (field: string) => Object.hasOwn(episode, field);
  const fields = {
    ...(sent('referral_date') ? { referral: day(episode.referral_date) } : {}),
    ...(sent('referral_source') ? { referralSource: str(episode.referral_source) } : {}),
    ...(sent('referral_no_further_action_flag')
      ? { noFurtherAction: bool(episode.referral_no_further_action_flag) }
      : {}),
    ...(sent('closure_date') ? { closure: end(episode.closure_date) } : {}),
    ...(sent('closure_reason') ? { closureReason: str(episode.closure_reason) } : {}),
  };
  return {
    id,
    purge: false,
    fields,
    ...(Array.isArray(episode.care_worker_details)
      ? {
          workers: list(episode.care_worker_details).map((spell) => ({
            worker: keyed('worker', String(spell.worker_id), councilKey),
            start: day(spell.start_date),
            end: end(spell.end_date),
          })),
        }
      : {}),
    lists: {
      assessments: changes(
        episode.child_and_family_assessments,
        'child_and_family_assessment_id',
        'assessment',
        councilKey,
        (record) => ({
          start: day(record.start_date),
          authorised: day(record.authorisation_date),
        }),
      ),
      cinPlans: changes(
        episode.child_in_need_plans,
        'child_in_need_plan_id',
        'cin-plan',
        councilKey,
        (record) => ({
          start: day(record.start_date),
          end: end(record.end_date),
        }),
      ),
      section47s: changes(
        episode.section_47_assessments,
        'section_47_assessment_id',
        'section-47',
        councilKey,
        (record) => ({
          start: day(record.start_date),
          icpcRequired: bool(record.icpc_required_flag),
          icpc: day(record.icpc_date),
          end: end(record.end_date),
        }),
      ),
      cpPlans: changes(
        episode.child_protection_plans,
        'child_protection_plan_id',
        'cp-plan',
        councilKey,
        (record) => ({
          start: day(record.start_date),
          end: end(record.end_date),
        }),
      ),
      placements: changes(
        episode.child_looked_after_placements,
        'child_looked_after_placement_id',
        'placement',
        councilKey,
        (record) => ({
          start: day(record.start_date),
          startReason: str(record.start_reason),
          placementType: str(record.placement_type),
          end: end(record.end_date),
          endReason: str(record.end_reason),
          changeReason: str(record.change_reason),
        }),
      ),
    },
    ...(adoption
      ? {
          adoption:
            adoption.purge === true
              ? null
              : {
                  decision: day(adoption.initial_decision_date),
                  matched: day(adoption.matched_date),
                  placed: day(adoption.placed_date),
                },
        }
      : {}),
    ...(careLeaver
      ? {
          careLeaver:
            careLeaver.purge === true
              ? null
              : {
                  contact: day(careLeaver.contact_date),
                  activity: str(careLeaver.activity),
                  accommodation: str(careLeaver.accommodation),
                },
        }
      : {}),
  };
}
