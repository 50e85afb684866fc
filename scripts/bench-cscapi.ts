// Benchmark: a national day of CSC API deltas through the pure path ingest takes (read, check, degrade, apply
// to the council's state, work out the year's monthly measures), for every one of the 153 English councils.
// Each council's state is first built from a full payload as the year starts (timed separately, as "full");
// then one day's delta is applied and measured, council after council, as each council's own invocation would.
// The payloads are one generated council's (a council of about `scale` times the generator's default size),
// keyed with each council's own key, so every council does the real work. Peak resident memory is sampled.
import { randomBytes } from 'node:crypto';
import { pathToFileURL } from 'node:url';
import { COUNCILS } from '../shared/domain/councils.ts';
import { applyPayload } from '../shared/domain/cscapi/apply.ts';
import { monthlyMeasures } from '../shared/domain/cscapi/measures.ts';
import type { CouncilState } from '../shared/domain/cscapi/state.ts';
import { asNdjson, generateCscapiStretch } from '../shared/domain/generate/cscapi.ts';
import { Random } from '../shared/domain/generate/random.ts';
import { councilPseudonymKey } from '../shared/domain/privacy.ts';

const YEAR = 2026;
const RSS_SAMPLE_MS = 10;

export async function benchCscapi(
  options: { scale?: number; day?: number } = {},
): Promise<Record<string, unknown>> {
  const scale = options.scale ?? 1;
  const dayIndex = options.day ?? 45;
  const generatedAt = performance.now();
  const stretch = generateCscapiStretch({
    la: '000',
    collectionYear: YEAR,
    random: new Random(5),
    days: dayIndex,
    scale,
  });
  const strip = (documents: readonly Record<string, unknown>[]) =>
    asNdjson(documents.map(({ la_code: _la, ...document }) => document));
  const full = strip(stretch.days[0]!.documents);
  const delta = strip(stretch.days.at(-1)!.documents);
  const generateSeconds = (performance.now() - generatedAt) / 1000;
  const secret = randomBytes(32);
  const councils = COUNCILS;
  let peakRss = process.memoryUsage().rss;
  const sampler = setInterval(() => {
    peakRss = Math.max(peakRss, process.memoryUsage().rss);
  }, RSS_SAMPLE_MS);
  let fullMs = 0;
  let deltaMs = 0;
  let slowestDeltaMs = 0;
  let children = 0;
  let deltaChildren = 0;
  try {
    for (const council of councils) {
      const councilKey = councilPseudonymKey(secret, council.la);
      const state: CouncilState = new Map();
      const options = { la: council.la, councilKey };
      let started = performance.now();
      await applyPayload(full, state, { ...options, fileName: `cscapi_${council.la}_full.ndjson` });
      monthlyMeasures(state.values(), YEAR, `${YEAR}-03`);
      fullMs += performance.now() - started;
      started = performance.now();
      const outcome = await applyPayload(delta, state, {
        ...options,
        fileName: `cscapi_${council.la}_delta.ndjson`,
      });
      monthlyMeasures(state.values(), YEAR, `${YEAR}-03`);
      const took = performance.now() - started;
      deltaMs += took;
      slowestDeltaMs = Math.max(slowestDeltaMs, took);
      children += state.size;
      deltaChildren += outcome.documents;
    }
  } finally {
    clearInterval(sampler);
  }
  const mb = (bytes: number) => Math.round(bytes / 1_048_576);
  return {
    councils: councils.length,
    scale,
    generateSeconds: Math.round(generateSeconds * 10) / 10,
    childrenPerCouncil: Math.round(children / councils.length),
    fullPayloadMbPerCouncil: Math.round((Buffer.byteLength(full) / 1_048_576) * 10) / 10,
    deltaChildrenPerCouncil: Math.round(deltaChildren / councils.length),
    deltaKbPerCouncil: Math.round(Buffer.byteLength(delta) / 1024),
    nationalDaySeconds: Math.round(deltaMs / 100) / 10,
    meanCouncilDeltaMs: Math.round(deltaMs / councils.length),
    slowestCouncilDeltaMs: Math.round(slowestDeltaMs),
    nationalFullSeconds: Math.round(fullMs / 100) / 10,
    peakRssMb: mb(peakRss),
  };
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href)
  console.log(JSON.stringify(await benchCscapi({ scale: Number(process.argv[2] ?? 1) }), null, 2));
