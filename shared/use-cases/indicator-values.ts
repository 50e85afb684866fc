// Use-case helpers: turn a council's stored return aggregates into indicator values, and value sets into
// the lookups the indicator computation reads (uploaded and in-year are kept apart, as provenance.ts says).
import type { NationalBaseline } from '../domain/indicators/baseline.ts';
import { type ObservedRow, type ValueLookup, valueTable } from '../domain/indicators/compute.ts';
import { findIndicator } from '../domain/indicators/register.ts';
import type { ReturnAggregates } from '../ports/aggregates.ts';
import type { UploadedIndicatorValue, UploadedValueSet } from '../ports/indicators.ts';

export interface SkippedFigure {
  readonly indicator: string;
  readonly reason: string;
}

/** Rounded to the published precision, so an uploaded value reads and ranks like DfE's figure for it. */
function roundTo(value: number, decimals: number): number {
  const factor = 10 ** decimals;
  return Math.round(value * factor) / factor;
}

/**
 * The council's child population as DfE printed it beside the indicator (the denominator of a rate per
 * 10,000): the period itself, else the nearest earlier period, else the nearest later one. Populations move
 * slowly, and a return for a period DfE has not yet published must still get a rate.
 */
function publishedPopulation(
  baseline: NationalBaseline,
  indicator: string,
  la: string,
  period: number,
): number | undefined {
  const at = (year: number) => {
    const denominator = baseline.cell(indicator, la, year)?.denominator;
    return typeof denominator === 'number' && denominator > 0 ? denominator : undefined;
  };
  for (let year = period; year >= baseline.firstPeriod; year -= 1) {
    const found = at(year);
    if (found !== undefined) return found;
  }
  for (let year = period + 1; year <= baseline.latestPeriod; year += 1) {
    const found = at(year);
    if (found !== undefined) return found;
  }
  return undefined;
}

/** Each register indicator in the aggregates as a value in the indicator's unit, or the reason it is not one. */
export function valuesFromAggregates(
  aggregates: ReturnAggregates,
  baseline: NationalBaseline,
): { values: UploadedIndicatorValue[]; skipped: SkippedFigure[] } {
  const values: UploadedIndicatorValue[] = [];
  const skipped: SkippedFigure[] = [];
  const codes = Object.keys(aggregates.indicators).sort();
  for (const code of codes) {
    const ratio = aggregates.indicators[code]!;
    const indicator = findIndicator(code);
    if (!indicator) {
      skipped.push({ indicator: code, reason: 'not an indicator in the register' });
      continue;
    }
    const { numerator } = ratio;
    if (!Number.isFinite(numerator) || numerator < 0) {
      skipped.push({ indicator: code, reason: `the numerator ${numerator} is not a count` });
      continue;
    }
    if (indicator.unit === 'count') {
      values.push({ indicator: code, value: numerator, numerator });
      continue;
    }
    let denominator = ratio.denominator ?? undefined;
    let denominatorSource: UploadedIndicatorValue['denominatorSource'] = 'return';
    if (denominator === undefined && indicator.unit === 'per10k') {
      denominator = publishedPopulation(baseline, code, aggregates.la, aggregates.collectionYear);
      denominatorSource = 'published-population';
    }
    if (denominator === undefined) {
      skipped.push({
        indicator: code,
        reason:
          indicator.unit === 'per10k'
            ? 'DfE has published no child population for the council to make a rate with'
            : 'the return gives no denominator',
      });
      continue;
    }
    if (!(denominator > 0)) {
      skipped.push({
        indicator: code,
        reason:
          indicator.sourceReturn === 'csww'
            ? 'the denominator is zero: no FTE in the base'
            : 'the denominator is zero: no children in the group',
      });
      continue;
    }
    const scale = indicator.unit === 'percent' ? 100 : indicator.unit === 'per10k' ? 10_000 : 1;
    values.push({
      indicator: code,
      value: roundTo((numerator * scale) / denominator, indicator.decimals),
      numerator,
      denominator,
      denominatorSource,
    });
  }
  return { values, skipped };
}

/** The uploaded (statutory return) and in-year lookups over value sets, optionally only some councils'. */
export function valueLookups(
  sets: Iterable<UploadedValueSet>,
  include: (la: string) => boolean = () => true,
): { uploaded: ValueLookup; inyear: ValueLookup } {
  const uploaded: ObservedRow[] = [];
  const inyear: ObservedRow[] = [];
  const cscapi: ObservedRow[] = [];
  for (const set of sets) {
    if (!include(set.la)) continue;
    // Both in-year sources are provisional in-year values. Where a council sends both, the CSC API payload's
    // value wins (it comes after: the last row wins): it is worked out by us from the child-level records,
    // the same way for every council, every day (docs/cscapi.md).
    const rows = set.returnType === 'cscapi' ? cscapi : set.returnType === 'inyear' ? inyear : uploaded;
    for (const value of set.values) {
      rows.push({
        la: set.la,
        indicator: value.indicator,
        period: set.period,
        value: value.value,
        numerator: value.numerator,
        denominator: value.denominator,
      });
    }
  }
  return { uploaded: valueTable(uploaded), inyear: valueTable([...inyear, ...cscapi]) };
}

/** Identity of a set: one per council, period and return type. */
export const setKey = (set: Pick<UploadedValueSet, 'la' | 'period' | 'returnType'>) =>
  `${set.la}|${set.period}|${set.returnType}`;
