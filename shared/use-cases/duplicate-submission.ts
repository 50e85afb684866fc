// Use case step shared by every return type: files whose content was already accepted for the same
// council, return and year are not processed again; the submission points at the earlier one and its report.
//
// The content fingerprint is claimed before processing, so two identical submissions are never processed
// at once. Who holds it decides what a resend of the same files gets:
// - an accepted submission: the resend is a duplicate of it (its report exists);
// - a submission still processing within its lease (its time budget): the resend waits, by failing this
//   attempt so the queue redelivers it after the visibility timeout, which is longer than the lease;
// - a rejected or failed submission, one stuck past its lease, or none: the resend takes the fingerprint
//   over and is processed as new.
import { ACCEPTED_STATUSES, type Submission, type SubmissionOutcome } from '../ports/submissions.ts';
import { contentFingerprint, type IngestDeps } from './ingest-deps.ts';

/** Identical files are being processed under another submission: retry once it has finished. */
export class IdenticalSubmissionInProgress extends Error {
  constructor(readonly heldBy: string) {
    super(`Identical files are being processed under submission ${heldBy}; this one waits for it to finish.`);
    this.name = 'IdenticalSubmissionInProgress';
  }
}

type Verdict = 'duplicate' | 'in-progress' | 'take-over';

function holderVerdict(holder: Submission | undefined, now: Date): Verdict {
  if (!holder) return 'take-over';
  if (ACCEPTED_STATUSES.includes(holder.status) && holder.outcome) return 'duplicate';
  if (holder.status === 'processing' && holder.leaseUntil && holder.leaseUntil > now.toISOString())
    return 'in-progress';
  return 'take-over';
}

/** The outcome for files identical to an accepted submission's, or null when they are to be processed (and now claimed). */
export async function duplicateOutcome(
  submission: Submission,
  deps: Pick<IngestDeps, 'submissions' | 'now'>,
): Promise<SubmissionOutcome | null> {
  const fingerprint = contentFingerprint(submission);
  let replacing: string | undefined;
  // A take-over can race another resend's; each round re-reads who holds the fingerprint.
  for (let round = 0; round < 3; round += 1) {
    const heldBy = await deps.submissions.claimFingerprint(
      submission.la,
      submission.returnType,
      submission.collectionYear,
      fingerprint,
      submission.submissionId,
      replacing,
    );
    if (!heldBy) return null;
    const original = await deps.submissions.getSubmission(heldBy);
    const verdict = holderVerdict(original, deps.now());
    if (verdict === 'in-progress') throw new IdenticalSubmissionInProgress(heldBy);
    if (verdict === 'take-over') {
      replacing = heldBy;
      continue;
    }
    const outcome = original!.outcome!;
    const files = submission.files.length === 1 ? 'This file is' : 'These files are';
    return {
      status: 'duplicate',
      summary: `${files} identical to submission ${heldBy}, already processed on ${outcome.finishedAt.slice(0, 10)}. Nothing was changed; see that submission's report.`,
      problems: outcome.problems,
      children: outcome.children,
      duplicateOf: heldBy,
      ...(outcome.reportKeys ? { reportKeys: outcome.reportKeys } : {}),
      finishedAt: deps.now().toISOString(),
    };
  }
  throw new Error(`The content fingerprint of submission ${submission.submissionId} is contended; retrying.`);
}
