// Benchmark: reading an SSDA903 return at national scale. Generates a synthetic Episodes table (default
// 1,000,000 rows) and the matching Header table in a temporary folder, then in the same run measures
//   bare: csv-parse alone over both files (the floor: no decoding, checks, grouping or rules), and
//   reader: readReturn without rules, every child handed to a no-op (decode, table recognition, field
//           checks, packed storage, grouping by child: the reader's own cost), and
//   full: readReturn with the year's rules, degrading and aggregating every child as ingest does,
// and reports rows per second for each, the ratios to bare, and peak resident memory (sampled).
// Usage: npx tsx scripts/bench-ssda903-parse.ts [rows]
import { randomBytes } from 'node:crypto';
import { createReadStream, createWriteStream } from 'node:fs';
import { mkdtemp, rm, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { finished } from 'node:stream/promises';
import { pathToFileURL } from 'node:url';
import { parse } from 'csv-parse';
import { councilPseudonymKey } from '../shared/domain/privacy.ts';
import { Ssda903Aggregator } from '../shared/domain/ssda903/aggregates.ts';
import { degradeChild } from '../shared/domain/ssda903/degrade.ts';
import { readReturn } from '../shared/domain/ssda903/engine.ts';
import { rulesFor } from '../shared/domain/ssda903/rules/registry.ts';

const COLLECTION_YEAR = 2026;
const EPISODES_PER_CHILD = 5;
const RSS_SAMPLE_MS = 10;

export interface BenchSsda903ParseOptions {
  /** Episodes rows to generate (the Header table gets one row per five episodes). */
  readonly rows?: number;
}

// A small deterministic generator, so every run reads the same data.
function generator(seed: number): () => number {
  let state = seed;
  return () => {
    state = (state * 1_103_515_245 + 12_345) % 2_147_483_648;
    return state / 2_147_483_648;
  };
}

const pad = (value: number): string => String(value).padStart(2, '0');
const ukDate = (year: number, month: number, day: number): string => `${pad(day)}/${pad(month)}/${year}`;

async function writeLines(path: string, lines: Iterable<string>): Promise<void> {
  const out = createWriteStream(path);
  let batch = '';
  for (const line of lines) {
    batch += line;
    if (batch.length > 1 << 16) {
      if (!out.write(batch)) await new Promise<void>((done) => out.once('drain', () => done()));
      batch = '';
    }
  }
  out.end(batch);
  await finished(out);
}

/** Writes header.csv and episodes.csv: children of 5 episodes each, with realistic codes and dates. */
async function generate(
  directory: string,
  episodeRows: number,
): Promise<{ header: string; episodes: string; children: number }> {
  const random = generator(903);
  const pick = <T>(items: readonly T[]): T => items[Math.floor(random() * items.length)]!;
  const children = Math.ceil(episodeRows / EPISODES_PER_CHILD);
  const header = join(directory, 'header.csv');
  const episodes = join(directory, 'episodes.csv');
  const ethnic = ['WBRI', 'WIRI', 'WOTH', 'MWBC', 'AIND', 'BAFR', 'CHNE', 'OOTH'];
  await writeLines(
    header,
    (function* () {
      yield 'CHILD,SEX,DOB,ETHNIC,UPN,MOTHER,MC_DOB\r\n';
      for (let child = 0; child < children; child++) {
        const dob = ukDate(2008 + (child % 17), 1 + (child % 12), 1 + (child % 28));
        const sex = pick(['M', 'F']);
        const mother = sex === 'F' ? '0' : '';
        yield `C${child},${sex},${dob},${pick(ethnic)},A${String(child).padStart(12, '0')},${mother},\r\n`;
      }
    })(),
  );
  // Placements that go together with their provider (and an Ofsted URN where the provider has one), so
  // that, as in a real return, most children pass the rules and findings stay few.
  const placements = [
    ['U1', 'PR1', ''],
    ['U4', 'PR4', ''],
    ['K2', 'PR4', 'SC123456'],
    ['U3', 'PR1', ''],
    ['U6', 'PR4', ''],
    ['K2', 'PR1', 'SC654321'],
  ] as const;
  const legal = ['C1', 'C2', 'C2', 'E1'];
  await writeLines(
    episodes,
    (function* () {
      yield 'CHILD,DECOM,RNE,LS,CIN,PLACE,PLACE_PROVIDER,DEC,REC,REASON_PLACE_CHANGE,HOME_POST,PL_POST,URN\r\n';
      let written = 0;
      for (let child = 0; child < children && written < episodeRows; child++) {
        const status = pick(legal);
        const first = Math.floor(random() * placements.length);
        for (let episode = 0; episode < EPISODES_PER_CHILD && written < episodeRows; episode++, written++) {
          const [place, provider, urn] = placements[(first + episode) % placements.length]!;
          const start = ukDate(2025, 4 + episode, 1 + (child % 28));
          const last = episode === EPISODES_PER_CHILD - 1;
          const end = last ? '' : ukDate(2025, 5 + episode, 1 + (child % 28));
          yield `C${child},${start},${episode === 0 ? 'S' : 'P'},${status},N${1 + (child % 8)},${place},${provider},` +
            `${end},${last ? '' : 'X1'},${last ? '' : 'CARPL'},AB1 2CD,EF3 4GH,${urn}\r\n`;
        }
      }
    })(),
  );
  return { header, episodes, children };
}

/** Peak RSS between start() and stop(), sampled on an interval. */
function rssSampler(): { start(): void; stop(): number } {
  let peak = 0;
  let timer: NodeJS.Timeout | undefined;
  return {
    start() {
      peak = process.memoryUsage.rss();
      timer = setInterval(() => {
        peak = Math.max(peak, process.memoryUsage.rss());
      }, RSS_SAMPLE_MS);
    },
    stop() {
      clearInterval(timer);
      return Math.max(peak, process.memoryUsage.rss());
    },
  };
}

async function bareParse(paths: readonly string[]): Promise<number> {
  let records = 0;
  for (const path of paths) {
    for await (const _record of createReadStream(path).pipe(parse())) records++;
  }
  return records - paths.length; // the first row of each file names the columns
}

const inputs = (files: { header: string; episodes: string }) => [
  { name: 'header.csv', body: createReadStream(files.header) },
  { name: 'episodes.csv', body: createReadStream(files.episodes) },
];

const mb = (bytes: number): number => Math.round(bytes / 1024 ** 2);

export async function benchSsda903Parse(
  options: BenchSsda903ParseOptions = {},
): Promise<Record<string, number | string>> {
  const episodeRows = options.rows ?? 1_000_000;
  const directory = await mkdtemp(join(tmpdir(), 'ssda903-bench-'));
  try {
    const files = await generate(directory, episodeRows);
    const paths = [files.header, files.episodes];
    const bytes = (await Promise.all(paths.map((path) => stat(path)))).reduce(
      (sum, found) => sum + found.size,
      0,
    );

    const bareRss = rssSampler();
    bareRss.start();
    const bareStart = performance.now();
    const bareRows = await bareParse(paths);
    const bareSeconds = (performance.now() - bareStart) / 1000;
    const barePeak = bareRss.stop();

    const readerRss = rssSampler();
    readerRss.start();
    const readerStart = performance.now();
    const readerResult = await readReturn(inputs(files), {
      collectionYear: COLLECTION_YEAR,
      onChild: () => {},
    });
    const readerSeconds = (performance.now() - readerStart) / 1000;
    const readerPeak = readerRss.stop();
    const readerRows = readerResult.tables.reduce((sum, table) => sum + table.rows, 0);
    if (readerResult.status !== 'accepted' || readerRows !== bareRows) {
      throw new Error(
        `The reader read ${readerRows} rows (${readerResult.status}); csv-parse read ${bareRows}`,
      );
    }

    const rules = rulesFor(COLLECTION_YEAR);
    const councilKey = councilPseudonymKey(randomBytes(32), 'E09000001');
    let aggregator: Ssda903Aggregator | null = null;
    let degradedRows = 0;
    const fullRss = rssSampler();
    fullRss.start();
    const fullStart = performance.now();
    const result = await readReturn(inputs(files), {
      collectionYear: COLLECTION_YEAR,
      rules,
      onChild: (child, context) => {
        aggregator ??= new Ssda903Aggregator(context.collectionYear, context.tablesPresent);
        degradedRows += degradeChild(child, councilKey).length;
        aggregator.add(child);
      },
    });
    const fullSeconds = (performance.now() - fullStart) / 1000;
    const fullPeak = fullRss.stop();
    if (result.status !== 'accepted') {
      throw new Error(`The generated return was rejected: ${JSON.stringify(result.blocking)}`);
    }
    const fullRows = result.tables.reduce((sum, table) => sum + table.rows, 0);
    if (fullRows !== bareRows || degradedRows !== fullRows) {
      throw new Error(`Row counts differ: bare ${bareRows}, full ${fullRows}, degraded ${degradedRows}`);
    }
    const aggregates = (aggregator as Ssda903Aggregator | null)?.result();

    const bareRate = bareRows / bareSeconds;
    const readerRate = readerRows / readerSeconds;
    const fullRate = fullRows / fullSeconds;
    return {
      episodeRows,
      headerRows: files.children,
      rowsRead: fullRows,
      fileMB: mb(bytes),
      rules: rules.length,
      children: result.children,
      findings: result.totalFindings,
      aggregatedChildren: aggregates?.children ?? 0,
      bareSeconds: Number(bareSeconds.toFixed(2)),
      bareRowsPerSecond: Math.round(bareRate),
      bareRssPeakMB: mb(barePeak),
      readerSeconds: Number(readerSeconds.toFixed(2)),
      readerRowsPerSecond: Math.round(readerRate),
      readerRssPeakMB: mb(readerPeak),
      ratioReaderToBare: Number((readerRate / bareRate).toFixed(2)),
      fullSeconds: Number(fullSeconds.toFixed(2)),
      fullRowsPerSecond: Math.round(fullRate),
      fullRssPeakMB: mb(fullPeak),
      ratioFullToBare: Number((fullRate / bareRate).toFixed(2)),
      node: process.version,
    };
  } finally {
    await rm(directory, { recursive: true, force: true });
  }
}

const invokedDirectly =
  process.argv[1] !== undefined && import.meta.url === pathToFileURL(resolve(process.argv[1])).href;
if (invokedDirectly) {
  const rows = process.argv[2] === undefined ? undefined : Number(process.argv[2]);
  if (rows !== undefined && !(Number.isInteger(rows) && rows > 0)) {
    console.error('Usage: npx tsx scripts/bench-ssda903-parse.ts [rows]');
    process.exit(2);
  }
  const figures = await benchSsda903Parse({ rows });
  console.log(JSON.stringify(figures, null, 2));
}
