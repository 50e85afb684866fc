// Use case: which ingestion processes a complete submission, by return type. Every return type shares
// the upload API, the claim, the statuses and the reports; only reading, validating and aggregating differ.
import type { ReturnType } from '../domain/upload-key.ts';
import type { Submission, SubmissionOutcome } from '../ports/submissions.ts';
import { ingestCin } from './ingest-cin.ts';
import { ingestCsww } from './ingest-csww.ts';
import type { IngestDeps } from './ingest-deps.ts';
import { ingestInyear } from './ingest-inyear.ts';
import { ingestSsda903 } from './ingest-ssda903.ts';

export type Ingester = (submission: Submission, deps: IngestDeps) => Promise<SubmissionOutcome>;

const INGESTERS: Record<ReturnType, Ingester> = {
  ssda903: ingestSsda903,
  cin: ingestCin,
  csww: ingestCsww,
  inyear: ingestInyear,
};

/**
 * The files in the order the council declared them, not the order they happened to arrive in, so the same files
 * always give the same report (tables and rows are reported in reading order).
 */
export function inDeclaredOrder(submission: Submission): Submission {
  const position = new Map(submission.declaredFiles.map((file, index) => [file.name, index]));
  const files = [...submission.files].sort(
    (a, b) =>
      (position.get(a.fileName) ?? Number.MAX_SAFE_INTEGER) -
      (position.get(b.fileName) ?? Number.MAX_SAFE_INTEGER),
  );
  return { ...submission, files };
}

export function ingesterFor(returnType: ReturnType): Ingester {
  const ingest = INGESTERS[returnType];
  return (submission, deps) => ingest(inDeclaredOrder(submission), deps);
}
