// Benchmark: reading an SSDA903 return at national scale. Generates a synthetic Episodes table (100,000,
// 1,000,000 and, with BENCH_SSDA903_3M=1, 3,000,000 rows) and the matching Header table (one row per five
// episodes) in a temporary folder, then measures on the same files, each in its own child process so that
// its peak resident memory is its own:
//   lines:     counting line ends in the bytes (the floor: reading the files and nothing else);
//   udsv:      the fastest bare CSV parser we know of, every row as an array of strings, nothing kept;
//   csvParse:  csv-parse, the same;
//   reader:    readReturn without rules, every child handed to a no-op (decoding, table recognition,
//              field checks, the row store, grouping by child: the reader's own cost);
//   full:      readReturn with the year's rules, degrading and aggregating every child as ingest does;
//   xmlReader, xmlFull: the reader and the full path again, on the same rows written as one XML return;
// and reports rows per second (elapsed and CPU) for each, the ratios of the full path to each, and peak RSS.
// Each process runs with the ingest function's Node.js options (INGEST_NODE_OPTIONS: its young generation).
// Usage: npm run bench -- ssda903Ingest, or npx tsx scripts/bench-ssda903-parse.ts [rows ...]; one kind alone:
// `measure <kind> header.csv episodes.csv`, or `measure xmlReader|xmlFull return.xml` (generateXml writes one).
import { spawnSync } from 'node:child_process';
import { createHash, randomBytes } from 'node:crypto';
import { createReadStream, createWriteStream } from 'node:fs';
import { mkdtemp, rm, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { createInterface } from 'node:readline';
import { finished } from 'node:stream/promises';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { parse } from 'csv-parse';
import { inferSchema, initParser } from 'udsv';
import { INGEST_NODE_OPTIONS } from '../infra/config/stage-config.ts';
import { councilPseudonymKey } from '../shared/domain/privacy.ts';
import { Ssda903Aggregator } from '../shared/domain/ssda903/aggregates.ts';
import { degradeChild } from '../shared/domain/ssda903/degrade.ts';
import { readReturn } from '../shared/domain/ssda903/engine.ts';
import { rulesFor } from '../shared/domain/ssda903/rules/registry.ts';

const COLLECTION_YEAR = 2026;
const EPISODES_PER_CHILD = 5;
const KINDS = ['lines', 'udsv', 'csvParse', 'reader', 'full'] as const;
/** The same return in its XML form: the reader and the full path, as above. */
const XML_KINDS = ['xmlReader', 'xmlFull'] as const;
type Kind = (typeof KINDS)[number] | (typeof XML_KINDS)[number];

export interface BenchSsda903ParseOptions {
  /** Episodes rows to generate, one size per entry (the Header table gets one row per five episodes). */
  readonly sizes?: readonly number[];
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
export async function generate(
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

/** dd/mm/yyyy as the XML form writes a date (yyyy-mm-dd); anything else as it is. */
const isoDate = (value: string): string => {
  const parts = /^(\d\d)\/(\d\d)\/(\d{4})$/.exec(value);
  return parts ? `${parts[3]}-${parts[2]}-${parts[1]}` : value;
};
const XML_NAMES: Readonly<Record<string, string>> = { CHILD: 'CHILDID', PLACE: 'PL' };

/** One element per value, indented as exports are, blank values (and the columns left out) not written. */
function xmlElements(columns: readonly string[], values: readonly string[], leaveOut = ''): string {
  let xml = '';
  columns.forEach((column, at) => {
    const value = values[at] ?? '';
    if (value === '' || column === leaveOut) return;
    const name = XML_NAMES[column] ?? column;
    xml += `      <${name}>${isoDate(value)}</${name}>\n`;
  });
  return xml;
}

/**
 * Writes return.xml beside header.csv and episodes.csv (as generate() wrote them): the same children and
 * episodes in the XML form (EXPSSDA903 > CHILD > HEADER, EPISODE*), pretty-printed, dates as yyyy-mm-dd. The
 * XML form carries every table, so rules on tables the CSV files lack (previous permanence, adoption) find more.
 */
export async function writeXml(header: string, episodes: string): Promise<string> {
  const xml = join(dirname(header), 'return.xml');
  const headerLines = createInterface({ input: createReadStream(header), crlfDelay: Infinity });
  const episodeLines = createInterface({ input: createReadStream(episodes), crlfDelay: Infinity });
  const headerReader = headerLines[Symbol.asyncIterator]();
  const episodeReader = episodeLines[Symbol.asyncIterator]();
  const headerColumns = ((await headerReader.next()).value as string).split(',');
  const episodeColumns = ((await episodeReader.next()).value as string).split(',');
  let pending = (await episodeReader.next()).value as string | undefined;
  const out = createWriteStream(xml);
  const write = async (text: string): Promise<void> => {
    if (!out.write(text)) await new Promise<void>((done) => out.once('drain', () => done()));
  };
  await write('<?xml version="1.0" encoding="UTF-8"?>\n<EXPSSDA903>\n');
  for (let next = await headerReader.next(); !next.done; next = await headerReader.next()) {
    const line = next.value as string;
    if (line === '') continue;
    const values = line.split(',');
    // The XML form records UASC status as a flag in HEADER (the CSV form by a row in the UASC table).
    let text = `  <CHILD>\n    <HEADER>\n${xmlElements(headerColumns, values)}      <UASC>0</UASC>\n    </HEADER>\n`;
    while (pending?.startsWith(`${values[0]},`)) {
      text += `    <EPISODE>\n${xmlElements(episodeColumns, pending.split(','), 'CHILD')}    </EPISODE>\n`;
      pending = (await episodeReader.next()).value as string | undefined;
    }
    await write(`${text}  </CHILD>\n`);
  }
  out.end('</EXPSSDA903>\n');
  await finished(out);
  return xml;
}

/** Writes return.xml alone (for measuring one kind by hand): generate(), then writeXml(). */
export async function generateXml(directory: string, episodeRows: number): Promise<string> {
  const { header, episodes } = await generate(directory, episodeRows);
  const xml = await writeXml(header, episodes);
  await rm(header);
  await rm(episodes);
  return xml;
}

interface Measured {
  readonly rows: number;
  readonly seconds: number;
  /** CPU time (user and system): steadier than elapsed time on a shared machine. */
  readonly cpuSeconds: number;
  readonly peakRssMB: number;
  readonly children?: number;
  readonly findings?: number;
  readonly aggregatedChildren?: number;
  readonly findingsDigest?: string;
}

async function countLines(paths: readonly string[]): Promise<number> {
  let lines = 0;
  for (const path of paths) {
    for await (const chunk of createReadStream(path, { highWaterMark: 1 << 16 })) {
      const bytes = chunk as Buffer;
      for (let at = bytes.indexOf(10); at !== -1; at = bytes.indexOf(10, at + 1)) lines++;
    }
  }
  return lines - paths.length; // the first line of each file names the columns
}

async function udsvParse(paths: readonly string[]): Promise<number> {
  let records = 0;
  for (const path of paths) {
    let parser: ReturnType<typeof initParser> | null = null;
    const count = (): void => {
      records++;
    };
    for await (const text of createReadStream(path, { encoding: 'utf8', highWaterMark: 1 << 16 })) {
      parser ??= initParser(inferSchema(text as string, { col: ',', row: '\r\n', encl: '"' }));
      parser.chunk<string[]>(text as string, parser.stringArrs, count);
    }
    parser?.end();
  }
  return records; // udsv takes the first row as the column names
}

async function csvParse(paths: readonly string[]): Promise<number> {
  let records = 0;
  for (const path of paths) {
    for await (const _record of createReadStream(path).pipe(parse())) records++;
  }
  return records - paths.length;
}

/** Above the product's limits (RETURN_LIMITS), so the 3M case is measured rather than refused. */
const BENCH_LIMITS = { maxRowsPerTable: 10_000_000, maxRowsPerReturn: 20_000_000, maxChildren: 2_000_000 };

/** The CSV files, or for an XML kind the one XML file (given as the first path). */
const inputsFor = (kind: Kind, header: string, episodes: string) =>
  kind === 'xmlReader' || kind === 'xmlFull'
    ? [{ name: 'return.xml', body: createReadStream(header) }]
    : [
        { name: 'header.csv', body: createReadStream(header) },
        { name: 'episodes.csv', body: createReadStream(episodes) },
      ];

/** A hash of the findings as listed (with their places in an XML return), to compare two versions' output. */
const digestOfFindings = (findings: readonly unknown[]): string =>
  createHash('sha256').update(JSON.stringify(findings)).digest('hex').slice(0, 16);

/** Runs one measurement in this process (the child side). */
async function measureHere(kind: Kind, header: string, episodes: string): Promise<Measured> {
  const paths = [header, episodes];
  const inputs = () => inputsFor(kind, header, episodes);
  const start = performance.now();
  const cpuStart = process.cpuUsage();
  let rows: number;
  let extra: Partial<Measured> = {};
  let listed: readonly unknown[] | null = null;
  switch (kind) {
    case 'lines':
      rows = await countLines(paths);
      break;
    case 'udsv':
      rows = await udsvParse(paths);
      break;
    case 'csvParse':
      rows = await csvParse(paths);
      break;
    case 'reader':
    case 'xmlReader': {
      const result = await readReturn(inputs(), {
        collectionYear: COLLECTION_YEAR,
        limits: BENCH_LIMITS,
        onChild: () => {},
      });
      if (result.status !== 'accepted') throw new Error('The generated return was rejected');
      rows = result.tables.reduce((sum, table) => sum + table.rows, 0);
      extra = { children: result.children };
      break;
    }
    case 'full':
    case 'xmlFull': {
      const councilKey = councilPseudonymKey(randomBytes(32), 'E09000001');
      let aggregator: Ssda903Aggregator | null = null;
      let degradedRows = 0;
      const result = await readReturn(inputs(), {
        collectionYear: COLLECTION_YEAR,
        limits: BENCH_LIMITS,
        rules: rulesFor(COLLECTION_YEAR),
        onChild: (child, context) => {
          aggregator ??= new Ssda903Aggregator(context.collectionYear, context.tablesPresent);
          degradedRows += degradeChild(child, councilKey).length;
          aggregator.add(child);
        },
      });
      if (result.status !== 'accepted') throw new Error(`Rejected: ${JSON.stringify(result.blocking)}`);
      rows = result.tables.reduce((sum, table) => sum + table.rows, 0);
      if (degradedRows !== rows) throw new Error(`Read ${rows} rows but degraded ${degradedRows}`);
      const aggregates = (aggregator as Ssda903Aggregator | null)?.result();
      extra = {
        children: result.children,
        findings: result.totalFindings,
        aggregatedChildren: aggregates?.children ?? 0,
      };
      listed = result.findings;
      break;
    }
  }
  const seconds = (performance.now() - start) / 1000;
  const cpu = process.cpuUsage(cpuStart);
  const cpuSeconds = (cpu.user + cpu.system) / 1e6;
  if (listed) extra = { ...extra, findingsDigest: digestOfFindings(listed) };
  // maxRSS is in kilobytes: the peak of the whole process, which did nothing else.
  return {
    rows,
    seconds,
    cpuSeconds,
    peakRssMB: Math.round(process.resourceUsage().maxRSS / 1024),
    ...extra,
  };
}

const SELF = fileURLToPath(import.meta.url);

/** Runs one measurement in a fresh child process, with the ingest function's Node.js options. */
function measureApart(kind: Kind, header: string, episodes: string): Measured {
  const args = [...INGEST_NODE_OPTIONS, '--import', 'tsx', SELF, 'measure', kind, header, episodes];
  const child = spawnSync(process.execPath, args, { encoding: 'utf8', maxBuffer: 1 << 20 });
  if (child.status !== 0) throw new Error(`The ${kind} measurement failed: ${child.stderr}`);
  return JSON.parse(child.stdout.trim().split('\n').pop()!) as Measured;
}

const mb = (bytes: number): number => Math.round(bytes / 1024 ** 2);

async function benchSize(episodeRows: number): Promise<Record<string, unknown>> {
  const directory = await mkdtemp(join(tmpdir(), 'ssda903-bench-'));
  try {
    const files = await generate(directory, episodeRows);
    const bytes = (await stat(files.header)).size + (await stat(files.episodes)).size;
    const measured = {} as Record<Kind, Measured>;
    for (const kind of KINDS) measured[kind] = measureApart(kind, files.header, files.episodes);
    const rows = measured.lines.rows;
    for (const kind of KINDS) {
      if (measured[kind].rows !== rows) {
        throw new Error(`${kind} read ${measured[kind].rows} rows where the files have ${rows}`);
      }
    }
    const xml = await writeXml(files.header, files.episodes);
    for (const kind of XML_KINDS) measured[kind] = measureApart(kind, xml, '');
    for (const kind of XML_KINDS) {
      if (measured[kind].rows !== rows)
        throw new Error(`${kind} read ${measured[kind].rows} rows, not ${rows}`);
    }
    const rate = (kind: Kind): number => rows / measured[kind].seconds;
    const cpuRate = (kind: Kind): number => rows / measured[kind].cpuSeconds;
    const figures: Record<string, unknown> = {
      episodeRows,
      rowsRead: rows,
      fileMB: mb(bytes),
      rules: rulesFor(COLLECTION_YEAR).length,
      children: measured.full.children,
      findings: measured.full.findings,
      aggregatedChildren: measured.full.aggregatedChildren,
      xmlFileMB: mb((await stat(xml)).size),
      xmlFindings: measured.xmlFull.findings,
    };
    for (const kind of [...KINDS, ...XML_KINDS]) {
      figures[kind] = {
        seconds: Number(measured[kind].seconds.toFixed(2)),
        rowsPerSecond: Math.round(rate(kind)),
        cpuSeconds: Number(measured[kind].cpuSeconds.toFixed(2)),
        rowsPerCpuSecond: Math.round(cpuRate(kind)),
        peakRssMB: measured[kind].peakRssMB,
      };
    }
    figures.fullTo = Object.fromEntries(
      KINDS.filter((kind) => kind !== 'full').map((kind) => [
        kind,
        Number((rate('full') / rate(kind)).toFixed(2)),
      ]),
    );
    figures.fullToByCpu = Object.fromEntries(
      KINDS.filter((kind) => kind !== 'full').map((kind) => [
        kind,
        Number((cpuRate('full') / cpuRate(kind)).toFixed(2)),
      ]),
    );
    figures.xmlFullToCsvFullByCpu = Number((cpuRate('xmlFull') / cpuRate('full')).toFixed(2));
    return figures;
  } finally {
    await rm(directory, { recursive: true, force: true });
  }
}

/** The sizes measured: BENCH_SSDA903_ROWS (comma-separated) or 100k and 1M, plus 3M with BENCH_SSDA903_3M=1. */
export function benchSizes(environment: NodeJS.ProcessEnv = process.env): number[] {
  if (environment.BENCH_SSDA903_ROWS) return environment.BENCH_SSDA903_ROWS.split(',').map(Number);
  return environment.BENCH_SSDA903_3M === '1' ? [100_000, 1_000_000, 3_000_000] : [100_000, 1_000_000];
}

export async function benchSsda903Parse(
  options: BenchSsda903ParseOptions = {},
): Promise<Record<string, unknown>> {
  const results: Record<string, unknown> = { node: process.version };
  for (const size of options.sizes ?? benchSizes()) {
    results[`rows${size}`] = await benchSize(size);
    console.error(JSON.stringify({ [`rows${size}`]: results[`rows${size}`] }));
  }
  return results;
}

const invokedDirectly =
  process.argv[1] !== undefined && import.meta.url === pathToFileURL(resolve(process.argv[1])).href;
if (invokedDirectly && process.argv[2] === 'measure') {
  const [kind, header, episodes] = process.argv.slice(3) as [Kind, string, string];
  console.log(JSON.stringify(await measureHere(kind, header, episodes)));
} else if (invokedDirectly) {
  const sizes = process.argv.slice(2).map(Number);
  if (sizes.some((rows) => !(Number.isInteger(rows) && rows > 0))) {
    console.error('Usage: npx tsx scripts/bench-ssda903-parse.ts [rows ...]');
    process.exit(2);
  }
  const figures = await benchSsda903Parse(sizes.length > 0 ? { sizes } : {});
  console.log(JSON.stringify(figures, null, 2));
}
