// Script: times indicator recomputes in-process, with an uploaded value for every council and indicator so
// that the precedence path is exercised everywhere.
//
// - full: every register indicator for every council, with all benchmarks (computeAll), median of runs;
// - single council: the recompute use case for one ReturnIngested on in-memory ports (values from the
//   aggregates, every council's uploads read back, the council's indicators, the event), median of runs.
//
// Usage: npx tsx scripts/bench-recompute.ts   (also exported for `npm run bench`)
import { pathToFileURL } from 'node:url';
import { COUNCILS, findCouncil } from '../shared/domain/councils.ts';
import { computeAll, publishedSources } from '../shared/domain/indicators/compute.ts';
import { INDICATORS } from '../shared/domain/indicators/register.ts';
import type { UploadedValueSet } from '../shared/ports/indicators.ts';
import { InMemoryAggregateStore, InMemoryIndicatorStore } from '../shared/use-cases/indicator-in-memory.ts';
import { valueLookups } from '../shared/use-cases/indicator-values.ts';
import { recomputeIndicators } from '../shared/use-cases/recompute-indicators.ts';

const RUNS = 9;

const medianOf = (timings: number[]) => [...timings].sort((a, b) => a - b)[Math.floor(timings.length / 2)]!;
const round = (ms: number) => Math.round(ms * 10) / 10;

function time(run: () => unknown): number {
  const start = performance.now();
  run();
  return performance.now() - start;
}

async function timeAsync(run: () => Promise<unknown>): Promise<number> {
  const start = performance.now();
  await run();
  return performance.now() - start;
}

/** An uploaded value beside each published one: 5% above it, so every council's ranking can move. */
function uploadsFor(period: number, sources: ReturnType<typeof publishedSources>): UploadedValueSet[] {
  return COUNCILS.map((council) => ({
    la: council.la,
    region: council.region,
    period,
    returnType: 'ssda903' as const,
    submissionId: `BENCH-${council.la}-${period}`,
    ingestedAt: '2026-11-23T10:00:00.000Z',
    values: INDICATORS.flatMap((indicator) => {
      const published = sources.published.cell(indicator.code, council.la, period)?.value;
      return typeof published === 'number' ? [{ indicator: indicator.code, value: published * 1.05 }] : [];
    }),
  }));
}

export async function benchRecompute(): Promise<Record<string, number>> {
  const published = publishedSources();
  const period = published.published.latestPeriod;
  const sets = uploadsFor(period, published);
  const sources = { ...published, ...valueLookups(sets) };

  // The first run also lays out the shipped baseline for the periods it reads (once per process).
  const firstMs = time(() => computeAll(period, sources));
  const full: number[] = [];
  let results = 0;
  for (let run = 0; run < RUNS; run += 1) {
    full.push(time(() => (results = computeAll(period, sources).length)));
  }

  const store = new InMemoryIndicatorStore();
  for (const set of sets) await store.saveUploadedValues(set);
  const aggregates = new InMemoryAggregateStore();
  const la = '886';
  const deps = {
    aggregates,
    indicators: store,
    publishRecomputed: async () => {},
    published,
    now: () => new Date(),
  };
  const single: number[] = [];
  for (let run = 0; run <= RUNS; run += 1) {
    const submissionId = `BENCH-KENT-${String(run).padStart(4, '0')}`;
    await aggregates.saveReturnAggregates({
      la,
      returnType: 'ssda903',
      collectionYear: period,
      submissionId,
      ingestedAt: new Date(Date.UTC(2026, 10, 23, 10, run)).toISOString(),
      children: 2000,
      indicators: {
        'placement-instability': { numerator: 200 + run, denominator: 1900 },
        'long-term-stability': { numerator: 300, denominator: 450 },
        'cla-rate': { numerator: 1900, denominator: null },
      },
    });
    const body = JSON.stringify({
      type: 'ReturnIngested',
      version: 1,
      eventId: submissionId,
      occurredAt: new Date().toISOString(),
      la,
      returnType: 'ssda903',
      collectionYear: period,
      submissionId,
      status: 'accepted',
    });
    const ms = await timeAsync(() => recomputeIndicators(body, deps));
    if (run > 0) single.push(ms); // the first run warms the code paths
  }

  return {
    councils: COUNCILS.length,
    indicators: INDICATORS.length,
    period,
    fullRecomputeResults: results,
    fullRecomputeFirstRunMs: round(firstMs),
    fullRecomputeMedianMs: round(medianOf(full)),
    fullRecomputeSlowestMs: round(Math.max(...full)),
    singleCouncilRecomputeMedianMs: round(medianOf(single)),
    runs: RUNS,
  };
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const figures = await benchRecompute();
  console.log(
    `Full recompute (${figures.councils} councils x ${figures.indicators} indicators = ` +
      `${figures.fullRecomputeResults} results, ${figures.period}, an upload for every council): ` +
      `median ${figures.fullRecomputeMedianMs} ms over ${figures.runs} runs ` +
      `(first ${figures.fullRecomputeFirstRunMs} ms, slowest ${figures.fullRecomputeSlowestMs} ms)`,
  );
  console.log(
    `Single-council recompute (${findCouncil('886')?.name}, use case on in-memory ports): ` +
      `median ${figures.singleCouncilRecomputeMedianMs} ms`,
  );
  console.log(JSON.stringify(figures));
}
