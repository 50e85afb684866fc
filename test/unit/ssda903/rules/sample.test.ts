// The fake SSDA903 return in ../shared/data/samples/ssda903 has invalid values planted on purpose. Expectations
// here come from reading the files (rows quoted in comments), not from the rules' own output.
import { describe, expect, it } from 'vitest';
import { dayParts } from '../../../../shared/domain/dates.ts';
import type {
  ChildRecord,
  Finding,
  Row,
  RuleContext,
  TableName,
} from '../../../../shared/domain/ssda903/model.ts';
import { rulesFor } from '../../../../shared/domain/ssda903/rules/registry.ts';
import { collectionPeriod, dateIn } from '../../../../shared/domain/ssda903/rules/support.ts';
import { where } from './helpers.ts';
import { readSampleReturn } from './sample-return.ts';

const sample = readSampleReturn();
const allRows = (table: TableName): Row[] => sample.children.flatMap((child) => child.rows[table] ?? []);

/** The collection year (ending 31 March) that contains a day. */
function collectionYearOf(day: number): number {
  const { year, month } = dayParts(day);
  return month >= 4 ? year + 1 : year;
}

function run(collectionYear: number): Finding[] {
  const { start, end } = collectionPeriod(collectionYear);
  const context: RuleContext = {
    collectionYear,
    periodStart: start,
    periodEnd: end,
    tablesPresent: sample.tables,
  };
  return rulesFor(collectionYear).flatMap((rule) =>
    sample.children.flatMap((child: ChildRecord) => rule.check(child, context)),
  );
}

const locations = (findings: Finding[], code: string) =>
  findings
    .filter((f) => f.code === code)
    .map(where)
    .sort();
const rowsWhere = (table: TableName, field: string, test: (row: Row) => boolean) =>
  allRows(table)
    .filter(test)
    .map((row) => `${table}:${row.rowNumber}:${field}`)
    .sort();

describe('the sample return as read', () => {
  it('finds every table by its columns, with rows numbered from 2', () => {
    expect([...sample.tables].sort()).toEqual(
      [
        'AD1',
        'DoLo',
        'Episodes',
        'Header',
        'Missing',
        'OC2',
        'OC3',
        'PlacedAdoption',
        'PrevPerm',
        'Reviews',
        'SWEpisodes',
        'UASC',
      ].sort(),
    );
    expect(allRows('Header')).toHaveLength(2675);
    expect(allRows('Episodes')).toHaveLength(5050);
    // episodes.csv line 2: 566910,15/02/2016,L,C2,N3,T2,PR0,14/08/2017,X1,CLOSE,,,4244474
    const first = sample.children.find((child) => child.child === '566910')?.rows.Episodes?.[0];
    expect(first).toMatchObject({
      rowNumber: 2,
      values: { DECOM: '15/02/2016', PLACE: 'T2', REASON_PLACE_CHANGE: 'CLOSE' },
    });
    // sw_episodes.csv starts with a BOM and uses CRLF: CHILD10,05/12/1993,SW999,01/01/2020,03/01/2020,SWLAZY
    expect(sample.children.find((child) => child.child === 'CHILD10')?.rows.SWEpisodes?.[0]?.values).toEqual({
      CHILD: 'CHILD10',
      DOB: '05/12/1993',
      SW_ID: 'SW999',
      SW_DECOM: '01/01/2020',
      SW_DEC: '03/01/2020',
      SW_REASON: 'SWLAZY',
    });
  });

  it('is a 2017/18 return: the latest episode start is 31 March 2018', () => {
    const latestStart = Math.max(...allRows('Episodes').map((row) => dateIn(row, 'DECOM') ?? 0));
    expect(collectionYearOf(latestStart)).toBe(2018);
  });
});

