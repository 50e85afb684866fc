// Demo: returns sent the way a council's browser sends it (start a submission, PUT each file to
// its presigned address, wait for the outcome), so the demo exercises the real path.
import { createHash } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';

export interface DemoFile {
  readonly name: string;
  readonly body: Buffer;
}

export interface SubmissionView {
  readonly submissionId: string;
  readonly status: string;
  readonly outcome?: {
    readonly status: string;
    readonly summary: string;
    readonly problems: number;
    readonly children: number | null;
    readonly duplicateOf?: string;
  };
}

/** The demo return carries the tables first collected in 2026/27 (DoLo, social worker episodes). */
export const DEMO_COLLECTION_YEAR = 2027;

export function readDemoReturn(directory: string): DemoFile[] {
  return readdirSync(directory)
    .filter((name) => name.endsWith('.csv'))
    .sort()
    .map((name) => ({ name, body: readFileSync(path.join(directory, name)) }));
}

/** A file as POST /submissions declares it: name, size and SHA-256 (hex), as a council's browser works them out. */
export function declareFile(name: string, body: Buffer): { name: string; size: number; sha256: string } {
  return { name, size: body.length, sha256: createHash('sha256').update(body).digest('hex') };
}

export class SubmissionRefused extends Error {
  override readonly name = 'SubmissionRefused';
}

/** Sends a return through the API and waits (polling, bounded) until it has been processed. */
export async function submitReturn(
  apiUrl: string,
  token: string,
  files: readonly DemoFile[],
  options: { collectionYear: number; returnType?: string; timeoutMs?: number },
): Promise<SubmissionView> {
  const authorization = `Bearer ${token}`;
  const started = await fetch(`${apiUrl}/submissions`, {
    method: 'POST',
    headers: { authorization, 'content-type': 'application/json' },
    body: JSON.stringify({
      returnType: options.returnType ?? 'ssda903',
      collectionYear: options.collectionYear,
      files: files.map((file) => declareFile(file.name, file.body)),
    }),
  });
  if (started.status !== 201) throw new SubmissionRefused(`${started.status}: ${await started.text()}`);
  const { submissionId, uploads } = (await started.json()) as {
    submissionId: string;
    uploads: { fileName: string; url: string; headers: Record<string, string> }[];
  };
  for (const upload of uploads) {
    const file = files.find((candidate) => candidate.name === upload.fileName);
    if (!file) throw new Error(`The API returned an address for ${upload.fileName}, which was not declared`);
    const put = await fetch(upload.url, { method: 'PUT', headers: upload.headers, body: file.body });
    if (!put.ok) throw new Error(`Uploading ${file.name} failed: ${put.status} ${await put.text()}`);
  }
  const deadline = Date.now() + (options.timeoutMs ?? 60_000);
  while (Date.now() < deadline) {
    const response = await fetch(`${apiUrl}/submissions/${submissionId}`, { headers: { authorization } });
    const view = (await response.json()) as SubmissionView;
    if (view.outcome) return view;
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  throw new Error(`Submission ${submissionId} was not processed within ${options.timeoutMs ?? 60_000} ms`);
}
