// Use case: the preview of the indicators a council's return will produce, for its validation report:
// the return's figures as values in each indicator's unit (as the recompute makes them), benchmarked
// against DfE's published baseline with only this council's uploaded values in play.
import { findCouncil } from '../domain/councils.ts';
import {
  computeCouncilIndicators,
  type IndicatorSources,
  publishedSources,
  valueTable,
} from '../domain/indicators/compute.ts';
import { type IndicatorPreview, indicatorPreviews } from '../domain/indicators/preview.ts';
import type { ReturnAggregates } from '../ports/aggregates.ts';
import { valuesFromAggregates } from './indicator-values.ts';

export function previewIndicators(
  aggregates: Pick<ReturnAggregates, 'la' | 'returnType' | 'collectionYear' | 'indicators'>,
  published: Pick<IndicatorSources, 'published' | 'neighbours'> = publishedSources(),
): IndicatorPreview[] {
  const { la, collectionYear: period } = aggregates;
  if (Object.keys(aggregates.indicators).length === 0 || !findCouncil(la)) return [];
  const { values } = valuesFromAggregates(
    { ...aggregates, submissionId: '', ingestedAt: '', children: 0 },
    published.published,
  );
  const uploaded = valueTable(values.map((value) => ({ ...value, la, period })));
  return indicatorPreviews(computeCouncilIndicators(la, period, { ...published, uploaded }));
}
