// Use case: after a ReturnIngested, recompute the council's indicators from its uploaded figures and the
// published national baseline, store them with their benchmarks, and announce IndicatorsRecomputed.
// Ports only: no AWS SDK here.
//
// Idempotency is on the event's eventId. A recompute record is written only after IndicatorsRecomputed is
// sent, so a redelivery of a finished event changes nothing and sends nothing. If the function dies between
// sending and recording, the redelivery recomputes the same figures and sends again with the same
// deduplication id (the eventId): the FIFO queue drops it within its 5-minute window, and consumers
// deduplicate on the eventId beyond it.
import {
  type IndicatorsRecomputedV1,
  indicatorsRecomputedMessage,
  type RecomputedIndicatorV1,
} from '../../events/indicators-recomputed.ts';
import { type ReturnIngestedV1, ReturnIngestedV1Schema } from '../../events/return-ingested.ts';
import { findCouncil, REGIONS } from '../domain/councils.ts';
import {
  type CouncilIndicatorResult,
  computeCouncilIndicators,
  type IndicatorSources,
  publishedSources,
} from '../domain/indicators/compute.ts';
import type { AggregateStore } from '../ports/aggregates.ts';
import type { IndicatorStore, StoredIndicatorResult, UploadedValueSet } from '../ports/indicators.ts';
import { setKey, valueLookups, valuesFromAggregates } from './indicator-values.ts';
import { messageJson, PoisonMessageError, readEvent } from './queue-messages.ts';

export interface RecomputeDeps {
  readonly aggregates: Pick<AggregateStore, 'currentAggregates'>;
  readonly indicators: IndicatorStore;
  readonly publishRecomputed: (message: {
    body: string;
    groupId: string;
    deduplicationId: string;
  }) => Promise<void>;
  /** The published baseline and statistical neighbours; the shipped ones by default. */
  readonly published?: Pick<IndicatorSources, 'published' | 'neighbours'>;
  /** Runs after the results are stored and announced, before the event counts as done (risk reassessment). */
  readonly afterRecompute?: (la: string, event: ReturnIngestedV1) => Promise<void>;
  readonly now: () => Date;
}

export type RecomputeOutcome =
  | { readonly kind: 'duplicate'; readonly eventId: string; readonly completedAt: string }
  | {
      readonly kind: 'recomputed';
      readonly event: IndicatorsRecomputedV1;
      readonly results: readonly StoredIndicatorResult[];
    };

/** Recompute records outlive any redelivery: the DLQ keeps a message for at most 14 days. */
const RECORD_DAYS = 90;

/** Reads the message body as a ReturnIngested v1, or says exactly why it is not one. */
function parseReturnIngested(body: string): ReturnIngestedV1 {
  const event = readEvent(messageJson(body), ReturnIngestedV1Schema, 'a ReturnIngested v1 event');
  if (!findCouncil(event.la)) {
    throw new PoisonMessageError(`The message names council ${event.la}, which is not an English council`);
  }
  return event;
}

function summarise(result: CouncilIndicatorResult): RecomputedIndicatorV1 {
  return {
    indicator: result.indicator,
    period: result.period,
    value: result.value?.value ?? null,
    provenance: result.value?.provenance ?? null,
    band: result.quartile?.band ?? null,
    rank: result.rank?.rank ?? null,
    outOf: result.rank?.outOf ?? null,
    england: result.england,
    region: result.region,
    statNeighbourMean: result.statNeighbours?.mean ?? null,
    change: result.change?.change ?? null,
    direction: result.change?.direction ?? null,
    funnel95: result.funnel?.position.at95 ?? null,
    funnel998: result.funnel?.position.at998 ?? null,
    belowMinimumDenominator: result.belowMinimumDenominator,
  };
}

/** Every council's value sets for the periods, read region by region (nine queries). */
async function allUploads(
  store: IndicatorStore,
  periods: { from: number; to: number },
): Promise<UploadedValueSet[]> {
  const regions = Object.keys(REGIONS);
  return (await Promise.all(regions.map((region) => store.uploadedInRegion(region, periods)))).flat();
}

export async function recomputeIndicators(body: string, deps: RecomputeDeps): Promise<RecomputeOutcome> {
  const event = parseReturnIngested(body);
  const council = findCouncil(event.la)!;
  const done = await deps.indicators.recomputeRecord(event.eventId);
  if (done) return { kind: 'duplicate', eventId: event.eventId, completedAt: done.completedAt };

  const aggregates = await deps.aggregates.currentAggregates(
    event.la,
    event.returnType,
    event.collectionYear,
  );
  if (!aggregates) {
    // Ingestion stores the aggregates before it announces them, so this is not expected: retry, then DLQ.
    throw new Error(
      `No aggregates are stored for council ${event.la}, ${event.returnType} ${event.collectionYear} ` +
        `(event ${event.eventId}, submission ${event.submissionId})`,
    );
  }

  const published = deps.published ?? publishedSources();
  const period = event.collectionYear;
  const { values, skipped } = valuesFromAggregates(aggregates, published.published);
  const ownSet: UploadedValueSet = {
    la: council.la,
    region: council.region,
    period,
    returnType: event.returnType,
    submissionId: aggregates.submissionId,
    ingestedAt: aggregates.ingestedAt,
    values,
  };
  await deps.indicators.saveUploadedValues(ownSet);

  // Other councils' values shape the benchmarks. The index is eventually consistent, so the set just
  // written is put in by hand rather than trusted to come back from the query.
  const loaded = await allUploads(deps.indicators, { from: period - 1, to: period + 1 });
  const sets = new Map(loaded.map((set) => [setKey(set), set]));
  sets.set(setKey(ownSet), ownSet);
  const sources: IndicatorSources = { ...published, ...valueLookups(sets.values()) };

  // A later period's change on the previous period reads this one, so it is refreshed when the council
  // has figures for it.
  const periods = [period];
  if ([...sets.values()].some((set) => set.la === council.la && set.period === period + 1)) {
    periods.push(period + 1);
  }
  const computedAt = deps.now().toISOString();
  const results: StoredIndicatorResult[] = periods.flatMap((each) =>
    computeCouncilIndicators(council.la, each, sources).map((result) => ({
      ...result,
      regionSlug: council.region,
      eventId: event.eventId,
      computedAt,
    })),
  );
  await deps.indicators.saveResults(results);

  const recomputed: IndicatorsRecomputedV1 = {
    type: 'IndicatorsRecomputed',
    version: 1,
    eventId: event.eventId,
    occurredAt: computedAt,
    la: council.la,
    region: council.region,
    returnType: event.returnType,
    collectionYear: event.collectionYear,
    submissionId: aggregates.submissionId,
    baselineVersion: published.published.version,
    periods,
    indicators: results.map(summarise),
    skipped,
  };
  await deps.publishRecomputed(indicatorsRecomputedMessage(recomputed));
  await deps.afterRecompute?.(council.la, event);
  await deps.indicators.markRecomputed({
    eventId: event.eventId,
    la: council.la,
    periods,
    submissionId: aggregates.submissionId,
    completedAt: computedAt,
    expiresAt: Math.floor(deps.now().getTime() / 1000) + RECORD_DAYS * 86_400,
  });
  return { kind: 'recomputed', event: recomputed, results };
}
