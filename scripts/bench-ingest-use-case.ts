// Benchmark: every return type through its ingest use case as ingest-return runs it (ingestSubmission: claim,
// read, checks, rules, degrade, aggregates, the curated extract or state written as a stream, the report
// stored). Two kinds of object store:
//   memory: the use case's ports in this process; uploads read from disk as a stream, every object written
//           hashed and counted (no I/O cost: what the use case itself spends);
//   s3:     the real S3 adapter against the local S3 emulator (fauxqs) in a child process on loopback, so
//           this process's CPU is the function's own, HTTP and SDK included.
// Aggregates are kept in memory in both (one DynamoDB write per return: not what the time goes on).
// A measurement prints CPU and elapsed seconds, the peak RSS, and each object written under curated/ with its
// size and SHA-256 (to compare two versions). A CSC API delta is measured on top of a kept state: `--keep
// <dir>` (s3 only) writes the state and aggregates an ingest left into <dir>, `--after <dir>` starts from them.
// `benchIngestUseCase` (npm run bench -- ingestUseCase) generates a return of every type, measures each in its
// own process with the ingest function's Node.js options, and works out each one's pace per MiB and per row:
// at modest sizes by default, at the largest the limits accept with BENCH_INGEST_LARGE=1. It ends with the
// paces ingest-return is sized from (infra/config/stage-config.ts) as this run measured them, and the timeout
// they would give: a large run's figures are what INGEST_BENCHMARK holds.
// The cases' files alone, into a folder (their list printed): `generate <dir>`. One measurement by hand:
//   node --max-semi-space-size=4 --import tsx scripts/bench-ingest-use-case.ts measure memory|s3 <returnType>
//     [--keep <dir>] [--after <dir>] <files ...>
import { spawn, spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { createReadStream, createWriteStream } from 'node:fs';
import { mkdtemp, readFile, rm, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { basename, join, resolve } from 'node:path';
import { createInterface } from 'node:readline';
import { pipeline } from 'node:stream/promises';
import { fileURLToPath, pathToFileURL } from 'node:url';
import {
  CreateBucketCommand,
  GetObjectCommand,
  ListObjectsV2Command,
  PutObjectCommand,
  S3Client,
} from '@aws-sdk/client-s3';
import {
  DEFAULT_MAX_UPLOAD_BYTES,
  INGEST_BENCHMARK,
  INGEST_NODE_OPTIONS,
  ingestTimeoutSeconds,
} from '../infra/config/stage-config.ts';
import { LOCAL_CREDENTIALS, startFauxqs } from '../infra/local/emulators.ts';
import { LOCAL_REGION } from '../infra/local/model.ts';
import { S3ObjectStore } from '../shared/adapters/s3-objects.ts';
import { generateReturn } from '../shared/domain/generate/index.ts';
import { loadNationalBaseline } from '../shared/domain/indicators/reference-data.ts';
import { isReturnType, type ReturnType } from '../shared/domain/returns/catalogue.ts';
import type { ReturnAggregates } from '../shared/ports/aggregates.ts';
import type { ObjectStore, ObjectWriter } from '../shared/ports/objects.ts';
import type { Submission, SubmissionStore } from '../shared/ports/submissions.ts';
import { InMemoryAggregateStore } from '../shared/use-cases/indicator-in-memory.ts';
import { STATE_TABLE } from '../shared/use-cases/returns/cscapi.ts';
import { curatedPrefix } from '../shared/use-cases/returns/definition.ts';
import { ingestSubmission } from '../shared/use-cases/returns/pipeline.ts';
import { buildZip } from '../test/unit/ssda903/helpers/zip-writer.ts';
import { generate, writeXml } from './bench-ssda903-parse.ts';

const SELF = fileURLToPath(import.meta.url);
const LA = '886';
const COLLECTION_YEAR = 2026;
const SUBMITTED = { first: 'SUB-20261206-BENCH00001', after: 'SUB-20261206-BENCH00002' };

/** Uploads read from disk; every object written is hashed and counted, not kept. */
class CountingObjects implements ObjectStore {
  readonly written = new Map<string, { bytes: number; sha256: string }>();
  constructor(private readonly paths: ReadonlyMap<string, string>) {}
  async open(bucket: string, key: string): Promise<AsyncIterable<Uint8Array>> {
    const path = this.paths.get(`${bucket}/${key}`);
    if (!path) throw new Error(`No object ${bucket}/${key}`);
    return createReadStream(path, { highWaterMark: 1 << 16 });
  }
  async digest(): Promise<{ size: number; sha256: string }> {
    throw new Error('not used by ingest');
  }
  async putText(bucket: string, key: string, body: string): Promise<void> {
    const bytes = Buffer.from(body);
    this.written.set(`${bucket}/${key}`, {
      bytes: bytes.length,
      sha256: createHash('sha256').update(bytes).digest('hex'),
    });
  }
  openWriter(bucket: string, key: string): ObjectWriter {
    const hash = createHash('sha256');
    let bytes = 0;
    return {
      write: async (text) => {
        const chunk = Buffer.from(text);
        bytes += chunk.length;
        hash.update(chunk);
      },
      close: async () => void this.written.set(`${bucket}/${key}`, { bytes, sha256: hash.digest('hex') }),
    };
  }
  async move(bucket: string, fromKey: string, toKey: string): Promise<void> {
    const moved = this.written.get(`${bucket}/${fromKey}`);
    if (moved) this.written.set(`${bucket}/${toKey}`, moved);
    this.written.delete(`${bucket}/${fromKey}`);
  }
  async remove(bucket: string, key: string): Promise<void> {
    this.written.delete(`${bucket}/${key}`);
  }
}

async function submissionOf(
  returnType: ReturnType,
  submissionId: string,
  files: readonly string[],
): Promise<Submission> {
  const uploads = await Promise.all(
    files.map(async (path) => ({
      fileName: basename(path),
      size: (await stat(path)).size,
      sha256: 'bench',
      receivedAt: '2026-12-06T09:00:00.000Z',
      key: `uploads/${LA}/${returnType}/${COLLECTION_YEAR}/${submissionId}/${basename(path)}`,
      bucket: 'uploads',
    })),
  );
  return {
    submissionId,
    la: LA,
    returnType,
    collectionYear: COLLECTION_YEAR,
    status: 'processing',
    declaredFiles: uploads.map((file) => ({ name: file.fileName, size: file.size })),
    createdAt: '2026-12-06T09:00:00.000Z',
    createdBy: 'bench',
    files: uploads,
  };
}

/** The local S3 emulator in a child process, so its CPU is not counted as the function's. */
async function emulatorApart(): Promise<{ endpoint: string; stop: () => void }> {
  const child = spawn(process.execPath, ['--import', 'tsx', SELF, 'serve'], {
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  const lines = createInterface({ input: child.stdout! });
  for await (const line of lines) {
    if (line.startsWith('http')) return { endpoint: line.trim(), stop: () => child.kill() };
  }
  throw new Error('The S3 emulator did not start');
}

/** What an earlier ingest left for the next one: its aggregates and, for the CSC API, its state. */
const KEPT = { aggregates: 'aggregates.json', state: `${STATE_TABLE}.csv` } as const;

export interface UseCaseMeasured {
  readonly returnType: ReturnType;
  readonly kind: 'memory' | 's3';
  readonly status: string;
  readonly children: number | null;
  readonly problems: number;
  readonly uploadBytes: number;
  readonly cpuSeconds: number;
  readonly seconds: number;
  readonly peakRssMB: number;
  /** Every object the return left under curated/, by key below its submission's prefix. */
  readonly written: Record<string, { bytes: number; sha256: string }>;
}

interface MeasureOptions {
  readonly kind: 'memory' | 's3';
  readonly returnType: ReturnType;
  readonly files: readonly string[];
  /** A folder to write the aggregates and state this ingest leaves (s3 only). */
  readonly keep?: string;
  /** A folder an earlier ingest was kept in: this one starts from its aggregates and state. */
  readonly after?: string;
}

async function measure(options: MeasureOptions): Promise<UseCaseMeasured> {
  const { kind, returnType, files } = options;
  if (options.keep && kind !== 's3') throw new Error('--keep needs the s3 kind');
  const submission = await submissionOf(returnType, options.after ? SUBMITTED.after : SUBMITTED.first, files);
  const paths = new Map(submission.files.map((file, index) => [`uploads/${file.key}`, files[index]!]));
  const aggregates = new InMemoryAggregateStore();
  if (options.after) {
    const earlier = JSON.parse(
      await readFile(join(options.after, KEPT.aggregates), 'utf8'),
    ) as ReturnAggregates;
    await aggregates.saveReturnAggregates(earlier);
    paths.set(`data/${curatedPrefix(earlier)}/${KEPT.state}`, join(options.after, KEPT.state));
  }
  let objects: ObjectStore;
  let counting: CountingObjects | undefined;
  let client: S3Client | undefined;
  let emulator: { endpoint: string; stop: () => void } | undefined;
  if (kind === 'memory') {
    counting = new CountingObjects(paths);
    objects = counting;
  } else {
    emulator = await emulatorApart();
    client = new S3Client({
      region: LOCAL_REGION,
      credentials: LOCAL_CREDENTIALS,
      endpoint: emulator.endpoint,
      forcePathStyle: true,
    });
    for (const bucket of ['uploads', 'data']) await client.send(new CreateBucketCommand({ Bucket: bucket }));
    // Streamed, so the uploads are not in this process's memory when the peak is sampled.
    for (const [address, path] of paths) {
      const [bucket, ...key] = address.split('/');
      await client.send(
        new PutObjectCommand({
          Bucket: bucket,
          Key: key.join('/'),
          Body: createReadStream(path, { highWaterMark: 1 << 16 }),
          ContentLength: (await stat(path)).size,
        }),
      );
    }
    objects = new S3ObjectStore(client);
  }
  let peakRss = process.memoryUsage.rss();
  const sampler = setInterval(() => {
    peakRss = Math.max(peakRss, process.memoryUsage.rss());
  }, 50);
  const started = performance.now();
  const cpuStart = process.cpuUsage();
  const outcome = await ingestSubmission(submission, {
    objects,
    submissions: { claimFingerprint: async () => undefined } as unknown as SubmissionStore,
    aggregates,
    publishRecompute: async () => {},
    pseudonymSecret: async () => Buffer.alloc(32, 7),
    uploadsBucket: 'uploads',
    dataBucket: 'data',
    maxFileBytes: 1 << 30,
    now: () => new Date(Date.UTC(2026, 11, 6, 9, 0, 0)),
  });
  const cpu = process.cpuUsage(cpuStart);
  const seconds = (performance.now() - started) / 1000;
  clearInterval(sampler);
  peakRss = Math.max(peakRss, process.memoryUsage.rss());
  const prefix = `${curatedPrefix(submission)}/`;
  const written: Record<string, { bytes: number; sha256: string }> = {};
  if (counting) {
    for (const [address, object] of counting.written)
      if (address.startsWith(`data/${prefix}`)) written[address.slice(`data/${prefix}`.length)] = object;
  } else {
    const listed = await client!.send(new ListObjectsV2Command({ Bucket: 'data', Prefix: prefix }));
    for (const { Key } of listed.Contents ?? []) {
      const body = await client!.send(new GetObjectCommand({ Bucket: 'data', Key }));
      const bytes = Buffer.from(await body.Body!.transformToByteArray());
      written[Key!.slice(prefix.length)] = {
        bytes: bytes.length,
        sha256: createHash('sha256').update(bytes).digest('hex'),
      };
    }
    if (options.keep) {
      const current = await aggregates.currentAggregates(LA, returnType, COLLECTION_YEAR);
      await writeFile(join(options.keep, KEPT.aggregates), JSON.stringify(current));
      const state = await client!.send(
        new GetObjectCommand({ Bucket: 'data', Key: `${prefix}${KEPT.state}` }),
      );
      await pipeline(state.Body as NodeJS.ReadableStream, createWriteStream(join(options.keep, KEPT.state)));
    }
  }
  client?.destroy();
  emulator?.stop();
  return {
    returnType,
    kind,
    status: outcome.status,
    children: outcome.children ?? null,
    problems: outcome.problems ?? 0,
    uploadBytes: submission.files.reduce((sum, file) => sum + file.size, 0),
    cpuSeconds: Number(((cpu.user + cpu.system) / 1e6).toFixed(2)),
    seconds: Number(seconds.toFixed(2)),
    peakRssMB: Math.round(peakRss / 1e6),
    written,
  };
}

/** Runs one measurement in a fresh child process, with the ingest function's Node.js options. */
function measureApart(options: MeasureOptions): UseCaseMeasured {
  const args = [
    ...INGEST_NODE_OPTIONS,
    '--import',
    'tsx',
    SELF,
    'measure',
    options.kind,
    options.returnType,
    ...(options.keep ? ['--keep', options.keep] : []),
    ...(options.after ? ['--after', options.after] : []),
    ...options.files,
  ];
  const child = spawnSync(process.execPath, args, { encoding: 'utf8', maxBuffer: 1 << 22 });
  if (child.status !== 0)
    throw new Error(`The ${options.returnType} measurement failed: ${child.stderr.slice(-4000)}`);
  return JSON.parse(child.stdout.trim().split('\n').pop()!) as UseCaseMeasured;
}

/** One return measured: its upload, what it counts as rows, and how it was generated. */
interface Case {
  readonly name: string;
  readonly returnType: ReturnType;
  /** Rows of the upload (SSDA903 table rows, CIN children, CSC API documents, workers, months). */
  readonly rows: number;
  readonly files: readonly string[];
  /** A case measured on what this one kept (a CSC API delta on the full payload's state). */
  readonly after?: string;
  /** Keep what this case leaves, for a case after it. */
  readonly keep?: string;
  /** A ZIP's files once inflated, in bytes: what its pace is measured per. */
  readonly inflatedBytes?: number;
}

/** The sizes measured: modest by default; with BENCH_INGEST_LARGE=1, the largest each type's limits accept. */
export function ingestBenchSizes(environment: NodeJS.ProcessEnv = process.env) {
  const large = environment.BENCH_INGEST_LARGE === '1';
  return large
    ? // 1M Episodes rows and 200k Header rows: the most one table may hold (RETURN_LIMITS), 76 MiB as CSV.
      // As XML, 250k Episodes rows are some 92 MiB, inside the 100 MiB upload; the others are scaled to it.
      {
        ssda903CsvEpisodes: 1_000_000,
        ssda903XmlEpisodes: 250_000,
        cinScale: 3,
        cscapiScale: 40,
        cswwScale: 200,
      }
    : { ssda903CsvEpisodes: 100_000, ssda903XmlEpisodes: 25_000, cinScale: 1, cscapiScale: 4, cswwScale: 20 };
}

async function written(directory: string, name: string, content: string): Promise<string> {
  const path = join(directory, name);
  await writeFile(path, content);
  return path;
}

const countLines = (text: string): number => {
  let lines = 0;
  for (let at = text.indexOf('\n'); at !== -1; at = text.indexOf('\n', at + 1)) lines++;
  return lines;
};

const countOf = (text: string, tag: string): number => text.split(tag).length - 1;

/** Generates every case's files in `directory`. */
async function casesIn(directory: string): Promise<Case[]> {
  const sizes = ingestBenchSizes();
  const baseline = loadNationalBaseline();
  const generated = (returnType: ReturnType, scale: number, extra: object = {}) =>
    generateReturn(
      { returnType, collectionYear: COLLECTION_YEAR, la: LA, seed: 1, scale, ...extra },
      baseline,
    );
  const cases: Case[] = [];

  const csvFolder = await mkdtemp(join(directory, 'ssda903-csv-'));
  const csv = await generate(csvFolder, sizes.ssda903CsvEpisodes);
  cases.push({
    name: 'ssda903Csv',
    returnType: 'ssda903',
    rows: sizes.ssda903CsvEpisodes + csv.children,
    files: [csv.header, csv.episodes],
  });
  // The same tables in one ZIP: what the upload limit bounds is then its compressed size, not the rows'.
  const zip = join(csvFolder, 'ssda903.zip');
  await writeFile(
    zip,
    buildZip([
      { name: 'header.csv', data: await readFile(csv.header) },
      { name: 'episodes.csv', data: await readFile(csv.episodes) },
    ]),
  );
  cases.push({
    name: 'ssda903Zip',
    returnType: 'ssda903',
    rows: sizes.ssda903CsvEpisodes + csv.children,
    files: [zip],
    inflatedBytes: (await stat(csv.header)).size + (await stat(csv.episodes)).size,
  });
  const xmlFolder = await mkdtemp(join(directory, 'ssda903-xml-'));
  const forXml = await generate(xmlFolder, sizes.ssda903XmlEpisodes);
  const xml = await writeXml(forXml.header, forXml.episodes);
  await rm(forXml.header);
  await rm(forXml.episodes);
  cases.push({
    name: 'ssda903Xml',
    returnType: 'ssda903',
    rows: sizes.ssda903XmlEpisodes + forXml.children,
    files: [xml],
  });

  const [cin] = generated('cin', sizes.cinScale);
  cases.push({
    name: 'cin',
    returnType: 'cin',
    rows: countOf(cin!.content, '<Child>'),
    files: [await written(directory, cin!.name, cin!.content)],
  });

  const [full, delta] = generated('cscapi', sizes.cscapiScale, { days: 1 });
  const kept = await mkdtemp(join(directory, 'cscapi-state-'));
  cases.push({
    name: 'cscapiFull',
    returnType: 'cscapi',
    rows: countLines(full!.content),
    files: [await written(directory, full!.name, full!.content)],
    keep: kept,
  });
  cases.push({
    name: 'cscapiDelta',
    returnType: 'cscapi',
    rows: countLines(delta!.content),
    files: [await written(directory, delta!.name, delta!.content)],
    after: kept,
  });

  const [csww] = generated('csww', sizes.cswwScale);
  cases.push({
    name: 'csww',
    returnType: 'csww',
    rows: countOf(csww!.content, '<CSWWWorker>'),
    files: [await written(directory, csww!.name, csww!.content)],
  });

  // The in-year dataset is a year of monthly counts: a few kilobytes whatever the council.
  const [inyear] = generated('inyear', 1);
  cases.push({
    name: 'inyear',
    returnType: 'inyear',
    rows: countLines(inyear!.content) - 1,
    files: [await written(directory, inyear!.name, inyear!.content)],
  });
  return cases;
}

const MIB = 1024 ** 2;
const round = (value: number, digits: number) => Number(value.toFixed(digits));

/** Every return type through its use case with the S3 adapter, each in its own process; each one's pace. */
export async function benchIngestUseCase(): Promise<Record<string, unknown>> {
  const directory = await mkdtemp(join(tmpdir(), 'ingest-use-case-bench-'));
  try {
    const results: Record<string, unknown> = { node: process.version, sizes: ingestBenchSizes() };
    // This run's paces, as infra/config/stage-config.ts sizes ingest from them.
    const paces = { secondsPerUploadMiB: 0, secondsPerInflatedMiB: 0, secondsPerRow: 0, peakMiB: 0 };
    for (const each of await casesIn(directory)) {
      const measured = measureApart({
        kind: 's3',
        returnType: each.returnType,
        files: each.files,
        ...(each.keep ? { keep: each.keep } : {}),
        ...(each.after ? { after: each.after } : {}),
      });
      if (measured.status === 'rejected') throw new Error(`The generated ${each.name} return was rejected`);
      const uploadMiB = measured.uploadBytes / MIB;
      // What the time grows with: the upload; a ZIP's files once inflated; a CSC API delta's upload and the
      // state it is applied to (read, and written again).
      const stateMiB = each.after ? (await stat(join(each.after, KEPT.state))).size / MIB : 0;
      const mib = each.inflatedBytes ? each.inflatedBytes / MIB : uploadMiB + stateMiB;
      const figures = {
        uploadMiB: round(uploadMiB, 2),
        ...(each.after ? { stateMiB: round(stateMiB, 2) } : {}),
        ...(each.inflatedBytes ? { inflatedMiB: round(mib, 2) } : {}),
        rows: each.rows,
        status: measured.status,
        problems: measured.problems,
        cpuSeconds: measured.cpuSeconds,
        seconds: measured.seconds,
        peakRssMB: measured.peakRssMB,
        secondsPerMiB: round(measured.seconds / mib, 3),
        cpuSecondsPerMiB: round(measured.cpuSeconds / mib, 3),
        microsecondsPerRow: round((measured.seconds / each.rows) * 1e6, 1),
        written: Object.fromEntries(
          Object.entries(measured.written).map(([key, object]) => [key, object.sha256.slice(0, 16)]),
        ),
      };
      results[each.name] = figures;
      // The in-year dataset is left out: a year of months, its size is fixed by its form, not the limits.
      if (each.inflatedBytes) paces.secondsPerInflatedMiB = measured.seconds / mib;
      else if (each.returnType !== 'inyear')
        paces.secondsPerUploadMiB = Math.max(paces.secondsPerUploadMiB, measured.seconds / mib);
      if (each.returnType === 'ssda903')
        paces.secondsPerRow = Math.max(paces.secondsPerRow, measured.seconds / each.rows);
      if (each.returnType !== 'cscapi')
        paces.peakMiB = Math.max(paces.peakMiB, (measured.peakRssMB * 1e6) / MIB);
      console.error(JSON.stringify({ [each.name]: figures }));
    }
    const measuredBenchmark = { ...INGEST_BENCHMARK, ...paces };
    results.sizing = {
      ...(process.env.BENCH_INGEST_LARGE === '1'
        ? {}
        : { note: 'modest sizes: fixed costs weigh on the paces; size from BENCH_INGEST_LARGE=1' }),
      paces: Object.fromEntries(
        Object.entries(paces).map(([name, value]) => [name, Number(value.toPrecision(3))]),
      ),
      configured: INGEST_BENCHMARK,
      timeoutSecondsFromThisRun: ingestTimeoutSeconds(DEFAULT_MAX_UPLOAD_BYTES, measuredBenchmark),
      timeoutSecondsConfigured: ingestTimeoutSeconds(DEFAULT_MAX_UPLOAD_BYTES),
    };
    return results;
  } finally {
    await rm(directory, { recursive: true, force: true });
  }
}

function parseMeasureArguments(args: readonly string[]): MeasureOptions {
  const [kind, returnType, ...rest] = args;
  if ((kind !== 'memory' && kind !== 's3') || !returnType || !isReturnType(returnType))
    throw new Error(
      'Usage: bench-ingest-use-case.ts measure memory|s3 <returnType> [--keep <dir>] [--after <dir>] <files ...>',
    );
  const files: string[] = [];
  let keep: string | undefined;
  let after: string | undefined;
  for (let at = 0; at < rest.length; at++) {
    if (rest[at] === '--keep') keep = rest[++at];
    else if (rest[at] === '--after') after = rest[++at];
    else files.push(rest[at]!);
  }
  if (files.length === 0) throw new Error('Name the files of the return to ingest');
  return { kind, returnType, files, ...(keep ? { keep } : {}), ...(after ? { after } : {}) };
}

const invokedDirectly =
  process.argv[1] !== undefined && import.meta.url === pathToFileURL(resolve(process.argv[1])).href;
if (invokedDirectly && process.argv[2] === 'serve') {
  const server = await startFauxqs(0);
  console.log(server.endpoint);
} else if (invokedDirectly && process.argv[2] === 'generate' && process.argv[3]) {
  console.log(JSON.stringify(await casesIn(resolve(process.argv[3])), null, 2));
} else if (invokedDirectly && process.argv[2] === 'measure') {
  console.log(JSON.stringify(await measure(parseMeasureArguments(process.argv.slice(3)))));
} else if (invokedDirectly) {
  console.log(JSON.stringify(await benchIngestUseCase(), null, 2));
}
