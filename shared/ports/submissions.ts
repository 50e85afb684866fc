// Port: where submissions and their files are recorded. Adapters implement it; handlers depend on it.
import type { ReturnType } from '../domain/upload-key.ts';

export type SubmissionStatus = 'received' | 'processing' | 'rejected' | 'accepted' | 'accepted_with_issues';

export interface ReceivedFile {
  readonly submissionId: string;
  readonly la: string;
  readonly returnType: ReturnType;
  readonly collectionYear: number;
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
  readonly status: SubmissionStatus;
  readonly receivedAt: string;
}

export interface Submission {
  readonly submissionId: string;
  readonly la: string;
  readonly returnType: ReturnType;
  readonly collectionYear: number;
  readonly status: SubmissionStatus;
  readonly createdAt: string;
  readonly files: readonly SubmissionFile[];
}

export interface SubmissionStore {
  /** Records a file; returns false when the same content was already recorded (a redelivery or identical re-upload). */
  recordReceivedFile(file: ReceivedFile): Promise<boolean>;
  getSubmission(submissionId: string): Promise<Submission | undefined>;
}
