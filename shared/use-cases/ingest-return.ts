// Use case: which ingestion processes a complete submission, by return type. Every return type shares
// the upload API, the claim, the statuses and the reports; only reading, validating and aggregating differ.
import type { ReturnType } from '../domain/upload-key.ts';
import type { Submission, SubmissionOutcome } from '../ports/submissions.ts';
import { ingestCin } from './ingest-cin.ts';
import { ingestCsww } from './ingest-csww.ts';
import { ingestInyear } from './ingest-inyear.ts';
import { type IngestDeps, ingestSsda903 } from './ingest-ssda903.ts';

export type Ingester = (submission: Submission, deps: IngestDeps) => Promise<SubmissionOutcome>;

const INGESTERS: Record<ReturnType, Ingester> = {
  ssda903: ingestSsda903,
  cin: ingestCin,
  csww: ingestCsww,
  inyear: ingestInyear,
};

export function ingesterFor(returnType: ReturnType): Ingester {
  return INGESTERS[returnType];
}
