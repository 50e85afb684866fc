// Domain: a council's current state from the CSC API payload: the kept (degraded) record of each child, by
// keyed child id. A payload's changes are applied to it child by child (docs/cscapi.md, "Full and delta"):
// - a child, episode or record flagged purge is deleted, with everything in it, from every measure;
// - a record sent replaces the record with the same id (its own fields; the records nested in an episode are
//   merged by id in turn); a record not sent is left as it was;
// - a full payload is the council's whole account: each child it carries is replaced as a whole, and a child
//   it does not carry is deleted (except one whose document could not be read, which is kept as it was).
// Applying the same payload again gives the same state.
import type {
  ChildChange,
  Episode,
  EpisodeChange,
  EpisodeLists,
  KeptChild,
  RecordChange,
  Records,
} from './degrade.ts';

export type CouncilState = Map<string, KeptChild>;

const EMPTY_EPISODE: Episode = {
  referral: null,
  referralSource: null,
  noFurtherAction: null,
  closure: null,
  closureReason: null,
  workers: [],
  assessments: {},
  cinPlans: {},
  section47s: {},
  cpPlans: {},
  placements: {},
  adoption: null,
  careLeaver: null,
};

const LISTS: readonly EpisodeLists[] = ['assessments', 'cinPlans', 'section47s', 'cpPlans', 'placements'];

function mergeRecords<T>(current: Records<T>, changes: readonly RecordChange<T>[]): Records<T> {
  if (changes.length === 0) return current;
  const merged: Record<string, T> = { ...current };
  for (const change of changes) {
    if (change.purge) delete merged[change.id];
    else merged[change.id] = change.record;
  }
  return merged;
}

function applyEpisode(current: Episode | undefined, change: EpisodeChange): Episode {
  const base = current ?? EMPTY_EPISODE;
  const next: { -readonly [Field in keyof Episode]: Episode[Field] } = {
    ...base,
    ...(change.fields ?? {}),
  };
  if (change.workers !== undefined) next.workers = change.workers;
  for (const list of LISTS)
    (next as Record<EpisodeLists, unknown>)[list] = mergeRecords(
      base[list] as Records<unknown>,
      change.lists[list] as readonly RecordChange<unknown>[],
    );
  if (change.adoption !== undefined) next.adoption = change.adoption;
  if (change.careLeaver !== undefined) next.careLeaver = change.careLeaver;
  return next;
}

/** The child after a change; undefined when it is purged. */
export function applyChild(current: KeptChild | undefined, change: ChildChange): KeptChild | undefined {
  if (change.purge) return undefined;
  const episodes: Record<string, Episode> = { ...(current?.episodes ?? {}) };
  for (const episode of change.episodes) {
    if (episode.purge) delete episodes[episode.id];
    else episodes[episode.id] = applyEpisode(episodes[episode.id], episode);
  }
  return {
    birthMonth: change.birthMonth !== undefined ? change.birthMonth : (current?.birthMonth ?? null),
    episodes,
  };
}

/** Applies a payload's changes to a council's state, in place. */
export class StateUpdate {
  private readonly seen = new Set<string>();
  purged = 0;

  constructor(
    private readonly state: CouncilState,
    private readonly full: boolean,
  ) {}

  apply(change: ChildChange): void {
    this.seen.add(change.key);
    const before = this.state.get(change.key);
    const after = applyChild(this.full ? undefined : before, change);
    if (after) this.state.set(change.key, after);
    else if (before) {
      this.state.delete(change.key);
      this.purged++;
    }
  }

  /** A child whose document could not be read: kept as it was, even by a full payload. */
  keep(key: string): void {
    this.seen.add(key);
  }

  /** Ends the payload: a full payload deletes the children it did not carry. Returns how many. */
  finish(): number {
    if (!this.full) return 0;
    let removed = 0;
    for (const key of [...this.state.keys()])
      if (!this.seen.has(key)) {
        this.state.delete(key);
        removed++;
      }
    return removed;
  }
}

/** The state as text, one child a line (key, then the kept record), in key order so equal states are equal text. */
export function serialiseState(state: CouncilState): string[] {
  return [...state.keys()].sort().map((key) => JSON.stringify([key, state.get(key)]));
}
