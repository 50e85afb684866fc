// Use case: one object has arrived under uploads/. Check it belongs to a submission the council started,
// record it, and once every declared file is in, process the return exactly once.

import { createHash } from 'node:crypto';
import { parseUploadKey } from '../domain/upload-key.ts';
import { ObjectChangedError, type ObjectStore } from '../ports/objects.ts';
import type { DeclaredFile, Submission, SubmissionOutcome, SubmissionStore } from '../ports/submissions.ts';
import type { IngestDeps } from './ingest-deps.ts';
import { ingestSubmission } from './returns/pipeline.ts';

export type UploadResult =
  /** Nothing recorded: retrying cannot help, so the message is not retried. */
  | { readonly kind: 'refused'; readonly reason: string }
  | { readonly kind: 'waiting'; readonly submissionId: string; readonly missing: readonly string[] }
  /** Another delivery holds or has finished the work: nothing to do. */
  | { readonly kind: 'already-handled'; readonly submissionId: string }
  | { readonly kind: 'processed'; readonly submissionId: string; readonly outcome: SubmissionOutcome };

export interface ReceiveDeps extends IngestDeps {
  readonly objects: ObjectStore;
  readonly submissions: SubmissionStore;
  /** Longer than the function's time-out, so a live attempt is never doubled. */
  readonly leaseSeconds: number;
}

/** What the storage notification said was stored: the object's ETag pins the version to process. */
export interface AnnouncedObject {
  readonly eTag?: string;
}

const bytes = (count: number) => `${count.toLocaleString('en-GB')} bytes`;

/** Why the bytes received are not the file the council declared, in their words; undefined if they are. */
function declarationMismatch(
  declared: DeclaredFile,
  received: { size: number; sha256: string },
): string | undefined {
  const fix = 'Check you sent the right file and start a new submission with it.';
  if (received.size !== declared.size)
    return `${declared.name} is not the file that was declared: ${bytes(received.size)} arrived, ${bytes(declared.size)} were declared. ${fix}`;
  if (declared.sha256 && received.sha256 !== declared.sha256)
    return `${declared.name} is not the file that was declared: its SHA-256 checksum is ${received.sha256}, not ${declared.sha256} as declared, so its content changed on the way or it is another file. ${fix}`;
  return undefined;
}

/**
 * The objects of a checked submission, read so that processing uses exactly the bytes that were checked:
 * each file's SHA-256 is recomputed as it is read, and a file that no longer matches fails processing.
 */
export function checkedObjects(objects: ObjectStore, submission: Submission): ObjectStore {
  const recorded = new Map(submission.files.map((file) => [`${file.bucket}/${file.key}`, file]));
  // Every method delegated by name (no spread: a class's methods live on its prototype, and a spread drops them).
  return {
    digest: (...args) => objects.digest(...args),
    putText: (...args) => objects.putText(...args),
    openWriter: (...args) => objects.openWriter(...args),
    move: (...args) => objects.move(...args),
    remove: (...args) => objects.remove(...args),
    open: async (bucket, key) => {
      const file = recorded.get(`${bucket}/${key}`);
      const source = await objects.open(bucket, key);
      if (!file) return source;
      return (async function* verified() {
        const hash = createHash('sha256');
        let size = 0;
        for await (const chunk of source) {
          hash.update(chunk);
          size += chunk.length;
          yield chunk;
        }
        if (size !== file.size || hash.digest('hex') !== file.sha256)
          throw new ObjectChangedError(
            `${file.fileName} (s3://${bucket}/${key}) changed after it was checked on arrival; it is not processed.`,
          );
      })();
    },
  };
}

