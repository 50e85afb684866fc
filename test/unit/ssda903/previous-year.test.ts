import { describe, expect, it } from 'vitest';
import { type AcceptedReturn, type InputFile, readReturn } from '#domain/ssda903/engine';
import type { ChildRecord, RuleContext } from '#domain/ssda903/model';
import { isPreviousYearFile } from '#domain/ssda903/previous-year';
import { rulesFor } from '#domain/ssda903/rules/registry';
import { rule502 } from '#domain/ssda903/rules/rule-502';
import { rule503B } from '#domain/ssda903/rules/rule-503B';
import { chunked } from './helpers/streams.ts';
import { buildZip } from './helpers/zip-writer.ts';

const HEADER_COLUMNS = 'CHILD,SEX,DOB,ETHNIC,UPN,MOTHER,MC_DOB';
const EPISODE_COLUMNS =
  'CHILD,DECOM,RNE,LS,CIN,PLACE,PLACE_PROVIDER,DEC,REC,REASON_PLACE_CHANGE,HOME_POST,PL_POST,URN';
const HEADER = [
  HEADER_COLUMNS,
  'C1,F,01/01/2010,WBRI,A123456789012,,',
  'C2,M,02/02/2011,WIRI,B123456789012,,',
].join('\r\n');
const EPISODES = [
  EPISODE_COLUMNS,
  'C1,10/06/2024,S,C2,N1,U1,PR1,,,,,,',
  'C2,05/05/2025,S,C2,N2,U4,PR2,,,,,,',
].join('\r\n');
// Last year (2024/25): C1's episode is still open at the end of March 2025, with legal status C1.
const HEADER_LAST = [HEADER_COLUMNS, 'C1,F,01/01/2010,WBRI,A123456789012,,'].join('\r\n');
const EPISODES_LAST = [EPISODE_COLUMNS, 'C1,10/06/2024,S,C1,N1,U1,PR1,,,,,,'].join('\r\n');

const file = (name: string, text: string | Buffer): InputFile => ({ name, body: chunked(text) });

async function accepted(files: InputFile[], options: Partial<Parameters<typeof readReturn>[1]> = {}) {
  const result = await readReturn(files, { collectionYear: 2026, rules: [rule502, rule503B], ...options });
  if (result.status !== 'accepted') throw new Error(`rejected: ${JSON.stringify(result.blocking)}`);
  return result as AcceptedReturn;
}

describe('last year’s files, recognised by name', () => {
  it('tells last year’s files by a name ending in _last or a folder named previous', () => {
    expect(isPreviousYearFile('episodes_last.csv')).toBe(true);
    expect(isPreviousYearFile('Header-Last.CSV')).toBe(true);
    expect(isPreviousYearFile('return_last.xml')).toBe(true);
    expect(isPreviousYearFile('previous/episodes.csv')).toBe(true);
    expect(isPreviousYearFile('kent/Previous/header.csv')).toBe(true);
    expect(isPreviousYearFile('episodes.csv')).toBe(false);
    expect(isPreviousYearFile('lastyear.csv')).toBe(false);
    expect(isPreviousYearFile('previous-episodes.csv')).toBe(false);
  });

  it('runs the year-comparing rules on this year’s children with last year’s rows', async () => {
    const result = await accepted([
      file('header.csv', HEADER),
      file('episodes.csv', EPISODES),
      file('header_last.csv', HEADER_LAST),
      file('episodes_last.csv', EPISODES_LAST),
    ]);
    expect(result.children).toBe(2);
    expect(result.findings).toEqual([
      { code: '503B', table: 'Episodes', rowNumber: 2, field: 'LS', value: 'C2', child: 'C1' },
    ]);
    expect(result.tables.map((table) => table.file)).toEqual(['header.csv', 'episodes.csv']);
    expect(result.notices).toEqual([]);
  });

  it('reads last year’s files from a previous folder in the ZIP', async () => {
    const zip = buildZip([
      { name: 'header.csv', data: HEADER },
      { name: 'episodes.csv', data: EPISODES },
      { name: 'previous/episodes.csv', data: EPISODES_LAST },
    ]);
    const result = await accepted([file('return.zip', zip)]);
    expect(result.findings.map((finding) => finding.code)).toEqual(['503B']);
  });

  it('accepts a declared last-year file whatever its name', async () => {
    const result = await accepted([
      file('header.csv', HEADER),
      file('episodes.csv', EPISODES),
      { name: 'kent 2024-25 episodes.csv', body: chunked(EPISODES_LAST), previousYear: true },
    ]);
    expect(result.findings.map((finding) => finding.code)).toEqual(['503B']);
  });

  it('says once, not child by child, which checks did not run without last year’s return', async () => {
    const result = await accepted([file('header.csv', HEADER), file('episodes.csv', EPISODES)], {
      rules: rulesFor(2026),
    });
    const notices = result.notices.filter((notice) => notice.kind === 'previous-year');
    expect(notices).toHaveLength(1);
    expect(notices[0]!.message).toMatch(
      /^Last year’s return was not uploaded with this one, so the \d+ checks/,
    );
    expect(notices[0]!.message).toContain('502');
    expect(result.counts.map((count) => count.code)).not.toContain('502');
  });

  it('names the missing table when last year’s files lack one a check needs', async () => {
    const result = await accepted([
      file('header.csv', HEADER),
      file('episodes.csv', EPISODES),
      file('header_last.csv', HEADER_LAST),
    ]);
    expect(result.notices.map((notice) => notice.message)).toEqual([
      'Last year’s files have no Episodes table, so checks 502 and 503B, which compare this year with last year, did not run.',
    ]);
  });

  it('reports an unreadable last-year file as a warning and still processes this year', async () => {
    const result = await accepted([
      file('header.csv', HEADER),
      file('episodes.csv', EPISODES),
      file('episodes_last.csv', 'NOT,A,TABLE\r\n1,2,3'),
    ]);
    expect(result.children).toBe(2);
    const warnings = result.notices.filter((notice) => notice.severity === 'warning');
    expect(warnings).toHaveLength(1);
    expect(warnings[0]!.message).toMatch(/^Last year’s file "episodes_last.csv" could not be read/);
  });

  it('refuses an upload of last year’s files alone', async () => {
    const result = await readReturn([file('episodes_last.csv', EPISODES_LAST)], { collectionYear: 2026 });
    expect(result.status).toBe('rejected');
    expect(result.status === 'rejected' && result.blocking[0]!.message).toMatch(/Only last year’s files/);
  });

  it('gives last year’s rows to the rules only: onChild sees this year’s record and context', async () => {
    const seen: { child: ChildRecord; context: RuleContext }[] = [];
    await accepted(
      [
        file('header.csv', HEADER),
        file('episodes.csv', EPISODES),
        file('header_last.csv', HEADER_LAST),
        file('episodes_last.csv', EPISODES_LAST),
      ],
      { onChild: (child, context) => void seen.push({ child, context }) },
    );
    expect(seen).toHaveLength(2);
    for (const { child, context } of seen) {
      expect(context.previousYear).toBeUndefined();
      expect(JSON.stringify(child)).not.toContain('C1,N1');
      expect(child.rows.Episodes).toHaveLength(1);
    }
  });
});
