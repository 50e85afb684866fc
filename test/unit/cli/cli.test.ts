// The `upstream` command offline: usage errors, exit codes and the text report, on real files and the service's
// own ingestion (no emulator).
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { renderReportText, wantsColour } from '../../../shared/cli/render.ts';
import { runCli } from './run-cli.ts';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..', '..');
const cinSample = path.join(root, 'test', 'fixtures', 'cin', 'CIN_Census_2024.xml');
const scratch = mkdtempSync(path.join(os.tmpdir(), 'upstream-cli-unit-'));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

const run = (argv: string[]) => runCli(argv, { XDG_CONFIG_HOME: scratch });

describe('upstream validate', () => {
  // The sample's header names council 201 (City of London), so it is validated as 201's return.
  it('exits 0 for an accepted return and prints the report as JSON, text or CSV', async () => {
    const json = await run([
      'validate',
      '--type',
      'cin',
      '--year',
      '2024',
      '--la',
      '201',
      '--format',
      'json',
      cinSample,
    ]);
    expect(json.code, json.err).toBe(0);
    const report = JSON.parse(json.out) as { status: string; returnType: string; summary: string };
    expect(report).toMatchObject({ returnType: 'cin' });
    expect(report.status).toMatch(/^accepted/);

    const text = await run(['validate', '--type', 'cin', '--year', '2024', '--la', '201', cinSample]);
    expect(text.out.split('\n')[0]).toBe(
      `Accepted${report.status === 'accepted' ? '' : ' with issues'}: ${report.summary}`,
    );
    expect(text.out).not.toContain('\x1b[');

    const csv = await run([
      'validate',
      '--type',
      'cin',
      '--year',
      '2024',
      '--la',
      '201',
      '--format',
      'csv',
      cinSample,
    ]);
    expect(csv.out.replace(/^\uFEFF/, '').split('\r\n')[0]).toMatch(/^Type,/);
  });

  it('takes last year’s SSDA903 files with --previous, for the checks that compare the two years', async () => {
    const dir = path.join(scratch, 'last-year');
    mkdirSync(path.join(dir, '2025'), { recursive: true });
    const episodeColumns =
      'CHILD,DECOM,RNE,LS,CIN,PLACE,PLACE_PROVIDER,DEC,REC,REASON_PLACE_CHANGE,HOME_POST,PL_POST,URN';
    writeFileSync(
      path.join(dir, 'header.csv'),
      'CHILD,SEX,DOB,ETHNIC,UPN,MOTHER,MC_DOB\nC1,F,01/01/2010,WBRI,A123456789012,,\n',
    );
    writeFileSync(path.join(dir, 'episodes.csv'), `${episodeColumns}\nC1,10/06/2024,S,C2,N1,U1,PR1,,,,,,\n`);
    writeFileSync(
      path.join(dir, '2025', 'episodes.csv'),
      `${episodeColumns}\nC1,10/06/2024,S,C1,N1,U1,PR1,,,,,,\n`,
    );
    const args = ['validate', '--type', 'ssda903', '--year', '2026', '--la', '886', '--format', 'json'];
    const files = [path.join(dir, 'header.csv'), path.join(dir, 'episodes.csv')];

    const withLastYear = await run([...args, '--previous', path.join(dir, '2025', 'episodes.csv'), ...files]);
    expect(withLastYear.code, withLastYear.err).toBe(0);
    expect(withLastYear.out).toContain('"503B"');
    const without = await run([...args, ...files]);
    expect(without.out).not.toContain('"503B"');
    expect(without.out).toContain('Last year’s return was not uploaded');
    const cin = await run([
      'validate',
      '--type',
      'cin',
      '--year',
      '2024',
      '--la',
      '886',
      '--previous',
      cinSample,
      cinSample,
    ]);
    expect(cin.err).toContain('--previous is for SSDA903 returns only');
  });

  it('exits 2 for a rejected return and says what must be put right', async () => {
    const notXml = path.join(scratch, 'census.xml');
    writeFileSync(notXml, 'this is not XML at all');
    const rejected = await run(['validate', '--type', 'cin', '--year', '2024', '--la', '886', notXml]);
    expect(rejected.code).toBe(2);
    expect(rejected.out).toMatch(/^Rejected: /);
    expect(rejected.out).toContain('What must be put right before the return can be checked:');
  });

  it('exits 1 with the command’s usage on a usage error', async () => {
    const noType = await run(['validate', '--year', '2024', '--la', '886', cinSample]);
    expect(noType.code).toBe(1);
    expect(noType.err).toContain('Say which return with --type');
    expect(noType.err).toContain('Usage: upstream validate');
    expect((await run(['validate', '--type', 'cin', '--year', '2024', cinSample])).err).toContain('--la');
    expect(
      (await run(['validate', '--type', 'cin', '--year', '2024', '--la', '886', 'missing.xml'])).err,
    ).toContain('No such file: missing.xml');
    expect((await run(['frobnicate'])).code).toBe(1);
    expect((await run(['validate', '--bogus'])).code).toBe(1);
  });

  it('has help with an example on every command, and a version', async () => {
    for (const command of ['validate', 'login', 'submit', 'status', 'report']) {
      const help = await run([command, '--help']);
      expect(help.code).toBe(0);
      expect(help.out).toContain(`Usage: upstream ${command}`);
      expect(help.out).toContain('Example:');
    }
    expect((await run(['--version'])).out).toMatch(/^\d+\.\d+\.\d+\n$/);
  });

  it('asks to sign in before talking to the service', async () => {
    const status = await run(['status']);
    expect(status.code).toBe(1);
    expect(status.err).toContain('You are not signed in. Run `upstream login` first');
  });
});