export async function receiveUpload(
  bucket: string,
  key: string,
  deps: ReceiveDeps,
  announced: AnnouncedObject = {},
): Promise<UploadResult> {
  const parsed = parseUploadKey(key);
  if (!parsed.ok) return { kind: 'refused', reason: parsed.reason };
  const { submissionId, la, returnType, collectionYear, fileName } = parsed.key;

  const submission = await deps.submissions.getSubmission(submissionId);
  if (!submission) {
    return {
      kind: 'refused',
      reason: `No submission ${submissionId} was started; start one through the API first.`,
    };
  }
  if (
    submission.la !== la ||
    submission.returnType !== returnType ||
    submission.collectionYear !== collectionYear
  ) {
    return { kind: 'refused', reason: `The upload address does not match submission ${submissionId}.` };
  }
  const declared = submission.declaredFiles.find((file) => file.name === fileName);
  if (!declared) {
    return {
      kind: 'refused',
      reason: `${fileName} was not declared when submission ${submissionId} started.`,
    };
  }

  if (submission.status === 'awaiting_files') {
    // A file replaced after processing started would change what was validated, so it is only
    // recorded while the submission waits for files.
    let digest: { size: number; sha256: string };
    try {
      digest = await deps.objects.digest(bucket, key, announced.eTag);
    } catch (error) {
      if (!(error instanceof ObjectChangedError)) throw error;
      // Its own notification follows any replacement, so nothing is lost by not recording this one.
      return {
        kind: 'refused',
        reason: `${fileName} was replaced after it arrived (it is no longer the version ${announced.eTag}); only the version announced is processed.`,
      };
    }
    const mismatch = declarationMismatch(declared, digest);
    if (mismatch) {
      // Never trust the client: bytes other than those declared are not processed, and the council is told.
      if (!(await deps.submissions.claimProcessing(submissionId, deps.now(), deps.leaseSeconds)))
        return { kind: 'already-handled', submissionId };
      const outcome: SubmissionOutcome = {
        status: 'rejected',
        summary: mismatch,
        problems: 1,
        children: null,
        finishedAt: deps.now().toISOString(),
      };
      await deps.submissions.finishProcessing(submissionId, outcome);
      return { kind: 'processed', submissionId, outcome };
    }
    await deps.submissions.recordReceivedFile({
      submissionId,
      fileName,
      bucket,
      key,
      size: digest.size,
      sha256: digest.sha256,
      receivedAt: deps.now().toISOString(),
    });
  }

  const current = (await deps.submissions.getSubmission(submissionId)) ?? submission;
  const received = new Set(current.files.map((file) => file.fileName));
  const missing = current.declaredFiles.map((file) => file.name).filter((name) => !received.has(name));
  if (missing.length > 0) return { kind: 'waiting', submissionId, missing };

  // Several deliveries can see the last file at once (the last two files landing together, a redelivery):
  // the conditional claim lets exactly one of them process.
  if (!(await deps.submissions.claimProcessing(submissionId, deps.now(), deps.leaseSeconds))) {
    return { kind: 'already-handled', submissionId };
  }
  const outcome = await ingestSubmission(current, {
    ...deps,
    objects: checkedObjects(deps.objects, current),
  });
  await deps.submissions.finishProcessing(submissionId, outcome);
  return { kind: 'processed', submissionId, outcome };
}

/** The reason as one short line: enough for the service desk, never a stack trace. */
function shortReason(error: unknown): string {
  const message = error instanceof Error ? error.message : String(error);
  const line = message.split('\n')[0]!.trim();
  return line.length > 200 ? `${line.slice(0, 199)}…` : line || 'no reason was given';
}

/**
 * The queue's last attempt at an upload failed (the message goes to the dead-letter queue next): its
 * submission ends `failed` with the reason, unless it already finished. Returns the submission failed.
 * An operator who redrives the message after fixing the cause has it processed again (claimProcessing
 * takes a failed submission back).
 */
export async function failUpload(
  key: string,
  error: unknown,
  deps: Pick<ReceiveDeps, 'submissions' | 'now'>,
): Promise<string | undefined> {
  const parsed = parseUploadKey(key);
  if (!parsed.ok) return undefined;
  const { submissionId } = parsed.key;
  const failed = await deps.submissions.failProcessing(submissionId, {
    status: 'failed',
    summary:
      `This submission could not be processed: it failed on every attempt (${shortReason(error)}). ` +
      'Nothing from it was used or kept. Please send the return again; if it fails again, contact the ' +
      `Upstream service desk quoting ${submissionId}.`,
    problems: 0,
    children: null,
    finishedAt: deps.now().toISOString(),
  });
  return failed ? submissionId : undefined;
}
