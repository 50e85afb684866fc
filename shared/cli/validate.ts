// CLI: validates a return offline with the service's own ingestion, on ports that live in this process. The files
// are read from disk, the report is kept in memory, and nothing else is written: the degraded extract is
// discarded, aggregates go nowhere and no event is sent. The report is therefore the one the API would return.
import { createHash, randomBytes } from 'node:crypto';
import { createReadStream } from 'node:fs';
import { stat } from 'node:fs/promises';
import path from 'node:path';
import type { ReturnType } from '../domain/returns/catalogue.ts';
import { asPreviousYearName } from '../domain/returns/previous-year-files.ts';
import type { AggregateStore } from '../ports/aggregates.ts';
import type { ObjectStore, ObjectWriter } from '../ports/objects.ts';
import type { Submission, SubmissionStore } from '../ports/submissions.ts';
import { reportKeys } from '../use-cases/ingest-deps.ts';
import { ingestSubmission } from '../use-cases/returns/pipeline.ts';

/** The largest file the service accepts by default (the stage's `maxUploadBytes`). */
const DEFAULT_MAX_FILE_BYTES = 100 * 1_048_576;
const UPLOADS = 'uploads';
const DATA = 'data';

export interface ValidateRequest {
  readonly returnType: ReturnType;
  readonly collectionYear: number;
  readonly la: string;
  readonly files: readonly string[];
  /** Last year's return, for the checks that compare the two years (sent as "…_last" files). */
  readonly previousFiles?: readonly string[];
  readonly maxFileBytes?: number;
  /** Where the council-level aggregates go (by default nowhere: a council validating needs only the report). */
  readonly aggregates?: AggregateStore;
  /** Told as the checks read through the files: bytes read so far of all files' bytes. */
  readonly onProgress?: (bytesRead: number, totalBytes: number) => void;
}

export interface ValidateResult {
  readonly status: string;
  /** The report exactly as the API serves it. */
  readonly json: string;
  readonly csv: string;
}

class LocalFiles implements ObjectStore {
  private readonly texts = new Map<string, string>();

  private bytesRead = 0;

  constructor(
    private readonly paths: ReadonlyMap<string, string>,
    private readonly onRead: (bytesRead: number) => void = () => {},
  ) {}

  async open(_bucket: string, key: string): Promise<AsyncIterable<Uint8Array>> {
    const stream = this.stream(key);
    const counted = async function* (this: LocalFiles) {
      for await (const chunk of stream) {
        this.bytesRead += chunk.byteLength;
        this.onRead(this.bytesRead);
        yield chunk;
      }
    };
    return counted.call(this);
  }

  private stream(key: string): AsyncIterable<Buffer> {
    const file = this.paths.get(key);
    if (!file) throw new Error(`Nothing was stored under ${key}`);
    return createReadStream(file);
  }

  async digest(_bucket: string, key: string): Promise<{ size: number; sha256: string }> {
    const hash = createHash('sha256');
    let size = 0;
    for await (const chunk of this.stream(key)) {
      hash.update(chunk);
      size += chunk.byteLength;
    }
    return { size, sha256: hash.digest('hex') };
  }

  async putText(bucket: string, key: string, body: string): Promise<void> {
    this.texts.set(`${bucket}/${key}`, body);
  }

  /** Extracts are not kept offline: a council validating its own return needs only the report. */
  openWriter(): ObjectWriter {
    return { write: async () => {}, close: async () => {} };
  }

  /** Staged extracts are not kept, so there is nothing to move or remove. */
  async move(): Promise<void> {}
  async remove(): Promise<void> {}

  text(bucket: string, key: string): string | undefined {
    return this.texts.get(`${bucket}/${key}`);
  }
}

/** The one submission being validated; nothing was sent before it, so nothing is a duplicate. */
class SingleSubmission implements SubmissionStore {
  constructor(private readonly submission: Submission) {}
  async getSubmission(id: string) {
    return id === this.submission.submissionId ? this.submission : undefined;
  }
  async claimFingerprint() {
    return undefined;
  }
  async createSubmission() {}
  async listSubmissions() {
    return [];
  }
  async recordReceivedFile() {
    return true;
  }
  async claimProcessing() {
    return true;
  }
  async finishProcessing() {}
  async failProcessing() {
    return true;
  }
}

const noAggregates: AggregateStore = {
  saveReturnAggregates: async () => ({}),
  currentAggregates: async () => undefined,
};

async function sha256Of(file: string): Promise<string> {
  const hash = createHash('sha256');
  for await (const chunk of createReadStream(file)) hash.update(chunk as Buffer);
  return hash.digest('hex');
}

export async function validateFiles(request: ValidateRequest, now = new Date()): Promise<ValidateResult> {
  const submissionId = `offline-${now.getTime()}`;
  const keyOf = (name: string) =>
    `uploads/${request.la}/${request.returnType}/${request.collectionYear}/${submissionId}/${name}`;
  const named = [
    ...request.files.map((file) => ({ file, name: path.basename(file) })),
    ...(request.previousFiles ?? []).map((file) => ({ file, name: asPreviousYearName(path.basename(file)) })),
  ];
  const files = await Promise.all(
    named.map(async ({ file, name }) => ({
      fileName: name,
      size: (await stat(file)).size,
      sha256: await sha256Of(file),
      receivedAt: now.toISOString(),
      key: keyOf(name),
      bucket: UPLOADS,
      path: file,
    })),
  );
  const submission: Submission = {
    submissionId,
    la: request.la,
    returnType: request.returnType,
    collectionYear: request.collectionYear,
    status: 'processing',
    declaredFiles: files.map(({ fileName, size }) => ({ name: fileName, size })),
    createdAt: now.toISOString(),
    createdBy: 'upstream validate',
    files: files.map(({ path: _path, ...file }) => file),
  };
  const totalBytes = files.reduce((sum, file) => sum + file.size, 0);
  const objects = new LocalFiles(
    new Map(files.map((file) => [file.key, file.path])),
    request.onProgress && ((bytesRead) => request.onProgress?.(Math.min(bytesRead, totalBytes), totalBytes)),
  );
  const outcome = await ingestSubmission(submission, {
    objects,
    submissions: new SingleSubmission(submission),
    aggregates: request.aggregates ?? noAggregates,
    publishRecompute: async () => {},
    pseudonymSecret: async () => randomBytes(32),
    uploadsBucket: UPLOADS,
    dataBucket: DATA,
    maxFileBytes: request.maxFileBytes ?? DEFAULT_MAX_FILE_BYTES,
    now: () => now,
  });
  const keys = outcome.reportKeys ?? reportKeys(submission);
  const json = objects.text(UPLOADS, keys.json);
  const csv = objects.text(UPLOADS, keys.csv);
  if (json === undefined || csv === undefined) throw new Error(`No report was produced: ${outcome.summary}`);
  return { status: outcome.status, json, csv };
}
