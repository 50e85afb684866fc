// The fake SSDA903 return in shared/demo/ssda903 has invalid values planted on purpose but comes with no
// list of them. So the return is read the way production reads it (readReturn with the year's registry), and each
// expectation is worked out here from the files themselves, read with the small reader in sample-return.ts; the
// rows concerned are quoted in comments.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import {
  type AcceptedReturn,
  type InputFile,
  type ReturnReadResult,
  readReturn,
} from '../../../../shared/domain/ssda903/engine.ts';
import type { Finding, Row, TableName } from '../../../../shared/domain/ssda903/model.ts';
import { rulesFor } from '../../../../shared/domain/ssda903/rules/registry.ts';
import { where } from './helpers.ts';
import { readSampleReturn, SAMPLE_DIR } from './sample-return.ts';

const sample = readSampleReturn();
const allRows = (table: TableName): Row[] => sample.children.flatMap((child) => child.rows[table] ?? []);
const fileOf = (table: TableName): string => sample.files.get(table) as string;

/** The sample's files as an upload, leaving out the given tables. */
function upload(leaveOut: readonly TableName[] = []): InputFile[] {
  return [...sample.files]
    .filter(([table]) => !leaveOut.includes(table))
    .map(([, name]) => ({ name, body: readFileSync(join(SAMPLE_DIR, name)) }));
}

async function readSample(collectionYear: number, leaveOut: readonly TableName[] = []) {
  return readReturn(upload(leaveOut), { collectionYear, rules: rulesFor(collectionYear) });
}

function accepted(result: ReturnReadResult): AcceptedReturn {
  if (result.status !== 'accepted') throw new Error(`rejected: ${JSON.stringify(result.blocking)}`);
  return result;
}

const locations = (result: AcceptedReturn, code: string) =>
  result.findings
    .filter((f) => f.code === code)
    .map(where)
    .sort();
const rowsWhere = (table: TableName, field: string, test: (row: Row) => boolean) =>
  allRows(table)
    .filter(test)
    .map((row) => `${table}:${row.rowNumber}:${field}`)
    .sort();
const value = (row: Row, field: string) => row.values[field] ?? '';
/** dd/mm/yyyy as yyyymmdd, so dates compare as strings. */
const sortable = (text: string) => text.split('/').reverse().join('');

/** A real calendar date in dd/mm/yyyy form, checked without the domain's date helpers. */
function isRealDate(text: string): boolean {
  const match = /^(\d{2})\/(\d{2})\/(\d{4})$/.exec(text);
  if (!match) return false;
  const [day, month, year] = [Number(match[1]), Number(match[2]), Number(match[3])];
  const date = new Date(Date.UTC(year, month - 1, day));
  return date.getUTCFullYear() === year && date.getUTCMonth() === month - 1 && date.getUTCDate() === day;
}

/** Checks every run has to pass: the whole return read, no rule that broke, every finding listed. */
function expectCleanRun(result: AcceptedReturn, tables: readonly TableName[]) {
  expect(
    [...result.tables].map(({ table, rows }) => `${table} ${rows}`).sort(),
    'tables and row counts',
  ).toEqual(tables.map((table) => `${table} ${allRows(table).length}`).sort());
  const children = new Set(tables.flatMap((table) => allRows(table).map((row) => value(row, 'CHILD'))));
  expect(result.children).toBe(children.size);
  // The engine turns a rule that throws into a notice; on real data that must not happen.
  expect(result.notices.filter((notice) => notice.kind === 'rule-failed')).toEqual([]);
  expect(result.findings).toHaveLength(result.totalFindings);
}

/** Rule findings (not the engine's own field checks) that do not quote the row they point at. */
function misquoted(result: AcceptedReturn): Finding[] {
  const rows = new Map<string, Row>();
  for (const table of sample.tables)
    for (const row of allRows(table)) rows.set(`${table}:${row.rowNumber}`, row);
  return result.findings
    .filter((f) => !f.code.startsWith('SCHEMA'))
    .filter((f) => {
      const row = rows.get(`${f.table}:${f.rowNumber}`);
      return row === undefined || value(row, 'CHILD') !== f.child || value(row, f.field) !== f.value;
    });
}

describe('the sample return, read directly', () => {
  it('is a 2017/18 return: episodes start by 31 March 2018 and some planted ones cease the next day', () => {
    expect(allRows('Header')).toHaveLength(2675);
    expect(allRows('Episodes')).toHaveLength(5050);
    const starts = allRows('Episodes').map((row) => sortable(value(row, 'DECOM')));
    expect(starts.reduce((a, b) => (a > b ? a : b))).toBe('20180331');
  });

  it('holds a social worker and a DoLo row for CHILD10, tables not collected in 2017/18', () => {
    // sw_episodes.csv (BOM, CRLF): CHILD10,05/12/1993,SW999,01/01/2020,03/01/2020,SWLAZY
    // DoLo.csv: CHILD10,05/12/1993,01/01/2025,02/01/2025
    expect(allRows('SWEpisodes').map((row) => row.values)).toEqual([
      {
        CHILD: 'CHILD10',
        DOB: '05/12/1993',
        SW_ID: 'SW999',
        SW_DECOM: '01/01/2020',
        SW_DEC: '03/01/2020',
        SW_REASON: 'SWLAZY',
      },
    ]);
    expect(allRows('DoLo').map((row) => value(row, 'CHILD'))).toEqual(['CHILD10']);
  });
});

