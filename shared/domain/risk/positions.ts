// Domain: one indicator's place among all councils, turned into points for the data score.
//
// The position is robust (median and interquartile range, so a few extreme councils do not move the
// scale) and oriented by polarity (positive is always worse). Small numbers are handled twice over: a
// value whose denominator is below the register's minimum scores nothing, and a proportion that lies
// within the 95% funnel limits for its denominator counts at a reduced share.
import type { CouncilIndicatorResult } from '../indicators/compute.ts';
import type { PublishedDrift } from '../indicators/drift.ts';
import type { Provenance } from '../indicators/provenance.ts';
import { findIndicator, type IndicatorDefinition, type IndicatorDomain } from '../indicators/register.ts';
import { BETTER_POSITION_CAP, POSITION_CAP, RED_POSITION, WITHIN_FUNNEL_FACTOR } from './model.ts';

/** IQR / 1.349 is the standard deviation of a normal distribution with that interquartile range. */
const IQR_TO_SD = 1.349;

/** Why an indicator scored what it did, in a form a view can word or filter. */
export type PositionBasis =
  | 'no-value'
  | 'below-minimum-denominator'
  | 'no-spread'
  | 'beyond-99.8-funnel'
  | 'beyond-95-funnel'
  | 'within-funnel'
  | 'national-position';

export interface IndicatorPosition {
  readonly indicator: IndicatorDefinition;
  readonly result: CouncilIndicatorResult;
  /** Oriented, capped robust z (positive worse), before any small-number factor; null with no value. */
  readonly rawPosition: number | null;
  /** The position that is scored: the raw position times the small-number factor (0 when not scored). */
  readonly position: number;
  readonly basis: PositionBasis;
  /** Whether this indicator is bad enough, and sure enough, to be called a red driver. */
  readonly red: boolean;
}

/** Rounds to 2 decimals through whole hundredths, so sums of rounded numbers are exact. */
export function toHundredths(value: number): number {
  return Math.round(value * 100);
}

/** The oriented robust z of a value against the national cut points, or null if they have no spread. */
export function orientedPosition(
  result: CouncilIndicatorResult,
  indicator: IndicatorDefinition,
): number | null {
  const value = result.value?.value;
  const cuts = result.quartile?.cutPoints;
  if (value === undefined || !cuts || indicator.polarity === 'context') return null;
  const spread = (cuts.upperQuartile - cuts.lowerQuartile) / IQR_TO_SD;
  if (!(spread > 0)) return null;
  const z = (value - cuts.median) / spread;
  const oriented = indicator.polarity === 'higherWorse' ? z : -z;
  return Math.max(-BETTER_POSITION_CAP, Math.min(POSITION_CAP, oriented));
}

/** Which side of the funnel is the worse one for this indicator. */
function worseSide(indicator: IndicatorDefinition): 'above' | 'below' {
  return indicator.polarity === 'higherWorse' ? 'above' : 'below';
}

/** Scores one indicator result; throws for an indicator the register does not know. */
export function positionOf(result: CouncilIndicatorResult): IndicatorPosition {
  const indicator = findIndicator(result.indicator);
  if (!indicator) throw new Error(`Unknown indicator: ${result.indicator}`);
  const none = (basis: PositionBasis, rawPosition: number | null = null): IndicatorPosition => ({
    indicator,
    result,
    rawPosition,
    position: 0,
    basis,
    red: false,
  });
  if (!result.value) return none('no-value');
  const raw = orientedPosition(result, indicator);
  if (result.belowMinimumDenominator) return none('below-minimum-denominator', raw);
  if (raw === null) return none('no-spread');

  const funnel = result.funnel;
  if (funnel) {
    const outside998 = funnel.position.at998 !== 'within';
    const outside95 = funnel.position.at95 !== 'within';
    if (!outside95) {
      return {
        indicator,
        result,
        rawPosition: raw,
        position: raw * WITHIN_FUNNEL_FACTOR,
        basis: 'within-funnel',
        red: false,
      };
    }
    const red = raw >= RED_POSITION && funnel.position.at998 === worseSide(indicator);
    return {
      indicator,
      result,
      rawPosition: raw,
      position: raw,
      basis: outside998 ? 'beyond-99.8-funnel' : 'beyond-95-funnel',
      red,
    };
  }
  return {
    indicator,
    result,
    rawPosition: raw,
    position: raw,
    basis: 'national-position',
    red: raw >= RED_POSITION,
  };
}

