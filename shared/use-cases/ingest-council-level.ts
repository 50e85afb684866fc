// Use case: the steps every council-level return (workforce census, in-year dataset) shares with SSDA903 —
// the one-file rule, the report beside the raw upload, the aggregates and the ReturnIngested announcement —
// around a return-specific read. Ports only: no AWS SDK.
import { type ReturnIngestedV1, returnIngestedMessage } from '../../events/return-ingested.ts';
import {
  type Blocking,
  buildCouncilLevelReport,
  type CouncilLevelRead,
  type CouncilLevelReport,
  type ReportContext,
  renderCouncilLevelReportCsv,
  renderCouncilLevelReportJson,
} from '../domain/returns/report.ts';
import type { ReturnAggregates } from '../ports/aggregates.ts';
import type { Submission, SubmissionFile, SubmissionOutcome } from '../ports/submissions.ts';
import { type IngestDeps, reportKeys } from './ingest-deps.ts';

/** The one file of a single-file return, or the blocking problem with what was sent. */
export function singleFile(
  submission: Submission,
  deps: Pick<IngestDeps, 'maxFileBytes'>,
  expected: { extension: RegExp; what: string },
): { file: SubmissionFile } | { blocking: Blocking } {
  if (submission.files.length !== 1)
    return {
      blocking: {
        kind: 'mixed-upload',
        file: null,
        message: `Upload the ${expected.what} as one file on its own; this submission has ${submission.files.length} files.`,
      },
    };
  const file = submission.files[0]!;
  if (!expected.extension.test(file.fileName))
    return {
      blocking: {
        kind: 'unsupported-file',
        file: file.fileName,
        message: `"${file.fileName}" is not the right kind of file: upload the ${expected.what}.`,
      },
    };
  if (file.size > deps.maxFileBytes)
    return {
      blocking: {
        kind: 'file-too-large',
        file: file.fileName,
        message: `${file.fileName} is ${(file.size / 1_048_576).toFixed(1)} MB, over the ${(deps.maxFileBytes / 1_048_576).toFixed(0)} MB limit for one file.`,
      },
    };
  return { file };
}

/** A streamed body for a stored file: opened when first read. */
export function fileBody(file: SubmissionFile, deps: Pick<IngestDeps, 'objects'>): AsyncIterable<Uint8Array> {
  return {
    [Symbol.asyncIterator]: async function* () {
      yield* await deps.objects.open(file.bucket, file.key);
    },
  };
}

export async function writeReport(
  submission: Submission,
  deps: IngestDeps,
  report: CouncilLevelReport,
): Promise<{ json: string; csv: string }> {
  const keys = reportKeys(submission);
  await deps.objects.putText(
    deps.uploadsBucket,
    keys.json,
    renderCouncilLevelReportJson(report),
    'application/json; charset=utf-8',
  );
  await deps.objects.putText(
    deps.uploadsBucket,
    keys.csv,
    renderCouncilLevelReportCsv(report),
    'text/csv; charset=utf-8',
  );
  return keys;
}

/** Writes the report of a rejected read and gives the outcome. */
export async function rejectedOutcome(
  submission: Submission,
  deps: IngestDeps,
  context: ReportContext,
  read: Extract<CouncilLevelRead, { status: 'rejected' }>,
): Promise<SubmissionOutcome> {
  const report = buildCouncilLevelReport(context, read);
  const reportKeysWritten = await writeReport(submission, deps, report);
  return {
    status: 'rejected',
    summary: report.summary,
    problems: report.totals.problems,
    children: null,
    reportKeys: reportKeysWritten,
    finishedAt: deps.now().toISOString(),
  };
}

/** Announces the stored aggregates on RecomputeQueue. */
export async function announce(
  submission: Submission,
  deps: IngestDeps,
  status: 'accepted' | 'accepted_with_issues',
  ingestedAt: string,
  superseded: string | undefined,
): Promise<void> {
  const event: ReturnIngestedV1 = {
    type: 'ReturnIngested',
    version: 1,
    eventId: submission.submissionId,
    occurredAt: ingestedAt,
    la: submission.la,
    returnType: submission.returnType,
    collectionYear: submission.collectionYear,
    submissionId: submission.submissionId,
    status,
    ...(superseded ? { supersedes: superseded } : {}),
  };
  await deps.publishRecompute(returnIngestedMessage(event));
}

export type AggregatesDraft = Omit<ReturnAggregates, 'la' | 'returnType' | 'collectionYear' | 'submissionId'>;