describe('readReturn with the 2017/18 rules (the oldest known set)', () => {
  const older: TableName[] = ['SWEpisodes', 'DoLo'];
  const tables = [...sample.tables].filter((table) => !older.includes(table));
  let result: AcceptedReturn;

  beforeAll(async () => {
    result = accepted(await readSample(2018, older));
  });

  it('refuses the full upload, because SWEpisodes and DoLo were not collected then', async () => {
    const full = await readSample(2018);
    expect(full.status).toBe('rejected');
    if (full.status !== 'rejected') return;
    expect(full.blocking.map((error) => `${error.kind} ${error.file}`).sort()).toEqual(
      [`table-not-collected ${fileOf('DoLo')}`, `table-not-collected ${fileOf('SWEpisodes')}`].sort(),
    );
  });

  it('reads every other table in full and runs every rule to the end', () => {
    expectCleanRun(result, tables);
  });

  it('points each rule finding at the child, row and value it names', () => {
    expect(result.findings.some((f) => !f.code.startsWith('SCHEMA'))).toBe(true);
    expect(misquoted(result)).toEqual([]);
  });

  it('120: every placed-for-adoption row carries the planted reason XXX', () => {
    // placed_for_adoption.csv line 2: 988635,15/06/2013,22/11/2015,07/04/2017,XXX
    const expected = rowsWhere('PlacedAdoption', 'REASON_PLACED_CEASED', (row) =>
      ['RD1', 'RD2', 'RD3', 'RD4'].every((code) => value(row, 'REASON_PLACED_CEASED') !== code),
    );
    expect(expected).toHaveLength(29);
    expect(locations(result, '120')).toEqual(expected);
  });

  it('132 and 133: the planted care leaver codes F3, P3, 01 and 02', () => {
    // oc3.csv line 2: 197474,30/03/2001,DIED,F1,01 — line 3: 864948,16/01/2001,DIED,P3,T2 — line 47: ...,P1,02
    const activity = rowsWhere('OC3', 'ACTIV', (row) => ['F3', 'P3'].includes(value(row, 'ACTIV')));
    expect(activity).toContain('OC3:3:ACTIV');
    expect(activity).toHaveLength(12);
    expect(locations(result, '132')).toEqual(activity);
    expect(locations(result, '133')).toEqual(['OC3:2:ACCOM', 'OC3:47:ACCOM']);
  });

  it('344: a young person who died or returned home has an activity or accommodation', () => {
    // oc3.csv line 2 (DIED, F1, 01) has both; line 25 (RHOM, 0, Z2) has only the accommodation
    const expected = ['ACTIV', 'ACCOM']
      .flatMap((field) =>
        rowsWhere('OC3', field, (row) => {
          const inTouch = value(row, 'IN_TOUCH');
          return (inTouch === 'DIED' || inTouch === 'RHOM') && !['', '0'].includes(value(row, field));
        }),
      )
      .sort();
    expect(expected).toEqual(expect.arrayContaining(['OC3:2:ACTIV', 'OC3:2:ACCOM', 'OC3:25:ACCOM']));
    expect(expected).not.toContain('OC3:25:ACTIV');
    expect(locations(result, '344')).toEqual(expected);
  });

  it('385: twelve episodes cease on 1 April 2018, after the year', () => {
    // episodes.csv line 218: 774923,14/12/2017,L,E1,N5,U2,PR4,01/04/2018,E45,...
    const ceasedLate = rowsWhere('Episodes', 'DEC', (row) => sortable(value(row, 'DEC')) > '20180331');
    expect(ceasedLate).toContain('Episodes:218:DEC');
    expect(ceasedLate).toHaveLength(12);
    expect(locations(result, '385')).toEqual(ceasedLate);
  });

  it('168: UPNs starting with I, O or S, letters a UPN never starts with', () => {
    // header.csv line 14 has UPN O068405655286, line 24 I087223753657
    const expected = rowsWhere('Header', 'UPN', (row) =>
      ['I', 'O', 'S'].includes(value(row, 'UPN').charAt(0)),
    );
    expect(expected).toEqual(expect.arrayContaining(['Header:14:UPN', 'Header:24:UPN']));
    expect(locations(result, '168')).toEqual(expected);
  });

  it('165: the mother status 1.0', () => {
    // header.csv line 1273: 6389,2,30/07/2004,BCRB,L072812908102,1.0,27/08/2016
    expect(result.findings).toContainEqual({
      code: '165',
      table: 'Header',
      rowNumber: 1273,
      field: 'MOTHER',
      value: '1.0',
      child: '6389',
    });
  });

  it('148: a reason ceased on an open episode, or a date ceased without a reason', () => {
    // episodes.csv line 3: 566910,14/08/2017,T,C2,N3,A3,PR3,,X1,... (REC X1 on an open episode)
    const expected = [
      ...rowsWhere('Episodes', 'DEC', (row) => value(row, 'DEC') === '' && value(row, 'REC') !== ''),
      ...rowsWhere('Episodes', 'REC', (row) => value(row, 'DEC') !== '' && value(row, 'REC') === ''),
    ].sort();
    expect(expected).toContain('Episodes:3:DEC');
    expect(locations(result, '148')).toEqual(expected);
  });

  it('574: two overlapping missing periods for child 366621', () => {
    // missing.csv line 36: 366621,...,M,20/11/2017,04/12/2017 — line 37: 366621,...,A,02/11/2017,22/12/2017
    expect(locations(result, '574')).toEqual(['Missing:36:MIS_START']);
  });

  it('reports no date rule: every date in the sample is a real date', () => {
    const dateRules: [string, TableName, string][] = [
      ['102', 'Header', 'DOB'],
      ['171', 'Header', 'MC_DOB'],
      ['141', 'Episodes', 'DECOM'],
      ['147', 'Episodes', 'DEC'],
      ['166', 'Reviews', 'REVIEW'],
      ['104', 'UASC', 'DUC'],
      ['112', 'AD1', 'DATE_INT'],
      ['113', 'AD1', 'DATE_MATCH'],
      ['115', 'PlacedAdoption', 'DATE_PLACED'],
      ['116', 'PlacedAdoption', 'DATE_PLACED_CEASED'],
      ['1004', 'Missing', 'MIS_START'],
      ['1005', 'Missing', 'MIS_END'],
    ];
    for (const [code, table, field] of dateRules) {
      const expected = rowsWhere(
        table,
        field,
        (row) => value(row, field) !== '' && !isRealDate(value(row, field)),
      );
      expect(locations(result, code), code).toEqual(expected);
    }
  });

  it('INT01–INT09: children missing from Header, table by table', () => {
    const inHeader = new Set(allRows('Header').map((row) => value(row, 'CHILD')));
    const integrity: [string, TableName][] = [
      ['INT01', 'AD1'],
      ['INT02', 'PlacedAdoption'],
      ['INT03', 'Episodes'],
      ['INT04', 'Missing'],
      ['INT05', 'OC2'],
      ['INT06', 'OC3'],
      ['INT07', 'PrevPerm'],
      ['INT08', 'Reviews'],
      ['INT09', 'UASC'],
    ];
    for (const [code, table] of integrity) {
      const expected = rowsWhere(table, 'CHILD', (row) => !inHeader.has(value(row, 'CHILD')));
      expect(locations(result, code), code).toEqual(expected);
    }
  });

  it('runs no social worker or DoLo rule, which did not exist in 2017/18', () => {
    expect(result.counts.filter(({ code }) => /^(SW|70\d$)/.test(code))).toEqual([]);
  });
});

