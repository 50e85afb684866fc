// `upstream generate`: writes a synthetic return that `upstream validate` accepts, plants named faults, and
// says what to do about a wrong option.
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { runCli } from './run-cli.ts';

const scratch = mkdtempSync(path.join(os.tmpdir(), 'upstream-cli-generate-'));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

const run = (argv: string[]) => runCli(argv, { XDG_CONFIG_HOME: scratch });

describe('upstream generate', () => {
  it('writes a return that validate accepts with no problems, the same for the same seed', async () => {
    const out = path.join(scratch, 'camden');
    const args = ['--type', 'ssda903', '--year', '2027', '--la', '202', '--seed', '4', '--scale', '0.3'];
    const generated = await run(['generate', ...args, '--out', out]);
    expect(generated.code).toBe(0);
    const written = generated.out.trim().split('\n');
    expect(written.map((file) => path.basename(file))).toContain('episodes.csv');
    expect(generated.err).toMatch(/^Wrote 7 files .* Made-up data/);

    const validated = await run([
      'validate',
      '--type',
      'ssda903',
      '--year',
      '2027',
      '--la',
      '202',
      '--format',
      'json',
      ...written,
    ]);
    expect(validated.code).toBe(0);
    expect(JSON.parse(validated.out)).toMatchObject({ status: 'accepted', totals: { problems: 0 } });

    const again = path.join(scratch, 'camden-again');
    await run(['generate', ...args, '--out', again]);
    for (const name of readdirSync(out))
      expect(readFileSync(path.join(again, name), 'utf8')).toBe(readFileSync(path.join(out, name), 'utf8'));
  }, 30_000);

  it('plants the faults asked for, which validate then reports', async () => {
    const out = path.join(scratch, 'faulty');
    const generated = await run([
      'generate',
      '--type',
      'inyear',
      '--year',
      '2026',
      '--la',
      '873',
      '--faults',
      'words-for-numbers',
      '--out',
      out,
    ]);
    expect(generated.code).toBe(0);
    const validated = await run([
      'validate',
      '--type',
      'inyear',
      '--year',
      '2026',
      '--la',
      '873',
      '--format',
      'json',
      ...generated.out.trim().split('\n'),
    ]);
    const report = JSON.parse(validated.out);
    expect(report.status).toBe('accepted_with_issues');
    expect(report.rules.map((rule: { code: string }) => rule.code)).toContain('INYEAR:not-a-number');
  });

  it('exits 1 with what to do for an unknown fault, a missing --out or an unknown council', async () => {
    const base = ['generate', '--type', 'cin', '--year', '2026'];
    const fault = await run([...base, '--la', '202', '--faults', 'gremlins', '--out', scratch]);
    expect(fault.code).toBe(1);
    expect(fault.err).toContain('No cin fault called gremlins. Known cin faults: factor-21-with-others');
    const noOut = await run([...base, '--la', '202']);
    expect(noOut.code).toBe(1);
    expect(noOut.err).toContain('Say where to write the files with --out DIR.');
    const council = await run([...base, '--la', '999', '--out', scratch]);
    expect(council.code).toBe(1);
    expect(council.err).toContain('Say which council with --la');
  });

  it('has help with an example', async () => {
    const help = await run(['generate', '--help']);
    expect(help.code).toBe(0);
    expect(help.out).toContain('Example:\n  upstream generate --type cin');
    expect(help.out).toContain('truncated-xml');
  });
});
