// Benchmark: the SSDA903 ingest use case as ingest-return runs it (ingestSubmission: claim, read, checks,
// rules, degrade, aggregates, the curated extract written as a stream, the report stored), on the files
// scripts/bench-ssda903-parse.ts generates. Two kinds of object store:
//   memory: the use case's ports in this process; uploads read from disk as a stream, the extract hashed and
//           counted as it is written (no I/O cost: what the use case itself spends);
//   s3:     the real S3 adapter against the local S3 emulator (fauxqs) in a child process on loopback, so
//           this process's CPU is the function's own, HTTP and SDK included.
// Aggregates are kept in memory in both (one DynamoDB write per return: not what the time goes on).
// Prints CPU and elapsed seconds, peak RSS, and the extract's size and SHA-256 (to compare two versions).
// Usage: node --max-semi-space-size=4 --import tsx scripts/bench-ssda903-ingest-use-case.ts memory|s3 header.csv episodes.csv
import { spawn } from 'node:child_process';
import { createHash } from 'node:crypto';
import { createReadStream } from 'node:fs';
import { stat } from 'node:fs/promises';
import { basename, resolve } from 'node:path';
import { createInterface } from 'node:readline';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { CreateBucketCommand, GetObjectCommand, PutObjectCommand, S3Client } from '@aws-sdk/client-s3';
import { LOCAL_CREDENTIALS, startFauxqs } from '../infra/local/emulators.ts';
import { LOCAL_REGION } from '../infra/local/model.ts';
import { S3ObjectStore } from '../shared/adapters/s3-objects.ts';
import type { ObjectStore, ObjectWriter } from '../shared/ports/objects.ts';
import type { Submission, SubmissionStore } from '../shared/ports/submissions.ts';
import { InMemoryAggregateStore } from '../shared/use-cases/indicator-in-memory.ts';
import { ingestSubmission } from '../shared/use-cases/returns/pipeline.ts';

const SELF = fileURLToPath(import.meta.url);
const SUBMISSION_ID = 'SUB-20261206-BENCH00001';

/** Uploads read from disk; every object written is hashed and counted, not kept. */
class CountingObjects implements ObjectStore {
  readonly written = new Map<string, { bytes: number; sha256: string }>();
  constructor(private readonly paths: ReadonlyMap<string, string>) {}
  async open(_bucket: string, key: string): Promise<AsyncIterable<Uint8Array>> {
    return createReadStream(this.paths.get(key)!, { highWaterMark: 1 << 16 });
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

async function submissionOf(files: readonly string[]): Promise<Submission> {
  const uploads = await Promise.all(
    files.map(async (path) => ({
      fileName: basename(path),
      size: (await stat(path)).size,
      sha256: 'bench',
      receivedAt: '2026-12-06T09:00:00.000Z',
      key: `uploads/886/ssda903/2026/${SUBMISSION_ID}/${basename(path)}`,
      bucket: 'uploads',
    })),
  );
  return {
    submissionId: SUBMISSION_ID,
    la: '886',
    returnType: 'ssda903',
    collectionYear: 2026,
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

async function measure(kind: 'memory' | 's3', files: readonly string[]) {
  const submission = await submissionOf(files);
  const paths = new Map(submission.files.map((file, index) => [file.key, files[index]!]));
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
    for (const [key, path] of paths) {
      const body = createReadStream(path, { highWaterMark: 1 << 16 });
      const length = (await stat(path)).size;
      await client.send(
        new PutObjectCommand({ Bucket: 'uploads', Key: key, Body: body, ContentLength: length }),
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
    aggregates: new InMemoryAggregateStore(),
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
  const extract: Record<string, { bytes: number; sha256: string }> = {};
  const prefix = `curated/886/ssda903/2026/${SUBMISSION_ID}/`;
  for (const table of ['Header', 'Episodes']) {
    const key = `${prefix}${table}.csv`;
    if (counting) {
      const written = counting.written.get(`data/${key}`);
      if (written) extract[table] = written;
    } else {
      const body = await client!.send(new GetObjectCommand({ Bucket: 'data', Key: key }));
      const bytes = Buffer.from(await body.Body!.transformToByteArray());
      extract[table] = { bytes: bytes.length, sha256: createHash('sha256').update(bytes).digest('hex') };
    }
  }
  client?.destroy();
  emulator?.stop();
  return {
    kind,
    status: outcome.status,
    children: outcome.children,
    problems: outcome.problems,
    cpuSeconds: Number(((cpu.user + cpu.system) / 1e6).toFixed(2)),
    seconds: Number(seconds.toFixed(2)),
    peakRssMB: Math.round(peakRss / 1e6),
    extract,
  };
}

const invokedDirectly =
  process.argv[1] !== undefined && import.meta.url === pathToFileURL(resolve(process.argv[1])).href;
if (invokedDirectly && process.argv[2] === 'serve') {
  const server = await startFauxqs(0);
  console.log(server.endpoint);
} else if (invokedDirectly) {
  const [kind, ...files] = process.argv.slice(2);
  if ((kind !== 'memory' && kind !== 's3') || files.length === 0)
    throw new Error('Usage: bench-ssda903-ingest-use-case.ts memory|s3 header.csv episodes.csv');
  console.log(JSON.stringify(await measure(kind, files)));
}
