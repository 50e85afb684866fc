// Domain: the indicators a council's return will produce, as its validation report previews them: each
// figure with its counts, and where it stands against England and the council's statistical neighbours
// in DfE's published baseline. So a council sees before the deadline what its return says.
import * as z from 'zod';
import type { CouncilIndicatorResult } from './compute.ts';
import { findIndicator, type IndicatorDefinition } from './register.ts';

/** Better or worse for a scored indicator; higher or lower for a context one; same when equal as shown. */
const comparisonSchema = z.enum(['better', 'worse', 'same', 'higher', 'lower']);
export type Comparison = z.infer<typeof comparisonSchema>;

export const indicatorPreviewSchema = z.object({
  code: z.string(),
  name: z.string(),
  unit: z.enum(['percent', 'per10k', 'ratio', 'count']),
  numerator: z.number(),
  /** For a rate per 10,000 children: DfE's published child population for the council. */
  denominator: z.number().nullable(),
  value: z.number(),
  /** The published year the comparison uses: the same year once DfE has published it, else the latest. */
  comparedWith: z.number().int(),
  england: z.number().nullable(),
  /** The mean of the statistical neighbours' published values (as LAIT shows it). */
  statNeighbours: z.number().nullable(),
  againstEngland: comparisonSchema.nullable(),
  againstStatNeighbours: comparisonSchema.nullable(),
});

export type IndicatorPreview = z.infer<typeof indicatorPreviewSchema>;

const roundTo = (value: number, decimals: number) => Math.round(value * 10 ** decimals) / 10 ** decimals;

/** How `value` reads against `other`, both at the indicator's published precision. */
export function compareWith(
  value: number,
  other: number | null,
  indicator: IndicatorDefinition,
): Comparison | null {
  if (other === null) return null;
  const difference = roundTo(value, indicator.decimals) - roundTo(other, indicator.decimals);
  if (difference === 0) return 'same';
  if (indicator.polarity === 'context') return difference > 0 ? 'higher' : 'lower';
  const higherIsBetter = indicator.polarity === 'higherBetter';
  return difference > 0 === higherIsBetter ? 'better' : 'worse';
}

/** The preview of each result whose value came from the council's own upload, in register order. */
export function indicatorPreviews(results: readonly CouncilIndicatorResult[]): IndicatorPreview[] {
  const previews: IndicatorPreview[] = [];
  for (const result of results) {
    const value = result.value;
    const indicator = findIndicator(result.indicator);
    if (!indicator || value?.provenance !== 'uploaded' || value.numerator === undefined) continue;
    const neighbours = result.statNeighbours ? roundTo(result.statNeighbours.mean, indicator.decimals) : null;
    previews.push({
      code: indicator.code,
      name: indicator.name,
      unit: indicator.unit,
      numerator: value.numerator,
      denominator: value.denominator ?? null,
      value: value.value,
      comparedWith: result.comparatorPeriod,
      england: result.england,
      statNeighbours: neighbours,
      againstEngland: compareWith(value.value, result.england, indicator),
      againstStatNeighbours: compareWith(value.value, neighbours, indicator),
    });
  }
  return previews;
}

const UNIT_SUFFIX: Readonly<Record<IndicatorPreview['unit'], string>> = {
  percent: '%',
  per10k: ' per 10,000 children',
  ratio: '',
  count: '',
};

/** One sentence for a spreadsheet row: "Re-referrals within 12 months: 27.0% (123 of 456); England 21.5% …". */
export function describePreview(preview: IndicatorPreview): string {
  const shown = (value: number | null) =>
    value === null ? 'not published' : `${value}${UNIT_SUFFIX[preview.unit]}`;
  const counts =
    preview.denominator === null
      ? `${preview.numerator}`
      : preview.unit === 'per10k'
        ? `${preview.numerator} children of ${preview.denominator}`
        : `${preview.numerator} of ${preview.denominator}`;
  const against = (comparison: Comparison | null) => (comparison ? ` (${comparison})` : '');
  return (
    `${preview.name}: ${shown(preview.value)} (${counts}); ` +
    `England ${shown(preview.england)}${against(preview.againstEngland)}, ` +
    `statistical neighbours ${shown(preview.statNeighbours)}${against(preview.againstStatNeighbours)}, ` +
    `published ${preview.comparedWith}.`
  );
}
