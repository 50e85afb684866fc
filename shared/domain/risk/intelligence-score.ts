// Domain: advisers' soft intelligence as a net score that fades with time.
//
// Each item weighs its severity times the adviser's confidence, halved every half-life of its category
// since it was observed. Positive assurance counts against concerns. Items observed after the as-of date
// or past their expiry are ignored, so a recompute of an old date gives the answer it gave then.
import { parseIsoDate } from '../dates.ts';
import type { IntelligenceSignal } from '../intelligence.ts';
import { CONFIDENCE_FACTORS, HALF_LIFE_DAYS, RED_INTELLIGENCE_WEIGHT, SEVERITY_POINTS } from './model.ts';
import { formatPoints, toHundredths } from './positions.ts';

export type SignalStatus = 'counted' | 'expired' | 'not-yet-observed';

export interface WeighedSignal {
  readonly signal: IntelligenceSignal;
  readonly status: SignalStatus;
  readonly ageDays: number;
  /** Severity × confidence before decay, negative for positive assurance. */
  readonly initialWeight: number;
  /** The share left after decay: 0.5 ^ (age / half-life). */
  readonly decayFactor: number;
  /** What the item adds to the intelligence score, in hundredths of a point (0 unless counted). */
  readonly contribution: number;
  readonly red: boolean;
}

export function isoDay(text: string, what: string): number {
  const day = parseIsoDate(text);
  if (day === null) throw new RangeError(`${what} is not an ISO date (yyyy-mm-dd): ${text}`);
  return day;
}

/** The decay factor after `ageDays` with the given half-life. */
export function decayFactor(ageDays: number, halfLifeDays: number): number {
  return 0.5 ** (Math.max(0, ageDays) / halfLifeDays);
}

/** Weighs one signal at the as-of date. */
export function weighSignal(signal: IntelligenceSignal, asOf: string): WeighedSignal {
  const asOfDay = isoDay(asOf, 'as-of date');
  const observed = isoDay(signal.observedOn, `observedOn of ${signal.itemId}`);
  const expires = isoDay(signal.expiresOn, `expiresOn of ${signal.itemId}`);
  const ageDays = asOfDay - observed;
  const sign = signal.category === 'positive-assurance' ? -1 : 1;
  const initialWeight = sign * SEVERITY_POINTS[signal.severity] * CONFIDENCE_FACTORS[signal.confidence];
  const factor = decayFactor(ageDays, HALF_LIFE_DAYS[signal.category]);
  let status: SignalStatus = 'counted';
  if (observed > asOfDay) status = 'not-yet-observed';
  else if (asOfDay > expires) status = 'expired';
  const contribution = status === 'counted' ? toHundredths(initialWeight * factor) : 0;
  return {
    signal,
    status,
    ageDays,
    initialWeight,
    decayFactor: factor,
    contribution,
    red: contribution >= RED_INTELLIGENCE_WEIGHT * 100,
  };
}

/** "Serious incident (high severity, high confidence) — observed 2025-01-10, 40 days ago, 93% of its weight (+1.86)". */
export function describeSignal(weighed: WeighedSignal): string {
  const { signal, ageDays, decayFactor: factor, contribution } = weighed;
  const days = ageDays === 1 ? '1 day ago' : `${ageDays} days ago`;
  return `${signal.label} — observed ${signal.observedOn}, ${days}, ${Math.round(factor * 100)}% of its weight remaining (${formatPoints(contribution)})`;
}