// Wording -----------------------------------------------------------------------------------------

// Building a number format is slow; a recompute words thousands of values.
const formats = new Map<number, Intl.NumberFormat>();
function numberFormat(decimals: number): Intl.NumberFormat {
  let format = formats.get(decimals);
  if (!format) {
    format = new Intl.NumberFormat('en-GB', {
      minimumFractionDigits: decimals,
      maximumFractionDigits: decimals,
    });
    formats.set(decimals, format);
  }
  return format;
}

/** The value as a person reads it: "27.0%", "512.3 per 10,000", "17.2". */
export function formatIndicatorValue(value: number, indicator: IndicatorDefinition): string {
  const fixed = numberFormat(indicator.decimals).format(value);
  if (indicator.unit === 'percent') return `${fixed}%`;
  if (indicator.unit === 'per10k') return `${fixed} per 10,000`;
  return fixed;
}

/** "+1.20", "−0.35", "+0.00": a contribution in points, signed. */
export function formatPoints(hundredths: number): string {
  const sign = hundredths < 0 ? '\u2212' : '+';
  return `${sign}${(Math.abs(hundredths) / 100).toFixed(2)}`;
}

function positionPhrase(position: IndicatorPosition): string {
  const { indicator, result } = position;
  const raw = position.rawPosition ?? 0;
  const direction = raw > 0 ? 'worse' : 'better';
  switch (position.basis) {
    case 'no-value':
      return result.publishedMissing
        ? 'not published (suppressed or not available) — not scored'
        : 'no figure — not scored';
    case 'below-minimum-denominator': {
      const denominator = result.value?.denominator;
      return `too few to score reliably (${denominator} against a minimum of ${indicator.minimumDenominator}) — shown, not scored`;
    }
    case 'no-spread':
      return 'councils do not differ on this measure — not scored';
    case 'beyond-99.8-funnel':
      return `${direction} than the 99.8% funnel limit for its size`;
    case 'beyond-95-funnel':
      return `${direction} than the 95% funnel limit for its size`;
    case 'within-funnel':
      return `${direction} than the median but within the funnel limits for its size, so counted at half weight`;
    case 'national-position': {
      const band = result.quartile?.band;
      const rank = result.rank ? `, ranked ${result.rank.rank} of ${result.rank.outOf}` : '';
      const quarter =
        band === 'D'
          ? 'in the worst quarter nationally'
          : band === 'A'
            ? 'in the best quarter nationally'
            : `${direction} than the national median`;
      return `${quarter}${rank}`;
    }
  }
}

/** The wording of an indicator driver, e.g. "Re-referrals within 12 months 27.0% — worse than … (+1.20)". */
export function describePosition(position: IndicatorPosition, contribution: number): string {
  const value = position.result.value;
  const shown = value ? ` ${formatIndicatorValue(value.value, position.indicator)}` : '';
  return `${position.indicator.name}${shown} — ${positionPhrase(position)} (${formatPoints(contribution)})${driftNote(position)}`;
}

/** Which figure was scored, when the council's return and DfE's published figure disagree. */
function driftNote({ result, indicator }: IndicatorPosition): string {
  const drift = result.drift;
  if (!drift || result.value?.provenance !== 'uploaded') return '';
  return `; scored on the council's return, DfE published ${formatIndicatorValue(drift.published, indicator)}`;
}

/** Where an input came from, recorded with every assessment. */
export interface InputProvenance {
  readonly indicator: string;
  readonly domain: IndicatorDomain;
  readonly period: number;
  readonly provenance: Provenance | null;
  readonly value: number | null;
  /** Present when the uploaded value was used and DfE's published figure differs beyond the tolerance. */
  readonly publishedDrift?: PublishedDrift;
}

export function inputProvenance(
  result: CouncilIndicatorResult,
  indicator: IndicatorDefinition,
): InputProvenance {
  return {
    indicator: result.indicator,
    domain: indicator.domain,
    period: result.period,
    provenance: result.value?.provenance ?? null,
    value: result.value?.value ?? null,
    ...(result.drift ? { publishedDrift: result.drift } : {}),
  };
}
