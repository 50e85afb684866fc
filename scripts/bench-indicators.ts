// Script: times a full indicator recompute (every council x every register indicator) in-process.
//
// Usage: npx tsx scripts/bench-indicators.ts [period] [runs]
// Prints the time of the first recompute (which also lays out the shipped baseline, done once per
// process), then the median, fastest and slowest of `runs` further full recomputes of computeAll(period).
import { COUNCILS } from '../shared/domain/councils.ts';
import { computeAll, publishedSources } from '../shared/domain/indicators/compute.ts';
import { INDICATORS } from '../shared/domain/indicators/register.ts';

const period = Number(process.argv[2] ?? 2025);
const runs = Number(process.argv[3] ?? 15);

const coldStart = performance.now();
const sources = publishedSources();
computeAll(period, sources);
const coldMs = performance.now() - coldStart;

const timings: number[] = [];
let results = 0;
for (let run = 0; run < runs; run += 1) {
  const start = performance.now();
  results = computeAll(period, sources).length;
  timings.push(performance.now() - start);
}
timings.sort((a, b) => a - b);
const medianMs = timings[Math.floor(timings.length / 2)]!;

console.log(
  `baseline ${sources.published.version}: first recompute, including decoding, ${coldMs.toFixed(1)} ms`,
);
console.log(
  `computeAll(${period}): ${COUNCILS.length} councils x ${INDICATORS.length} indicators = ${results} results; ` +
    `median ${medianMs.toFixed(1)} ms over ${runs} runs (fastest ${timings[0]!.toFixed(1)} ms, ` +
    `slowest ${timings.at(-1)!.toFixed(1)} ms)`,
);