describe('rules for 2017/18 (the oldest known rule set) on the sample', () => {
  const findings = run(2018);

  it('points each finding at the row of the child it names', () => {
    const byChild = new Map(sample.children.map((child) => [child.child, child]));
    const mismatched = findings.filter((f) => {
      const row = byChild.get(f.child)?.rows[f.table]?.find((r) => r.rowNumber === f.rowNumber);
      return row === undefined || (row.values[f.field] ?? '') !== f.value;
    });
    expect(findings.length).toBeGreaterThan(0);
    expect(mismatched).toEqual([]);
  });

  it('120: every placed-for-adoption row carries the planted reason XXX', () => {
    // placed_for_adoption.csv line 2: 988635,15/06/2013,22/11/2015,07/04/2017,XXX
    expect(locations(findings, '120')).toEqual(
      rowsWhere('PlacedAdoption', 'REASON_PLACED_CEASED', (r) => r.values.REASON_PLACED_CEASED === 'XXX'),
    );
    expect(locations(findings, '120')).toHaveLength(29);
  });

  it('132 and 133: the planted care leaver codes F3, P3, 01 and 02', () => {
    // oc3.csv line 2: 197474,30/03/2001,DIED,F1,01 — line 3: 864948,16/01/2001,DIED,P3,T2 — line 47: ...,P1,02
    expect(locations(findings, '133')).toEqual(['OC3:2:ACCOM', 'OC3:47:ACCOM']);
    expect(locations(findings, '132')).toEqual(
      rowsWhere('OC3', 'ACTIV', (r) => ['F3', 'P3'].includes(r.values.ACTIV ?? '')),
    );
    expect(locations(findings, '132')).toContain('OC3:3:ACTIV');
    expect(locations(findings, '132')).toHaveLength(12);
  });

  it('344: a young person who died has an activity or accommodation', () => {
    // oc3.csv line 2 (DIED, F1, 01) has both wrong; line 3 (DIED, P3, T2) too
    expect(locations(findings, '344')).toEqual(
      expect.arrayContaining(['OC3:2:ACTIV', 'OC3:2:ACCOM', 'OC3:3:ACTIV', 'OC3:3:ACCOM']),
    );
  });

  it('385: twelve episodes cease on 1 April 2018, after the year', () => {
    // episodes.csv line 218: 774923,14/12/2017,L,E1,N5,U2,PR4,01/04/2018,E45,...
    const ceasedLate = rowsWhere('Episodes', 'DEC', (r) => r.values.DEC === '01/04/2018');
    expect(ceasedLate).toContain('Episodes:218:DEC');
    expect(ceasedLate).toHaveLength(12);
    expect(locations(findings, '385')).toEqual(ceasedLate);
  });

  it('168: UPNs starting with I, O or S', () => {
    // header.csv line 14 has UPN O068405655286, line 24 I087223753657
    const expected = rowsWhere('Header', 'UPN', (r) =>
      ['I', 'O', 'S'].includes((r.values.UPN ?? '').charAt(0)),
    );
    expect(expected).toEqual(expect.arrayContaining(['Header:14:UPN', 'Header:24:UPN']));
    expect(locations(findings, '168')).toEqual(expected);
  });

  it('165: the mother status 1.0', () => {
    // header.csv line 1273: 6389,2,30/07/2004,BCRB,L072812908102,1.0,27/08/2016
    expect(findings).toContainEqual({
      code: '165',
      table: 'Header',
      rowNumber: 1273,
      field: 'MOTHER',
      value: '1.0',
      child: '6389',
    });
  });

  it('148: a reason ceased without a date ceased, or the other way round', () => {
    // episodes.csv line 3: 566910,14/08/2017,T,C2,N3,A3,PR3,,X1,... (REC X1 on an open episode)
    const expected = rowsWhere('Episodes', 'DEC', (r) => r.values.DEC === '' && r.values.REC !== '').concat(
      rowsWhere('Episodes', 'REC', (r) => r.values.DEC !== '' && r.values.REC === ''),
    );
    expect(expected).toContain('Episodes:3:DEC');
    expect(locations(findings, '148')).toEqual(expected.sort());
  });

  it('574: two overlapping missing periods for child 366621', () => {
    // missing.csv line 36: 366621,...,M,20/11/2017,04/12/2017 — line 37: 366621,...,A,02/11/2017,22/12/2017
    expect(locations(findings, '574')).toEqual(['Missing:36:MIS_START']);
  });

  it('no child is missing from Header in the tables that have integrity rules', () => {
    const inHeader = new Set(allRows('Header').map((r) => r.values.CHILD));
    for (const [code, table] of [
      ['INT03', 'Episodes'],
      ['INT04', 'Missing'],
      ['INT06', 'OC3'],
      ['INT08', 'Reviews'],
    ] as const) {
      const expected = rowsWhere(table, 'CHILD', (r) => !inHeader.has(r.values.CHILD));
      expect(locations(findings, code)).toEqual(expected);
    }
  });

  it('does not run social worker or DoLo rules, which did not exist in 2017/18', () => {
    expect(findings.filter((f) => f.table === 'SWEpisodes' || f.table === 'DoLo')).toEqual([]);
  });
});

describe('rules for 2026/27 on the same files', () => {
  const findings = run(2027);

  it('101: every Header row still uses the old sex codes 1 and 2', () => {
    expect(locations(findings, '101')).toEqual(
      rowsWhere('Header', 'SEX', (r) => ['1', '2'].includes(r.values.SEX ?? '')),
    );
    expect(locations(findings, '101')).toHaveLength(2675);
  });

  it('146: placements H5 and P2 are no longer valid', () => {
    expect(locations(findings, '146')).toEqual(
      rowsWhere('Episodes', 'PLACE', (r) => ['H5', 'P2'].includes(r.values.PLACE ?? '')),
    );
  });

  it('finds the planted social worker and DoLo rows for CHILD10', () => {
    // sw_episodes.csv: CHILD10,05/12/1993,SW999,01/01/2020,03/01/2020,SWLAZY — DoLo.csv: CHILD10,05/12/1993,01/01/2025,02/01/2025
    const child10 = findings
      .filter((f) => f.child === 'CHILD10')
      .map((f) => `${f.code} ${where(f)} ${f.value}`);
    expect(child10.sort()).toEqual([
      '704 DoLo:2:DOLO_END 02/01/2025',
      'SW07STG2 SWEpisodes:2:SW_DEC 03/01/2020',
      'SW13STG1 SWEpisodes:2:SW_REASON SWLAZY',
    ]);
  });
});
