// CLI: talking to a running Upstream (the local cloud, or a deployed stack with a token): signing in, sending a
// return the way the browser does (declare, PUT each file to its presigned address, wait), status and reports.

import { createHash } from 'node:crypto';
import { chmodSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { SUBMIT_SCOPE } from '../config/machine-credentials.ts';
import { asPreviousYearName } from '../domain/returns/previous-year-files.ts';

export interface Session {
  readonly api: string;
  /** The ID token the API accepts. */
  readonly token: string;
  readonly username?: string;
  /** Set by managed login (upstream login --auth): where and how to refresh the token, and when it expires. */
  readonly authUrl?: string;
  readonly clientId?: string;
  readonly refreshToken?: string;
  /** Seconds since 1970. */
  readonly expiresAt?: number;
}

export class CliError extends Error {
  override readonly name = 'CliError';
}

/** Where the session is kept: the user's config directory, readable by its owner only. */
export function sessionFile(env: NodeJS.ProcessEnv): string {
  const base = env.XDG_CONFIG_HOME || path.join(os.homedir(), '.config');
  return path.join(base, 'upstream', 'session.json');
}

export function saveSession(env: NodeJS.ProcessEnv, session: Session): string {
  const file = sessionFile(env);
  mkdirSync(path.dirname(file), { recursive: true, mode: 0o700 });
  writeFileSync(file, `${JSON.stringify(session, null, 2)}\n`, { mode: 0o600 });
  chmodSync(file, 0o600);
  return file;
}

/** UPSTREAM_API and UPSTREAM_TOKEN win over the saved session, so a pipeline can pass its own. */
export function loadSession(env: NodeJS.ProcessEnv): Session {
  if (env.UPSTREAM_TOKEN && env.UPSTREAM_API) return { api: env.UPSTREAM_API, token: env.UPSTREAM_TOKEN };
  try {
    return JSON.parse(readFileSync(sessionFile(env), 'utf8')) as Session;
  } catch {
    throw new CliError(
      'You are not signed in. Run `upstream login` first (or set UPSTREAM_API and UPSTREAM_TOKEN).',
    );
  }
}

interface DemoUser {
  readonly username: string;
  readonly groups: readonly string[];
  readonly description: string;
}

async function getJson<T>(url: string, init?: RequestInit): Promise<{ status: number; body: T }> {
  let response: Response;
  try {
    response = await fetch(url, init);
  } catch (error) {
    throw new CliError(
      `Could not reach ${new URL(url).origin} (${(error as Error).message}). Is Upstream running there?`,
    );
  }
  const text = await response.text();
  let body: unknown;
  try {
    body = text === '' ? {} : JSON.parse(text);
  } catch {
    body = { message: text };
  }
  return { status: response.status, body: body as T };
}

export async function demoUsers(consoleUrl: string): Promise<DemoUser[]> {
  return (await getJson<DemoUser[]>(`${consoleUrl}/users`)).body;
}

/** Locally the console issues a demo user's token; the API address comes with it. */
export async function loginLocal(consoleUrl: string, username: string): Promise<Session> {
  const { status, body } = await getJson<{ token: string; api: string; message?: string }>(
    `${consoleUrl}/token?user=${encodeURIComponent(username)}`,
  );
  if (status !== 200) throw new CliError(body.message ?? `The local console answered ${status}.`);
  return { api: body.api, token: body.token, username };
}

/** A council's machine credentials: its client id and secret, Cognito's sign-in address and the API's. */
export interface MachineCredentials {
  readonly clientId: string;
  readonly clientSecret: string;
  readonly authUrl: string;
  readonly api: string;
}

/**
 * A session for a council's automated extract: an access token from the client-credentials grant, asked
 * for with the client's id and secret (HTTP Basic, as Cognito's token endpoint prefers), for the submit scope.
 */
export async function machineSession(credentials: MachineCredentials): Promise<Session> {
  const basic = Buffer.from(
    `${encodeURIComponent(credentials.clientId)}:${encodeURIComponent(credentials.clientSecret)}`,
  ).toString('base64');
  const { status, body } = await getJson<{
    access_token?: string;
    error?: string;
    error_description?: string;
  }>(`${credentials.authUrl.replace(/\/+$/, '')}/oauth2/token`, {
    method: 'POST',
    headers: { authorization: `Basic ${basic}`, 'content-type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams({ grant_type: 'client_credentials', scope: SUBMIT_SCOPE }).toString(),
  });
  if (status !== 200 || !body.access_token) {
    throw new CliError(
      body.error === 'invalid_client'
        ? 'The machine credentials were refused: the client id or secret is wrong, or they were revoked. Ask an administrator for new ones.'
        : `No token for these machine credentials (${body.error_description ?? body.error ?? `status ${status}`}).`,
    );
  }
  return { api: credentials.api, token: body.access_token };
}

export interface SubmissionView {
  readonly submissionId: string;
  readonly status: string;
  readonly returnType?: string;
  readonly collectionYear?: number;
  readonly outcome?: { readonly status: string; readonly summary: string };
}

const auth = (session: Session) => ({ authorization: `Bearer ${session.token}` });

function refusal(status: number, body: { message?: string }): CliError {
  if (status === 401)
    return new CliError('Your sign-in has expired or is not valid here. Run `upstream login` again.');
  return new CliError(body.message ?? `The service answered ${status}.`);
}

export interface SubmitRequest {
  readonly returnType: string;
  readonly collectionYear: number;
  readonly la?: string;
  readonly files: readonly string[];
  /** Last year's return, sent as "…_last" files for the checks that compare the two years. */
  readonly previousFiles?: readonly string[];
}

export async function submitFiles(
  session: Session,
  request: SubmitRequest,
  progress: (line: string) => void,
  options: { readonly timeoutMs?: number; readonly pollMs?: number } = {},
): Promise<SubmissionView> {
  // Name, size and SHA-256 are declared first; the upload addresses are bound to them.
  const named = [
    ...request.files.map((file) => ({ file, name: path.basename(file) })),
    ...(request.previousFiles ?? []).map((file) => ({ file, name: asPreviousYearName(path.basename(file)) })),
  ];
  const declared = await Promise.all(
    named.map(async ({ file, name }) => {
      const body = await readFile(file);
      return {
        name,
        size: body.length,
        sha256: createHash('sha256').update(body).digest('hex'),
      };
    }),
  );
  const started = await getJson<{
    submissionId: string;
    message?: string;
    uploads: { fileName: string; url: string; headers?: Record<string, string> }[];
  }>(`${session.api}/submissions`, {
    method: 'POST',
    headers: { ...auth(session), 'content-type': 'application/json' },
    body: JSON.stringify({
      returnType: request.returnType,
      collectionYear: request.collectionYear,
      ...(request.la ? { la: request.la } : {}),
      files: declared,
    }),
  });
  if (started.status !== 201) throw refusal(started.status, started.body);
  const { submissionId, uploads } = started.body;
  progress(`Submission ${submissionId}: uploading ${uploads.length} file${uploads.length === 1 ? '' : 's'}`);
  for (const [index, upload] of uploads.entries()) {
    const file = named.find((candidate) => candidate.name === upload.fileName)?.file;
    if (!file) throw new CliError(`The service asked for ${upload.fileName}, which was not sent.`);
    const put = await fetch(upload.url, {
      method: 'PUT',
      headers: upload.headers,
      body: await readFile(file),
    });
    if (!put.ok)
      throw new CliError(`Uploading ${upload.fileName} failed (${put.status}): ${await put.text()}`);
    progress(`  [${index + 1}/${uploads.length}] ${upload.fileName} uploaded`);
  }
  progress('Waiting for the checks to finish…');
  const deadline = Date.now() + (options.timeoutMs ?? 15 * 60_000);
  while (Date.now() < deadline) {
    const view = await submission(session, submissionId);
    if (view.outcome) return view;
    await new Promise((resolve) => setTimeout(resolve, options.pollMs ?? 500));
  }
  throw new CliError(
    `Submission ${submissionId} is still being processed; check later with \`upstream status ${submissionId}\`.`,
  );
}

export async function submission(session: Session, submissionId: string): Promise<SubmissionView> {
  const { status, body } = await getJson<SubmissionView & { message?: string }>(
    `${session.api}/submissions/${encodeURIComponent(submissionId)}`,
    { headers: auth(session) },
  );
  if (status !== 200) throw refusal(status, body);
  return body;
}

export async function submissions(session: Session): Promise<unknown> {
  const { status, body } = await getJson<{ message?: string }>(`${session.api}/submissions`, {
    headers: auth(session),
  });
  if (status !== 200) throw refusal(status, body);
  return body;
}

/** The report as the API serves it (JSON text, or the CSV). */
export async function report(
  session: Session,
  submissionId: string,
  format: 'json' | 'csv',
): Promise<string> {
  const suffix = format === 'csv' ? '?format=csv' : '';
  const response = await fetch(
    `${session.api}/submissions/${encodeURIComponent(submissionId)}/report${suffix}`,
    {
      headers: auth(session),
    },
  );
  const text = await response.text();
  if (response.status !== 200) {
    let message: string | undefined;
    try {
      message = (JSON.parse(text) as { message?: string }).message;
    } catch {}
    throw refusal(response.status, { message: message ?? text });
  }
  return text;
}
