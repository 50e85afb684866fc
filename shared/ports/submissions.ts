// Port: where submissions and their files are recorded. Adapters implement it; handlers depend on it.
import type { ReturnType } from '../domain/upload-key.ts';

export type SubmissionStatus =
  | 'awaiting_files'
  | 'processing'
  | 'rejected'
  | 'accepted'
  | 'accepted_with_issues'
  | 'duplicate';

export const FINAL_STATUSES: readonly SubmissionStatus[] = [
  'rejected',
  'accepted',
  'accepted_with_issues',
  'duplicate',
];

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
   * Registers the content fingerprint of a council's return for a year; returns the submission that
   * registered it first when this content was already processed.
   */
  claimFingerprint(
    la: string,
    returnType: ReturnType,
    collectionYear: number,
    fingerprint: string,
    submissionId: string,
  ): Promise<string | undefined>;
}
