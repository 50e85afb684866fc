// Domain: scores to ratings (with hysteresis), ratings to a band (the escalation matrix), and the
// minimum dwell before a band is lowered.
import {
  DATA_RATINGS,
  DATA_THRESHOLDS,
  type DataRating,
  ESCALATION_MATRIX,
  INTELLIGENCE_THRESHOLDS,
  type IntelligenceRating,
  MINIMUM_DWELL_DAYS,
  RISK_BANDS,
  type RiskBand,
  type ThresholdPair,
} from './model.ts';

/**
 * The rating for a score given the previous rating. A rating is entered at its `enter` threshold; once
 * in it, the council keeps it while the score stays at or above its `leave` threshold. With no previous
 * rating only the `enter` thresholds apply.
 */
export function dataRating(score: number, previous?: DataRating | null): DataRating {
  const raw = rawDataRating(score);
  if (!previous) return raw;
  const rawIndex = DATA_RATINGS.indexOf(raw);
  const previousIndex = DATA_RATINGS.indexOf(previous);
  // Falling: hold the highest rating between the new one and the previous whose leave threshold still holds.
  for (let index = previousIndex; index > rawIndex; index -= 1) {
    const rating = DATA_RATINGS[index]!;
    if (rating !== 'typical' && score >= DATA_THRESHOLDS[rating].leave) return rating;
  }
  return raw;
}

export function rawDataRating(score: number): DataRating {
  if (score >= DATA_THRESHOLDS.high.enter) return 'high';
  if (score >= DATA_THRESHOLDS.elevated.enter) return 'elevated';
  return 'typical';
}

function holds(score: number, pair: ThresholdPair, direction: 'up' | 'down'): boolean {
  return direction === 'up' ? score >= pair.leave : score <= pair.leave;
}

/** The intelligence rating, with the same hysteresis: concern and serious upwards, assured downwards. */
export function intelligenceRating(score: number, previous?: IntelligenceRating | null): IntelligenceRating {
  const raw = rawIntelligenceRating(score);
  if (!previous || previous === raw) return raw;
  if (previous === 'serious' && raw !== 'serious' && holds(score, INTELLIGENCE_THRESHOLDS.serious, 'up')) {
    return 'serious';
  }
  if (
    (previous === 'serious' || previous === 'concern') &&
    (raw === 'none' || raw === 'assured') &&
    holds(score, INTELLIGENCE_THRESHOLDS.concern, 'up')
  ) {
    return 'concern';
  }
  if (previous === 'assured' && raw === 'none' && holds(score, INTELLIGENCE_THRESHOLDS.assured, 'down')) {
    return 'assured';
  }
  return raw;
}

export function rawIntelligenceRating(score: number): IntelligenceRating {
  if (score >= INTELLIGENCE_THRESHOLDS.serious.enter) return 'serious';
  if (score >= INTELLIGENCE_THRESHOLDS.concern.enter) return 'concern';
  if (score <= INTELLIGENCE_THRESHOLDS.assured.enter) return 'assured';
  return 'none';
}

/** The escalation matrix: data rating × intelligence rating → band. */
export function escalate(data: DataRating, intelligence: IntelligenceRating): RiskBand {
  return ESCALATION_MATRIX[data][intelligence];
}

function bandOrder(band: RiskBand): number {
  return RISK_BANDS.indexOf(band);
}

export interface DwellDecision {
  readonly band: RiskBand;
  /** True when the matrix asked for a lower band but the council has not been in its band long enough. */
  readonly held: boolean;
}

/**
 * Applies the minimum dwell: a lower band is accepted only once the council has been in its current band
 * for `MINIMUM_DWELL_DAYS` (counted between as-of dates); a higher band is accepted at once.
 */
export function applyDwell(
  proposed: RiskBand,
  previous: { readonly band: RiskBand; readonly sinceDay: number } | null,
  asOfDay: number,
  minimumDwellDays: number = MINIMUM_DWELL_DAYS,
): DwellDecision {
  if (!previous || bandOrder(proposed) >= bandOrder(previous.band)) return { band: proposed, held: false };
  if (asOfDay - previous.sinceDay >= minimumDwellDays) return { band: proposed, held: false };
  return { band: previous.band, held: true };
}
