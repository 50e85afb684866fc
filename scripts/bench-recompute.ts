// Script: times indicator recomputes in-process, with an uploaded value for every council and indicator so
// that the precedence path is exercised everywhere.
//
// - full: every register indicator for every council, with all benchmarks (computeAll), median of runs;
// - single council: the recompute use case for one ReturnIngested on in-memory ports (values from the
//   aggregates, every council's uploads read back, the council's indicators, the event), median of runs.
//
// Usage: npx tsx scripts/bench-recompute.ts   (also exported for `npm run bench`)
import { spawnSync } from 'node:child_process';
import { copyFileSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { build } from 'esbuild';
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

/**
 * A full recompute in a fresh process, as a Lambda's first event meets it: the code bundled and minified as
 * deployed, the baseline read from the files beside it and decoded, then every council and indicator. The
 * median over fresh processes of the time from the start of the import to the last result.
 */
async function freshProcessFullRecompute(runs = 5): Promise<number> {
  const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
  const dir = mkdtempSync(path.join(os.tmpdir(), 'upstream-recompute-'));
  try {
    const entry = path.join(dir, 'entry.ts');
    writeFileSync(
      entry,
      `import { computeAll, publishedSources } from ${JSON.stringify(path.join(root, 'shared/domain/indicators/compute.ts'))};
const sources = publishedSources();
computeAll(sources.published.latestPeriod, sources);`,
    );
    const bundle = path.join(dir, 'index.mjs');
    await build({
      entryPoints: [entry],
      bundle: true,
      minify: true,
      format: 'esm',
      platform: 'node',
      outfile: bundle,
    });
    // The files the stack ships beside the bundle (REFERENCE_BASELINE_FILES).
    for (const name of ['national-baseline.json', 'stat-neighbours.json']) {
      const target = path.join(dir, 'reference', 'baseline', name);
      mkdirSync(path.dirname(target), { recursive: true });
      copyFileSync(path.join(root, 'shared', 'reference', 'baseline', name), target);
    }
    const timings: number[] = [];
    for (let run = 0; run < runs; run += 1) {
      const child = spawnSync(
        process.execPath,
        [
          '--input-type=module',
          '-e',
          `const t=performance.now();await import(${JSON.stringify(pathToFileURL(bundle).href)});process.stdout.write(String(performance.now()-t))`,
        ],
        { encoding: 'utf8', timeout: 60_000 },
      );
      if (child.status !== 0) throw new Error(`fresh recompute failed: ${child.stderr}`);
      timings.push(Number(child.stdout));
    }
    return medianOf(timings);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
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

  // A period DfE has not published yet (the usual case for an early upload): every council is compared with
  // the latest published period, its own value put in place of its published one.
  const unpublished = period + 1;
  const earlySources = {
    ...published,
    ...valueLookups(uploadsFor(period, published).map((set) => ({ ...set, period: unpublished }))),
  };
  computeAll(unpublished, earlySources);
  const early: number[] = [];
  for (let run = 0; run < RUNS; run += 1) early.push(time(() => computeAll(unpublished, earlySources)));

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
    unpublishedPeriodMedianMs: round(medianOf(early)),
    unpublishedToPublishedRatio: round(medianOf(early) / medianOf(full)),
    freshProcessFullRecomputeMs: round(await freshProcessFullRecompute()),
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
