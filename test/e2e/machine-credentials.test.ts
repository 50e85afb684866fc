// End to end through the local cloud: an administrator gives Kent machine credentials through the API (the
// local user pool creates the app client), Kent's scheduled task gets a token with the client-credentials
// grant (the pool's token trigger names the council) and sends its in-year return, with curl's requests and
// with `upstream submit`. The token is refused for Barnet, on every route but the submissions routes, after
// the credentials are replaced or revoked, and a wrong secret gets no token.
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { decodeJwt } from 'jose';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { LocalCloud } from '../../infra/local/local-cloud.ts';
import { declareFile } from '../../scripts/demo/submit.ts';
import { COUNCIL_CLAIM, MACHINE_AUDIENCE, SUBMIT_SCOPE } from '../../shared/config/machine-credentials.ts';
import { MACHINE_CREDENTIALS_REFUSED } from '../../shared/domain/machine-caller.ts';
import { eventually } from '../integration/helpers/emulators.ts';
import { runCli } from '../unit/cli/run-cli.ts';
import { startTestCloud } from './helpers/test-cloud.ts';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
const EXAMPLE = readFileSync(path.join(root, 'docs', 'inyear-example.csv'));

interface Credentials {
  clientId: string;
  clientSecret: string;
}

describe('a council’s machine credentials through the local cloud', () => {
  let cloud: LocalCloud;
  let workDir: string;
  const logs: string[] = [];

  beforeAll(async () => {
    workDir = mkdtempSync(path.join(os.tmpdir(), 'upstream-machine-'));
    cloud = await startTestCloud({ logs });
  });
  afterAll(async () => {
    await cloud?.stop();
    if (workDir) rmSync(workDir, { recursive: true, force: true });
  });

  const call = async (method: string, pathname: string, token: string, body?: unknown) =>
    fetch(`${cloud.urls.api}${pathname}`, {
      method,
      headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
      ...(body === undefined ? {} : { body: JSON.stringify(body) }),
    });
  const asAdministrator = async (method: string, la: string) =>
    call(method, `/machine-clients/${la}`, await cloud.tokenFor('administrator'));

  /** What a scheduled task does first: the client-credentials grant, id and secret in HTTP Basic. */
  const tokenRequest = (credentials: Credentials) =>
    fetch(`${cloud.urls.console}/oauth2/token`, {
      method: 'POST',
      headers: {
        authorization: `Basic ${Buffer.from(`${credentials.clientId}:${credentials.clientSecret}`).toString('base64')}`,
        'content-type': 'application/x-www-form-urlencoded',
      },
      body: new URLSearchParams({ grant_type: 'client_credentials', scope: SUBMIT_SCOPE }).toString(),
    });
  const machineToken = async (credentials: Credentials) => {
    const response = await tokenRequest(credentials);
    expect(response.status, await response.clone().text()).toBe(200);
    return ((await response.json()) as { access_token: string }).access_token;
  };
  const issue = async (la: string): Promise<Credentials> => {
    const response = await asAdministrator('POST', la);
    expect(response.status, await response.clone().text()).toBe(201);
    return (await response.json()) as Credentials;
  };

  /** Declares the in-year file, PUTs it and waits for the outcome, as curl would. */
  async function sendInyear(token: string) {
    const started = await call('POST', '/submissions', token, {
      returnType: 'inyear',
      collectionYear: 2026,
      files: [declareFile('kent-inyear.csv', EXAMPLE)],
    });
    expect(started.status, await started.clone().text()).toBe(201);
    const { submissionId, uploads } = (await started.json()) as {
      submissionId: string;
      uploads: { url: string; headers: Record<string, string> }[];
    };
    const put = await fetch(uploads[0]!.url, { method: 'PUT', headers: uploads[0]!.headers, body: EXAMPLE });
    expect(put.ok).toBe(true);
    return eventually(
      async () => {
        const view = (await (await call('GET', `/submissions/${submissionId}`, token)).json()) as {
          submissionId: string;
          la: string;
          status: string;
        };
        if (['awaiting_files', 'processing'].includes(view.status)) throw new Error(`still ${view.status}`);
        return view;
      },
      'the in-year return to be processed',
      60_000,
    );
  }

  let kent: Credentials;
  let kentToken: string;
  let kentSubmission: string;

  it('gives Kent machine credentials once, through the administrators’ route, and never shows the secret again', async () => {
    // Act
    kent = await issue('886');
    const shown = await asAdministrator('GET', '886');

    // Assess
    expect(kent.clientId).toMatch(/^[a-z0-9]{26}$/);
    expect(kent.clientSecret.length).toBeGreaterThan(40);
    expect(shown.status).toBe(200);
    const text = await shown.text();
    expect(text).toContain(kent.clientId);
    expect(text).not.toContain(kent.clientSecret);
  });

  it('refuses to give machine credentials to anyone but an administrator', async () => {
    // Act
    const response = await call('POST', '/machine-clients/886', await cloud.tokenFor('kent-data-officer'));

    // Assess
    expect(response.status).toBe(403);
    expect(((await response.json()) as { message: string }).message).toMatch(/national administrator/);
  });

  it('issues a token that names Kent and the machine audience, through the pool’s token trigger', async () => {
    // Act
    kentToken = await machineToken(kent);
    const claims = decodeJwt(kentToken);

    // Assess
    expect(claims).toMatchObject({
      sub: kent.clientId,
      client_id: kent.clientId,
      token_use: 'access',
      scope: SUBMIT_SCOPE,
      aud: MACHINE_AUDIENCE,
      [COUNCIL_CLAIM]: '886',
    });
    expect(claims['cognito:groups']).toBeUndefined();
  });

  it('refuses a token for a wrong secret', async () => {
    // Act
    const response = await tokenRequest({ clientId: kent.clientId, clientSecret: `${kent.clientSecret}x` });

    // Assess
    expect(response.status).toBe(400);
    expect(await response.json()).toEqual({ error: 'invalid_client' });
  });

  it('sends Kent’s in-year return with the machine token, and reads its status and report', async () => {
    // Act
    const view = await sendInyear(kentToken);
    kentSubmission = view.submissionId;
    const report = await call('GET', `/submissions/${kentSubmission}/report`, kentToken);
    const list = await call('GET', '/submissions', kentToken);

    // Assess
    expect(view.la).toBe('886');
    expect(view.status).toMatch(/^accepted/);
    expect(report.status).toBe(200);
    expect(list.status).toBe(200);
  });

  it('sends the same return with `upstream submit` and the credentials from the environment', async () => {
    // Prepare
    const file = path.join(workDir, 'kent-inyear-cli.csv');
    // The first three months only, so it is not the file already sent (which would be a duplicate).
    writeFileSync(file, `${EXAMPLE.toString('utf8').split('\n').slice(0, 4).join('\n')}\n`);

    // Act
    const run = await runCli(['submit', '--type', 'inyear', '--year', '2026', '--format', 'json', file], {
      XDG_CONFIG_HOME: workDir,
      UPSTREAM_CLIENT_ID: kent.clientId,
      UPSTREAM_CLIENT_SECRET: kent.clientSecret,
      UPSTREAM_AUTH: cloud.urls.console,
      UPSTREAM_API: cloud.urls.api,
      NO_COLOR: '1',
    });

    // Assess
    expect(run.code, run.err).toBe(0);
    expect(JSON.parse(run.out)).toHaveProperty('returnType', 'inyear');
  });

  it('refuses the machine token for another council’s return, and another council’s submission', async () => {
    // Prepare
    const barnet = await call('POST', '/submissions', await cloud.tokenFor('barnet-data-officer'), {
      returnType: 'inyear',
      collectionYear: 2026,
      files: [declareFile('barnet.csv', EXAMPLE)],
    });
    const { submissionId } = (await barnet.json()) as { submissionId: string };

    // Act
    const forBarnet = await call('POST', '/submissions', kentToken, {
      returnType: 'inyear',
      collectionYear: 2026,
      la: '302',
      files: [declareFile('kent-inyear.csv', EXAMPLE)],
    });
    const barnetView = await call('GET', `/submissions/${submissionId}`, kentToken);

    // Assess
    expect(forBarnet.status).toBe(403);
    expect(((await forBarnet.json()) as { message: string }).message).toMatch(/Barnet/);
    expect(barnetView.status).toBe(403);
  });

  it.each([
    ['GET', '/indicators/councils/886'],
    ['GET', '/risk/councils/886'],
    ['POST', '/intelligence'],
    ['GET', '/directory/advisers'],
    ['GET', '/feeds/dfe.json'],
    ['GET', '/machine-clients/886'],
  ])('refuses the machine token on %s %s with 403 in words', async (method, pathname) => {
    // Act
    const response = await call(method, pathname, kentToken, method === 'POST' ? {} : undefined);

    // Assess
    expect(response.status).toBe(403);
    expect(await response.json()).toEqual({ message: MACHINE_CREDENTIALS_REFUSED });
  });

  it('replaces Kent’s credentials: the old secret gets no token and the old live token is refused', async () => {
    // Act
    const replacement = await issue('886');
    const oldSecret = await tokenRequest(kent);
    const oldToken = await call('GET', `/submissions/${kentSubmission}`, kentToken);
    const newToken = await machineToken(replacement);
    const withNew = await call('GET', `/submissions/${kentSubmission}`, newToken);

    // Assess
    expect(replacement.clientId).not.toBe(kent.clientId);
    expect(oldSecret.status).toBe(400);
    expect(oldToken.status).toBe(403);
    expect(((await oldToken.json()) as { message: string }).message).toMatch(/not current/);
    expect(withNew.status).toBe(200);
    kent = replacement;
    kentToken = newToken;
  });

  it('revokes Kent’s credentials: no new token, and the live one is refused at once', async () => {
    // Act
    const revoked = await asAdministrator('DELETE', '886');
    const tokenAfter = await tokenRequest(kent);
    const liveToken = await call('GET', `/submissions/${kentSubmission}`, kentToken);
    const shown = await asAdministrator('GET', '886');

    // Assess
    expect(revoked.status).toBe(200);
    expect(tokenAfter.status).toBe(400);
    expect(liveToken.status).toBe(403);
    expect(shown.status).toBe(404);
  });
});
