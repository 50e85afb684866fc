// Domain: where an indicator value came from, and which one to use when there are several.
import type { BaselineCell } from './baseline.ts';
import type { MissingFigure } from './published-figures.ts';

/**
 * - published: DfE's published figure (the national baseline);
 * - uploaded: computed by us from the council's own statutory return for the period;
 * - inyear: computed from the council's in-year monthly core dataset (provisional, may be part-year).
 */
export type Provenance = 'published' | 'uploaded' | 'inyear';

/**
 * The order in which values are preferred. The council's own uploaded return comes first: it is the
 * council's current account of the period and exists months before DfE publishes. DfE's published
 * figure comes next (validated, final). In-year data comes last: it is provisional and may cover only
 * part of the period.
 */
export const PROVENANCE_PRECEDENCE: readonly Provenance[] = ['uploaded', 'published', 'inyear'];

/** A value computed by us (from an upload or in-year data), with its counts where it has them. */
export interface ObservedValue {
  readonly value: number;
  readonly numerator?: number;
  readonly denominator?: number;
}

/** Every value available for one council, indicator and period, by where it came from. */
export interface ValueCandidates {
  readonly published?: BaselineCell;
  readonly uploaded?: ObservedValue;
  readonly inyear?: ObservedValue;
}

export interface ChosenValue {
  readonly provenance: Provenance;
  readonly value: number;
  readonly numerator?: number;
  readonly denominator?: number;
}

export interface ValueChoice {
  /** The value to show and benchmark, or null when no source has a number. */
  readonly chosen: ChosenValue | null;
  /** All three, kept so a view can show where they differ. */
  readonly candidates: ValueCandidates;
  /** Why the published figure has no number (e.g. suppressed), when that is what DfE printed. */
  readonly publishedMissing?: MissingFigure;
}

// Values are built as one fixed shape (counts left undefined rather than spread in): a full recompute
// makes thousands of them.
function fromPublished(cell: BaselineCell): ChosenValue | null {
  if (typeof cell.value !== 'number') return null;
  return {
    provenance: 'published',
    value: cell.value,
    numerator: typeof cell.numerator === 'number' ? cell.numerator : undefined,
    denominator: typeof cell.denominator === 'number' ? cell.denominator : undefined,
  };
}

function fromObserved(provenance: Provenance, observed: ObservedValue): ChosenValue | null {
  if (!Number.isFinite(observed.value)) return null;
  return {
    provenance,
    value: observed.value,
    numerator: observed.numerator,
    denominator: observed.denominator,
  };
}

/** Picks the value to use by `PROVENANCE_PRECEDENCE`, skipping any source without a usable number. */
export function chooseValue(candidates: ValueCandidates): ValueChoice {
  let chosen: ChosenValue | null = null;
  for (const provenance of PROVENANCE_PRECEDENCE) {
    if (provenance === 'published') {
      chosen = candidates.published ? fromPublished(candidates.published) : null;
    } else {
      const observed = candidates[provenance];
      chosen = observed ? fromObserved(provenance, observed) : null;
    }
    if (chosen) break;
  }
  const published = candidates.published?.value;
  return {
    chosen,
    candidates,
    publishedMissing: published !== undefined && typeof published !== 'number' ? published : undefined,
  };
}
