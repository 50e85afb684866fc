// Port: where submissions and their files are recorded. Adapters implement it; handlers depend on it.
import type { ReturnType } from '../domain/returns/catalogue.ts';

export type SubmissionStatus =
  | 'awaiting_files'
  | 'processing'
  | 'rejected'
  | 'accepted'
  | 'accepted_with_issues'
  | 'duplicate'
  /** Processing failed on every attempt (the message went to the dead-letter queue); the reason is kept. */
  | 'failed';

/** A submission whose content counts as received: a resend of the same files is a duplicate of it. */
export const ACCEPTED_STATUSES: readonly SubmissionStatus[] = ['accepted', 'accepted_with_issues'];

export interface DeclaredFile {
  readonly name: string;
  readonly size: number;
  /** Hex SHA-256 the council declared (absent on submissions started before checksums were declared). */
  readonly sha256?: string;
}

export interface NewSubmission {
  readonly submissionId: string;
  readonly la: string;
  readonly returnType: ReturnType;
  readonly collectionYear: number;
  readonly declaredFiles: readonly DeclaredFile[];
  readonly createdAt: string;
  readonly createdBy: string;
  /** An abandoned submission (files never uploaded) is removed after this time (epoch seconds). */
  readonly expiresAt: number;
}

export interface ReceivedFile {
  readonly submissionId: string;
  readonly fileName: string;
  readonly bucket: string;
  readonly key: string;
  readonly size: number;
  readonly sha256: string;
  readonly receivedAt: string;
}

export interface SubmissionFile {
  readonly fileName: string;
  readonly size: number;
  readonly sha256: string;
  readonly receivedAt: string;
  readonly key: string;
  readonly bucket: string;
}

export interface SubmissionOutcome {
  readonly status: Exclude<SubmissionStatus, 'awaiting_files' | 'processing'>;
  /** One plain sentence for the council. */
  readonly summary: string;
  readonly problems: number;
  readonly children: number | null;
  readonly reportKeys?: { readonly json: string; readonly csv: string };
  readonly duplicateOf?: string;
  readonly supersedes?: string;
  readonly finishedAt: string;
}

export interface Submission {
  readonly submissionId: string;
  readonly la: string;
  readonly returnType: ReturnType;
  readonly collectionYear: number;
  readonly status: SubmissionStatus;
  readonly declaredFiles: readonly DeclaredFile[];
  readonly createdAt: string;
  readonly createdBy: string;
  readonly files: readonly SubmissionFile[];
  readonly outcome?: SubmissionOutcome;
  readonly supersededBy?: string;
  /** While processing: the attempt holding it may run until then (ISO time). */
  readonly leaseUntil?: string;
}

export interface SubmissionSummary {
  readonly submissionId: string;
  readonly returnType: ReturnType;
  readonly collectionYear: number;
  readonly status: SubmissionStatus;
  readonly createdAt: string;
  readonly summary?: string;
  readonly supersededBy?: string;
}

export interface SubmissionStore {
  createSubmission(submission: NewSubmission): Promise<void>;
  getSubmission(submissionId: string): Promise<Submission | undefined>;
  listSubmissions(la: string): Promise<SubmissionSummary[]>;
  /** Records a file; false when the same content was already recorded (a redelivery or identical re-upload). */
  recordReceivedFile(file: ReceivedFile): Promise<boolean>;
  /** Takes the right to process a submission; false when another attempt holds it or it is finished. */
  claimProcessing(submissionId: string, now: Date, leaseSeconds: number): Promise<boolean>;
  finishProcessing(submissionId: string, outcome: SubmissionOutcome): Promise<void>;
  /**
   * Records that processing failed for good (status `failed`, with the reason). False when the submission
   * had already reached a final status: a finished outcome is never replaced by a failure.
   */
  failProcessing(submissionId: string, outcome: SubmissionOutcome & { status: 'failed' }): Promise<boolean>;
  /**
   * Registers the content fingerprint of a council's return for a year; returns the submission holding it
   * when another one does. `replacing` takes the fingerprint over from that submission, only if it still
   * holds it (a submission that was rejected, failed or is stuck: see duplicate-submission.ts).
   */
  claimFingerprint(
    la: string,
    returnType: ReturnType,
    collectionYear: number,
    fingerprint: string,
    submissionId: string,
    replacing?: string,
  ): Promise<string | undefined>;
}
