// End to end: the `upstream` command against the local cloud. Offline `validate` prints byte for byte the report
// the API serves for the same files after `submit`, for an XML return (CIN) and a CSV one (SSDA903).
import { mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { PassThrough } from 'node:stream';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ensureAssembly } from '../../infra/local/assembly.ts';
import { type LocalCloud, startLocalCloud } from '../../infra/local/local-cloud.ts';
import { main } from '../../shared/cli/upstream.ts';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
const assemblyDir = path.join(root, 'cdk.out');
const cinSample = path.join(root, 'test', 'fixtures', 'cin', 'fake_CIN_data.xml');
const ssda903 = ['header.csv', 'episodes.csv'].map((name) =>
  path.join(root, 'shared', 'demo', 'ssda903', name),
);

async function run(
  argv: string[],
  env: NodeJS.ProcessEnv,
): Promise<{ code: number; out: string; err: string }> {
  const stdout = new PassThrough();
  const stderr = new PassThrough();
  const out: Buffer[] = [];
  const err: Buffer[] = [];
  stdout.on('data', (chunk: Buffer) => out.push(chunk));
  stderr.on('data', (chunk: Buffer) => err.push(chunk));
  const code = await main(argv, { stdout, stderr, env });
  return { code, out: Buffer.concat(out).toString('utf8'), err: Buffer.concat(err).toString('utf8') };
}

describe('the upstream command against the local cloud', () => {
  let cloud: LocalCloud;
  let config: string;
  let env: NodeJS.ProcessEnv;

  beforeAll(async () => {
    ensureAssembly(root, assemblyDir, () => {});
    cloud = await startLocalCloud({
      assemblyDir,
      ports: { api: 0, console: 0, awsServices: 0, dynamodb: 0, ses: 0 },
      pollWaitSeconds: 1,
    });
    config = mkdtempSync(path.join(os.tmpdir(), 'upstream-cli-'));
    env = { XDG_CONFIG_HOME: config };
  });
  afterAll(async () => {
    await cloud?.stop();
    if (config) rmSync(config, { recursive: true, force: true });
  });

  it('signs in as a demo user and keeps the session readable by its owner only', async () => {
    const login = await run(['login', '--user', 'kent-data-officer', '--console', cloud.urls.console], env);
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
      const submitted = await run(
        ['submit', '--type', type, '--year', year, '--format', 'json', ...files],
        env,
      );
      expect(submitted.err).toMatch(/Submission \S+: uploading/);
      const offline = await run(
        ['validate', '--type', type, '--year', year, '--la', '886', '--format', 'json', ...files],
        env,
      );
      expect(offline.code).toBe(submitted.code);
      expect(JSON.parse(offline.out).status).toMatch(/^accepted/);
      expect(offline.out).toBe(submitted.out);
    },
  );

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

    const submitted = await run(['submit', ...args], env);
    expect(submitted.err).toMatch(/Submission \S+: uploading 3 files/);
    const report = JSON.parse(submitted.out) as { status: string };
    expect(report.status).toMatch(/^accepted/);
    expect(submitted.out).toMatch(new RegExp(`"204"[^}]*"${child}"|"${child}"[^}]*"204"`));
    expect(submitted.out).toContain('Last year’s files have no Episodes, UASC');
    const offline = await run(['validate', '--la', '886', ...args], env);
    expect(offline.out).toBe(submitted.out);
  });

  it('says how to sign in again when the session is refused', async () => {
    const refused = await run(['status'], { UPSTREAM_API: cloud.urls.api, UPSTREAM_TOKEN: 'not-a-token' });
    expect(refused.code).toBe(1);
    expect(refused.err).toContain('Run `upstream login` again');
  });
});
