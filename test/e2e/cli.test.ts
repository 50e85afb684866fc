// End to end: the `upstream` command against the local cloud. Offline `validate` prints byte for byte the report
// the API serves for the same files after `submit`, for an XML return (CIN) and a CSV one (SSDA903).
import { existsSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { PassThrough } from 'node:stream';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { LocalCloud } from '../../infra/local/local-cloud.ts';
import { main } from '../../shared/cli/upstream.ts';
import { COMMAND_LINE_CALLBACK_URL } from '../../shared/config/command-line-sign-in.ts';
import { runCli } from '../unit/cli/run-cli.ts';
import { startTestCloud } from './helpers/test-cloud.ts';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
// The CIN sample's header names council 975; the signed-in user is Kent's, so Kent's copy names 886.
const samples = mkdtempSync(path.join(os.tmpdir(), 'upstream-cli-samples-'));
const cinSample = path.join(samples, 'fake_CIN_data.xml');
writeFileSync(
  cinSample,
  readFileSync(path.join(root, 'test', 'fixtures', 'cin', 'fake_CIN_data.xml'), 'utf8').replace(
    '<LEA>975</LEA>',
    '<LEA>886</LEA>',
  ),
);
const ssda903 = ['header.csv', 'episodes.csv'].map((name) =>
  path.join(root, 'shared', 'demo', 'ssda903', name),
);

describe('the upstream command against the local cloud', () => {
  let cloud: LocalCloud;
  let config: string;
  let env: NodeJS.ProcessEnv;

  beforeAll(async () => {
    cloud = await startTestCloud();
    config = mkdtempSync(path.join(os.tmpdir(), 'upstream-cli-'));
    env = { XDG_CONFIG_HOME: config };
  });
  afterAll(async () => {
    await cloud?.stop();
    if (config) rmSync(config, { recursive: true, force: true });
    rmSync(samples, { recursive: true, force: true });
  });

  it('signs in as a demo user and keeps the session readable by its owner only', async () => {
    const login = await runCli(
      ['login', '--user', 'kent-data-officer', '--console', cloud.urls.console],
      env,
    );
    expect(login.code, login.err).toBe(0);
    expect(login.err).toContain(`Signed in as kent-data-officer to ${cloud.urls.api}`);
    const file = path.join(config, 'upstream', 'session.json');
    expect(statSync(file).mode & 0o777).toBe(0o600);
    expect(JSON.parse(readFileSync(file, 'utf8'))).toMatchObject({
      api: cloud.urls.api,
      username: 'kent-data-officer',
    });
  });

  it.each([
    ['cin', '2022', [cinSample]],
    ['ssda903', '2027', ssda903],
  ])(
    'submit prints the %s report the API serves, and validate offline prints the same bytes',
    async (type, year, files) => {
      const submitted = await runCli(
        ['submit', '--type', type, '--year', year, '--format', 'json', ...files],
        env,
      );
      expect(submitted.err).toMatch(/Submission \S+: uploading/);
      const offline = await runCli(
        ['validate', '--type', type, '--year', year, '--la', '886', '--format', 'json', ...files],
        env,
      );
      expect(offline.code).toBe(submitted.code);
      expect(JSON.parse(offline.out).status).toMatch(/^accepted/);
      expect(offline.out).toBe(submitted.out);
    },
  );

  it('signs in with managed login and PKCE, refreshes an expiring token, and signs out revoking it', async () => {
    const pool = cloud.model.userPools[0];
    const clientId = Object.entries(pool?.callbackUrls ?? {}).find(([, urls]) =>
      urls.includes(COMMAND_LINE_CALLBACK_URL),
    )?.[0];
    expect(clientId, 'the stack registers a command-line client').toBeDefined();
    // Codes go only where a client registered: another client may not have them sent to the CLI's port.
    const otherClient = pool?.clientIds.find((id) => id !== clientId);
    const misdirected = new URL('/oauth2/authorize', cloud.urls.console);
    misdirected.search = new URLSearchParams({
      response_type: 'code',
      client_id: otherClient!,
      redirect_uri: COMMAND_LINE_CALLBACK_URL,
      state: 's',
      code_challenge: 'c',
      code_challenge_method: 'S256',
    }).toString();
    expect((await fetch(misdirected)).status).toBe(400);
    const managed = { XDG_CONFIG_HOME: mkdtempSync(path.join(os.tmpdir(), 'upstream-cli-managed-')) };
    try {
      // The command prints the address to open; here the test is the browser.
      const stderr = new PassThrough();
      let told = '';
      const address = new Promise<string>((resolve) =>
        stderr.on('data', (chunk: Buffer) => {
          told += chunk.toString('utf8');
          const match = /(http\S+\/oauth2\/authorize\S+)/.exec(told);
          if (match?.[1]) resolve(match[1]);
        }),
      );
      const login = main(
        ['login', '--auth', cloud.urls.console, '--client-id', clientId!, '--api', cloud.urls.api],
        { stdout: new PassThrough(), stderr, env: managed },
      );
      const authorize = new URL(await address);
      expect(authorize.searchParams.get('code_challenge_method')).toBe('S256');
      expect(authorize.searchParams.get('redirect_uri')).toBe(COMMAND_LINE_CALLBACK_URL);
      const form = new URLSearchParams(authorize.searchParams);
      form.set('username', 'kent-data-officer');
      const chosen = await fetch(new URL('/oauth2/authorize', cloud.urls.console), {
        method: 'POST',
        body: form,
        redirect: 'manual',
      });
      expect(chosen.status).toBe(302);
      const callback = new URL(chosen.headers.get('location')!);
      expect(callback.origin).toBe(new URL(COMMAND_LINE_CALLBACK_URL).origin);
      callback.hostname = '127.0.0.1';
      const forged = new URL(callback);
      forged.searchParams.set('state', 'not-the-one-sent');
      expect((await fetch(forged)).status).toBe(400);
      expect((await fetch(callback)).status).toBe(200);
      expect(await login).toBe(0);
      expect(told).toContain(`Signed in as kent-data-officer to ${cloud.urls.api}`);

      const file = path.join(managed.XDG_CONFIG_HOME, 'upstream', 'session.json');
      const saved = JSON.parse(readFileSync(file, 'utf8'));
      expect(statSync(file).mode & 0o777).toBe(0o600);
      expect(saved).toMatchObject({ api: cloud.urls.api, clientId, username: 'kent-data-officer' });
      expect(saved.refreshToken).toEqual(expect.any(String));
      expect((await runCli(['status'], managed)).code).toBe(0);

      // A token about to expire is refreshed before the request, and the new one is kept.
      writeFileSync(file, JSON.stringify({ ...saved, expiresAt: 0 }), { mode: 0o600 });
      const refreshed = await runCli(['status'], managed);
      expect(refreshed.code, refreshed.err).toBe(0);
      expect(JSON.parse(readFileSync(file, 'utf8')).expiresAt).toBeGreaterThan(Date.now() / 1000);

      const signedOut = await runCli(['logout'], managed);
      expect(signedOut.err).toContain('Signed out kent-data-officer');
      expect(existsSync(file)).toBe(false);
      const reuse = await fetch(new URL('/oauth2/token', cloud.urls.console), {
        method: 'POST',
        body: new URLSearchParams({
          grant_type: 'refresh_token',
          client_id: clientId!,
          refresh_token: saved.refreshToken,
        }),
      });
      expect(reuse.status).toBe(400);
    } finally {
      rmSync(managed.XDG_CONFIG_HOME, { recursive: true, force: true });
    }
  });

  it('sends last year’s SSDA903 file with --previous: the year-comparing checks run, the same online and offline', async () => {
    // Last year's Header as the demo's, but with another ethnic origin for its first child (rule 204).
    const [columns, first, ...rest] = readFileSync(ssda903[0]!, 'utf8').trimEnd().split(/\r?\n/);
    const cells = first!.split(',');
    const child = cells[0]!;
    cells[3] = cells[3] === 'WBRI' ? 'WIRI' : 'WBRI';
    const lastYear = path.join(config, 'header-2025-26.csv');
    writeFileSync(lastYear, [columns, cells.join(','), ...rest].join('\n'));
    const args = [
      '--type',
      'ssda903',
      '--year',
      '2027',
      '--format',
      'json',
      '--previous',
      lastYear,
      ...ssda903,
    ];

    const submitted = await runCli(['submit', ...args], env);
    expect(submitted.err).toMatch(/Submission \S+: uploading 3 files/);
    const report = JSON.parse(submitted.out) as { status: string };
    expect(report.status).toMatch(/^accepted/);
    expect(submitted.out).toMatch(new RegExp(`"204"[^}]*"${child}"|"${child}"[^}]*"204"`));
    expect(submitted.out).toContain('Last year’s files have no Episodes, UASC');
    const offline = await runCli(['validate', '--la', '886', ...args], env);
    expect(offline.out).toBe(submitted.out);
  });

  it('says how to sign in again when the session is refused', async () => {
    const refused = await runCli(['status'], { UPSTREAM_API: cloud.urls.api, UPSTREAM_TOKEN: 'not-a-token' });
    expect(refused.code).toBe(1);
    expect(refused.err).toContain('Run `upstream login` again');
  });
});
