// Use case: the one pipeline every return type goes through, whatever its files. In order:
// 1. claim: files already accepted for the council, return and year are not processed again;
// 2. refuse what cannot be read: a year the return is not accepted for, or files of the wrong number, kind or size;
// 3. read, check and degrade (the return's definition), staging its extract;
// 4. aggregate: store the council-level figures (merged with the current ones where the return adds to them);
// 5. report beside the raw upload (council-only), and move the extract under curated/;
// 6. announce ReturnIngested on RecomputeQueue.
// A rejected return stores its report and nothing else. Ports only: no AWS SDK here.
import { type ReturnIngestedV1, returnIngestedMessage } from '../../../events/return-ingested.ts';
import { councilPseudonymKey } from '../../domain/privacy.ts';
import type { BlockingError } from '../../domain/reading/issues.ts';
import {
  fileTooBig,
  isExpectedFile,
  notOneFile,
  returnKind,
  unexpectedFile,
  yearRefusal,
} from '../../domain/returns/catalogue.ts';
import { StaleAggregatesError } from '../../ports/aggregates.ts';
import type { Submission, SubmissionOutcome } from '../../ports/submissions.ts';
import { duplicateOutcome } from '../duplicate-submission.ts';
import { type IngestDeps, reportKeys } from '../ingest-deps.ts';
import { StagedExtract } from '../staged-extract.ts';
import { type Checked, curatedPrefix, type IngestReport, type IngestRun } from './definition.ts';
import { RETURN_DEFINITIONS } from './registry.ts';

/** Attempts at storing figures merged with the current ones, when another submission changes them meanwhile. */
const MERGE_ATTEMPTS = 5;

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

/** Why the submission cannot be read at all, before any of its files is opened; undefined when it can. */
export function refusalBeforeReading(
  submission: Submission,
  deps: Pick<IngestDeps, 'maxFileBytes' | 'now'>,
): BlockingError | undefined {
  const kind = returnKind(submission.returnType);
  const year = yearRefusal(submission.returnType, submission.collectionYear, deps.now());
  if (year) return { kind: 'year-not-accepted', file: null, message: year };
  const { files } = submission;
  if (kind.files.oneFile && files.length !== 1)
    return {
      kind: 'mixed-upload',
      file: null,
      message: notOneFile(submission.returnType, files.length),
    };
  const unexpected = files.find((file) => !isExpectedFile(submission.returnType, file.fileName));
  if (unexpected)
    return {
      kind: 'unsupported-file',
      file: unexpected.fileName,
      message: unexpectedFile(submission.returnType, unexpected.fileName),
    };
  const tooBig = files.find((file) => file.size > deps.maxFileBytes);
  if (tooBig)
    return {
      kind: 'file-too-large',
      file: tooBig.fileName,
      message: fileTooBig(submission.returnType, tooBig.fileName, tooBig.size, deps.maxFileBytes),
    };
  return undefined;
}

/** Processes a complete submission of any return type. */
export async function ingestSubmission(received: Submission, deps: IngestDeps): Promise<SubmissionOutcome> {
  const submission = inDeclaredOrder(received);
  const duplicate = await duplicateOutcome(submission, deps);
  if (duplicate) return duplicate;

  const definition = RETURN_DEFINITIONS[submission.returnType];
  const refusal = refusalBeforeReading(submission, deps);
  if (refusal) return rejected(submission, deps, definition.refused(submission, refusal));

  let staged: StagedExtract<string> | undefined;
  const run: IngestRun = {
    submission,
    deps,
    files: submission.files.map((file) => ({
      name: file.fileName,
      body: {
        [Symbol.asyncIterator]: async function* () {
          yield* await deps.objects.open(file.bucket, file.key);
        },
      },
    })),
    councilKey: async () => councilPseudonymKey(await deps.pseudonymSecret(), submission.la),
    extract: <Table extends string>() => {
      staged ??= new StagedExtract<string>(deps.objects, deps.dataBucket, curatedPrefix(submission));
      return staged as StagedExtract<Table>;
    },
  };
  try {
    const checked = await definition.check(run);
    await staged?.close();
    if (checked.status === 'rejected') {
      await staged?.discard();
      return rejected(submission, deps, checked.report);
    }
    return await storeAndAnnounce(submission, deps, checked, staged);
  } catch (error) {
    await staged?.discard();
    throw error;
  }
}

type Accepted = Extract<Checked, { status: 'accepted' }>;

/** Stores the figures (and the report that goes with them), moves the extract under curated/ and announces them. */
async function storeAndAnnounce(
  submission: Submission,
  deps: IngestDeps,
  checked: Accepted,
  staged: StagedExtract<string> | undefined,
): Promise<SubmissionOutcome> {
  const ingestedAt = deps.now().toISOString();
  const owner = {
    la: submission.la,
    returnType: submission.returnType,
    collectionYear: submission.collectionYear,
    submissionId: submission.submissionId,
    ingestedAt,
    // Corrections take effect in the order the council declared them, whatever order they are ingested in.
    submittedAt: submission.createdAt,
  };
  for (let attempt = 1; ; attempt++) {
    const current =
      'merge' in checked
        ? await deps.aggregates.currentAggregates(
            submission.la,
            submission.returnType,
            submission.collectionYear,
          )
        : undefined;
    const { aggregates, report } = 'merge' in checked ? checked.merge(current, ingestedAt) : checked;
    const keys = await writeReport(submission, deps, report);
    if (attempt === 1) await staged?.commit();
    try {
      const { superseded } = await deps.aggregates.saveReturnAggregates(
        { ...owner, ...aggregates },
        'merge' in checked ? { expectCurrent: current?.submissionId ?? null } : undefined,
      );
      const status = report.status === 'accepted_with_issues' ? 'accepted_with_issues' : 'accepted';
      await deps.publishRecompute(
        returnIngestedMessage(returnIngested(submission, status, ingestedAt, superseded)),
      );
      return {
        ...outcomeOf(report, keys),
        status,
        ...(superseded ? { supersedes: superseded } : {}),
        finishedAt: ingestedAt,
      };
    } catch (error) {
      if (!(error instanceof StaleAggregatesError) || !('merge' in checked) || attempt >= MERGE_ATTEMPTS)
        throw error;
    }
  }
}

/** The one place ReturnIngested is made: the return's figures are stored and may be recomputed. */
export function returnIngested(
  submission: Pick<Submission, 'la' | 'returnType' | 'collectionYear' | 'submissionId'>,
  status: ReturnIngestedV1['status'],
  ingestedAt: string,
  superseded: string | undefined,
): ReturnIngestedV1 {
  return {
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
}

async function writeReport(
  submission: Submission,
  deps: IngestDeps,
  report: IngestReport,
): Promise<{ json: string; csv: string }> {
  const keys = reportKeys(submission);
  await deps.objects.putText(deps.uploadsBucket, keys.json, report.json, 'application/json; charset=utf-8');
  await deps.objects.putText(deps.uploadsBucket, keys.csv, report.csv, 'text/csv; charset=utf-8');
  return keys;
}

function outcomeOf(report: IngestReport, reportKeys: { json: string; csv: string }) {
  return { summary: report.summary, problems: report.problems, children: report.children, reportKeys };
}

async function rejected(
  submission: Submission,
  deps: IngestDeps,
  report: IngestReport,
): Promise<SubmissionOutcome> {
  const keys = await writeReport(submission, deps, report);
  return { ...outcomeOf(report, keys), status: 'rejected', finishedAt: deps.now().toISOString() };
}