describe('the text report', () => {
  const report = JSON.stringify({
    status: 'accepted_with_issues',
    summary: 'The return was read.',
    rules: [
      { code: '101', description: 'Sex', count: 2 },
      { code: '103', description: 'Ethnicity', count: 5 },
    ],
    rows: [
      {
        code: '103',
        table: 'Header',
        rowNumber: 4,
        field: 'ETHNIC',
        value: 'XX',
        child: 'C1',
        message: 'Bad code.',
      },
    ],
    totals: { problems: 7, listed: 1 },
  });

  it('lists checks by count, then the first rows with where they are', () => {
    const text = renderReportText(report, { colour: false });
    expect(text.indexOf('103')).toBeLessThan(text.indexOf('101'));
    expect(text).toContain('First 1 of 7 problems:');
    expect(text).toContain('103 Header, child C1, row 4, ETHNIC (value "XX"): Bad code.');
  });

  it('locates a row of an XML return by its position, with the line as an extra', () => {
    const xml = JSON.stringify({
      status: 'accepted_with_issues',
      summary: 'Read.',
      rows: [
        {
          code: 'SCHEMA:code',
          table: 'Episodes',
          rowNumber: 1,
          location: 'Child 2, Episode 2',
          field: 'PLACE',
          value: 'XX9',
          child: 'C2',
          message: 'Bad code.',
        },
        {
          code: '8606',
          module: 'CINdetails',
          line: 1,
          location: 'Child 12, CINdetails 2, CINreferralDate',
          child: 12,
          field: 'CINreferralDate',
          value: '2020-01-01',
          message: 'Too early.',
        },
      ],
      totals: { problems: 2, listed: 2 },
    });
    const text = renderReportText(xml, { colour: false });
    expect(text).toContain(
      'SCHEMA:code Episodes, Child 2, Episode 2, PLACE, line 1 (value "XX9"): Bad code.',
    );
    expect(text).toContain(
      '8606 Child 12, CINdetails 2, CINreferralDate, line 1 (value "2020-01-01"): Too early.',
    );
  });

  it('shows what the return will say for each indicator, against England and the statistical neighbours', () => {
    const withIndicators = JSON.stringify({
      ...JSON.parse(report),
      indicators: [
        {
          name: 'Re-referrals',
          unit: 'percent',
          value: 25.5,
          england: 22.4,
          statNeighbours: 21,
          againstEngland: 'worse',
        },
      ],
    });
    expect(renderReportText(withIndicators, { colour: false })).toContain(
      'Re-referrals: 25.5% (England 22.4%, statistical neighbours 21%, worse than England)',
    );
  });

  it('colours only a terminal, and never under CI or NO_COLOR', () => {
    expect(renderReportText(report, { colour: true })).toContain('\x1b[');
    expect(wantsColour({ isTTY: true }, {})).toBe(true);
    expect(wantsColour({ isTTY: false }, {})).toBe(false);
    expect(wantsColour({ isTTY: true }, { CI: 'true' })).toBe(false);
    expect(wantsColour({ isTTY: true }, { NO_COLOR: '1' })).toBe(false);
  });
});
