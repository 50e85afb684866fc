import { describe, expect, it } from 'vitest';
import { csvCell } from '#domain/reading/report-csv';
import type { AcceptedReturn, RejectedReturn } from '#domain/ssda903/engine';
import {
  buildReport,
  renderReportCsv,
  renderReportJson,
  type ValidationReport,
  validationReportSchema,
} from '#domain/ssda903/report';

const accepted: AcceptedReturn = {
  status: 'accepted',
  collectionYear: 2026,
  format: 'csv',
  tables: [
    { table: 'Header', file: 'header.csv', rows: 2 },
    { table: 'Episodes', file: 'episodes.csv', rows: 3 },
  ],
  notices: [],
  children: 2,
  findings: [
    { code: 'SCHEMA:code', table: 'Episodes', rowNumber: 3, field: 'PLACE', value: 'H5', child: 'C1' },
    { code: '103', table: 'Episodes', rowNumber: 4, field: 'RNE', value: '=HYPERLINK("x")', child: '+C2' },
  ],
  counts: [
    { code: '103', description: 'The reason for new episode is not a valid code.', count: 1 },
    {
      code: 'SCHEMA:code',
      description: 'This is not one of the codes allowed in this field for the collection year.',
      count: 1,
    },
  ],
  totalFindings: 2,
};

const rejected: RejectedReturn = {
  status: 'rejected',
  collectionYear: 2026,
  format: 'csv',
  tables: [],
  notices: [],
  blocking: [
    {
      kind: 'wrong-delimiter',
      file: 'episodes.csv',
      message: 'The first row of "episodes.csv" is one long column separated by semicolons (;), not commas.',
    },
  ],
};

describe('buildReport', () => {
  it('reports a rejected return with its blocking errors only', () => {
    const report = buildReport(rejected);
    expect(report.status).toBe('rejected');
    expect(report.summary).toBe(
      'The return could not be checked: 1 problem must be put right and the return uploaded again.',
    );
    expect(report.blockingErrors).toEqual(rejected.blocking);
    expect(report.rows).toEqual([]);
    expect(report.children).toBeNull();
    expect(validationReportSchema.parse(report)).toEqual(report);
  });

  it('reports findings per check and per row, with messages and the council’s CHILD reference', () => {
    const report = buildReport(accepted);
    expect(report.status).toBe('accepted_with_issues');
    expect(report.collectionYearLabel).toBe('2025/26');
    expect(report.summary).toBe('The return was read: 2 children in 2 tables; 2 problems found by 2 checks.');
    expect(report.rules).toEqual(accepted.counts);
    expect(report.rows).toEqual([
      {
        code: 'SCHEMA:code',
        table: 'Episodes',
        rowNumber: 3,
        location: null,
        field: 'PLACE',
        value: 'H5',
        child: 'C1',
        message: 'PLACE "H5" is not a code used in 2025/26.',
      },
      {
        code: '103',
        table: 'Episodes',
        rowNumber: 4,
        location: null,
        field: 'RNE',
        value: '=HYPERLINK("x")',
        child: '+C2',
        message: 'The reason for new episode is not a valid code.',
      },
    ]);
    expect(report.totals).toEqual({ problems: 2, listed: 2 });
  });

  it('accepts a clean return, unless a council-level issue needs attention', () => {
    const clean = { ...accepted, findings: [], counts: [], totalFindings: 0 };
    expect(buildReport(clean).status).toBe('accepted');
    expect(buildReport(clean).summary).toBe(
      'The return was read: 2 children in 2 tables; no problems found.',
    );
    const info = {
      ...clean,
      notices: [
        { kind: 'empty-table' as const, severity: 'info' as const, file: 'missing.csv', message: 'x' },
      ],
    };
    expect(buildReport(info).status).toBe('accepted');
    const warning = {
      ...clean,
      notices: [{ kind: 'ignored-file' as const, severity: 'warning' as const, file: 'r.zip', message: 'x' }],
    };
    expect(buildReport(warning).status).toBe('accepted_with_issues');
    expect(buildReport(warning).councilIssues).toEqual(warning.notices);
  });
});

describe('renderReportJson', () => {
  it('renders JSON that its schema reads back', () => {
    const json = renderReportJson(buildReport(accepted));
    expect(validationReportSchema.parse(JSON.parse(json))).toEqual(buildReport(accepted));
  });

  it('refuses a report that does not fit the schema', () => {
    const broken = { ...buildReport(accepted), status: 'fine' } as unknown as ValidationReport;
    expect(() => renderReportJson(broken)).toThrow();
  });
});

describe('CSV rendering', () => {
  it.each([
    ['plain', 'plain'],
    ['a,b', '"a,b"'],
    ['say "hi"', '"say ""hi"""'],
    ['two\r\nlines', '"two\r\nlines"'],
    ['=SUM(A1:A2)', "'=SUM(A1:A2)"],
    ['+44 20', "'+44 20"],
    ['-1', "'-1"],
    ['@cmd', "'@cmd"],
    ['=HYPERLINK("x","y")', '"\'=HYPERLINK(""x"",""y"")"'],
    ['a=b', 'a=b'],
    ['', ''],
  ])('cell %j → %j', (value, cell) => {
    expect(csvCell(value)).toBe(cell);
  });

  it('writes a byte order mark, a header line and one CRLF line per item', () => {
    const csv = renderReportCsv(buildReport(accepted));
    expect(
      csv.startsWith('\uFEFFType,Code,File,Table,Row,Location,Field,Value,Child,Count,Message\r\n'),
    ).toBe(true);
    const lines = csv.slice(1).split('\r\n');
    expect(lines).toEqual([
      'Type,Code,File,Table,Row,Location,Field,Value,Child,Count,Message',
      'Check total,103,,,,,,,,1,The reason for new episode is not a valid code.',
      'Check total,SCHEMA:code,,,,,,,,1,This is not one of the codes allowed in this field for the collection year.',
      'Row problem,SCHEMA:code,episodes.csv,Episodes,3,,PLACE,H5,C1,,"PLACE ""H5"" is not a code used in 2025/26."',
      `Row problem,103,episodes.csv,Episodes,4,,RNE,"'=HYPERLINK(""x"")",'+C2,,The reason for new episode is not a valid code.`,
      '',
    ]);
  });

  it('lists blocking errors for a rejected return', () => {
    const csv = renderReportCsv(buildReport(rejected), { byteOrderMark: false });
    expect(csv.split('\r\n')[1]).toBe(
      'Blocking error,wrong-delimiter,episodes.csv,,,,,,,,"The first row of ""episodes.csv"" is one long column separated by semicolons (;), not commas."',
    );
  });
});

describe('indicator preview in the SSDA903 report', () => {
  const preview = {
    code: 'placement-instability',
    name: 'Children looked after with 3 or more placements in the year',
    unit: 'percent' as const,
    numerator: 12,
    denominator: 100,
    value: 12,
    comparedWith: 2025,
    england: 11,
    statNeighbours: 10.4,
    againstEngland: 'worse' as const,
    againstStatNeighbours: 'worse' as const,
  };

  it('carries the indicators in JSON and one Indicator row each in CSV, and none when rejected', () => {
    const report = buildReport(accepted, [preview]);
    expect(JSON.parse(renderReportJson(report)).indicators).toEqual([preview]);
    expect(renderReportCsv(report)).toContain(
      'Indicator,placement-instability,,,,,,12,,,"Children looked after with 3 or more placements in the year: 12% (12 of 100); England 11% (worse), statistical neighbours 10.4% (worse), published 2025."',
    );
    expect(buildReport(rejected, [preview]).indicators).toEqual([]);
  });
});
