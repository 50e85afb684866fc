// Domain: the gap between a council's value worked out from its own return and DfE's published figure
// for the same year. Once DfE publishes, both exist; a gap beyond the tolerance means the council
// resubmitted different data to DfE or a definition here has drifted from DfE's, and is kept on the
// indicator result so it can be found. The uploaded value stays the one used (provenance.ts).
import type { ValueCandidates } from './provenance.ts';
import type { IndicatorDefinition } from './register.ts';

export interface PublishedDrift {
  readonly uploaded: number;
  readonly published: number;
  /** Uploaded minus published, in the indicator's unit. */
  readonly gap: number;
  /** The largest gap taken as agreement (see driftTolerance). */
  readonly tolerance: number;
}

/**
 * The largest gap that still counts as agreement: 1 percentage point for a percentage, 2% of DfE's rate
 * for a rate per 10,000 children (populations are revised), 0.5 for a ratio (the average caseload), and
 * 0 for a count.
 */
export function driftTolerance(indicator: Pick<IndicatorDefinition, 'unit'>, published: number): number {
  switch (indicator.unit) {
    case 'percent':
      return 1;
    case 'per10k':
      return Math.abs(published) * 0.02;
    case 'ratio':
      return 0.5;
    case 'count':
      return 0;
  }
}

const roundTo = (value: number, decimals: number) => Math.round(value * 10 ** decimals) / 10 ** decimals;

/** The gap when both figures exist and it is beyond the tolerance; otherwise null. */
export function publishedDrift(
  indicator: Pick<IndicatorDefinition, 'unit' | 'decimals'>,
  candidates: ValueCandidates,
): PublishedDrift | null {
  const uploaded = candidates.uploaded?.value;
  const published = candidates.published?.value;
  if (typeof uploaded !== 'number' || typeof published !== 'number' || !Number.isFinite(uploaded))
    return null;
  const gap = roundTo(uploaded - published, indicator.decimals + 1);
  const tolerance = roundTo(driftTolerance(indicator, published), indicator.decimals + 1);
  return Math.abs(gap) > tolerance ? { uploaded, published, gap, tolerance } : null;
}
