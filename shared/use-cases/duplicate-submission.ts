// Use case step shared by every return type: files whose content was already submitted for the same council,
// return and year are not processed again; the submission points at the earlier one and its report.
import type { Submission, SubmissionOutcome } from '../ports/submissions.ts';
import { contentFingerprint, type IngestDeps } from './ingest-ssda903.ts';

/** The outcome for files identical to an earlier submission's, or null when they are new (and now claimed). */
export async function duplicateOutcome(
  submission: Submission,
  deps: Pick<IngestDeps, 'submissions' | 'now'>,
): Promise<SubmissionOutcome | null> {
  const duplicateOf = await deps.submissions.claimFingerprint(
    submission.la,
    submission.returnType,
    submission.collectionYear,
    contentFingerprint(submission),
    submission.submissionId,
  );
  if (!duplicateOf) return null;
  const original = await deps.submissions.getSubmission(duplicateOf);
  const files = submission.files.length === 1 ? 'This file is' : 'These files are';
  return {
    status: 'duplicate',
    summary: `${files} identical to submission ${duplicateOf}${original?.outcome ? `, already processed on ${original.outcome.finishedAt.slice(0, 10)}` : ''}. Nothing was changed; see that submission's report.`,
    problems: original?.outcome?.problems ?? 0,
    children: original?.outcome?.children ?? null,
    duplicateOf,
    ...(original?.outcome?.reportKeys ? { reportKeys: original.outcome.reportKeys } : {}),
    finishedAt: deps.now().toISOString(),
  };
}