describe('readReturn with the 2026/27 rules on the full upload', () => {
  let result: AcceptedReturn;

  beforeAll(async () => {
    result = accepted(await readSample(2027));
  });

  it('reads every table in full and runs every rule to the end', () => {
    expectCleanRun(result, [...sample.tables]);
    expect(misquoted(result)).toEqual([]);
  });

  it('101: every Header row uses the sex codes 1 and 2, replaced by M, F and U in 2024/25', () => {
    const expected = rowsWhere('Header', 'SEX', (row) => ['1', '2'].includes(value(row, 'SEX')));
    expect(expected).toHaveLength(2675);
    expect(locations(result, '101')).toEqual(expected);
  });

  it('146: placements H5 and P2, withdrawn in 2024/25, and Z1, replaced by Z11–Z14 in 2025/26', () => {
    const expected = rowsWhere('Episodes', 'PLACE', (row) =>
      ['H5', 'P2', 'Z1'].includes(value(row, 'PLACE')),
    );
    expect(expected.length).toBeGreaterThan(0);
    expect(locations(result, '146')).toEqual(expected);
  });

  it('finds the planted social worker and DoLo values for CHILD10', () => {
    // sw_episodes.csv: the episode ended 03/01/2020, years before 2026/27, with the reason SWLAZY (no such code).
    // DoLo.csv: the order ended 02/01/2025, before 2026/27 began.
    const child10 = result.findings
      .filter((f) => f.child === 'CHILD10' && !f.code.startsWith('SCHEMA'))
      .map((f) => `${f.code} ${where(f)} ${f.value}`);
    expect(child10.sort()).toEqual([
      '704 DoLo:2:DOLO_END 02/01/2025',
      'SW07STG2 SWEpisodes:2:SW_DEC 03/01/2020',
      'SW13STG1 SWEpisodes:2:SW_REASON SWLAZY',
    ]);
  });
});
