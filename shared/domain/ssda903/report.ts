// Domain: the validation report a council receives for an SSDA903 upload, as JSON (with its zod schema)
// and as CSV for spreadsheets. It names the council's own CHILD references: it goes back to that council only.
import * as z from 'zod';
import { describePreview, type IndicatorPreview, indicatorPreviewSchema } from '../indicators/preview.ts';
import { plural } from '../reading/issues.ts';
import { csvCell } from '../reading/report-csv.ts';
import type { ReturnReadResult } from './engine.ts';
import { describeSchemaFinding, isSchemaCode } from './field-checks.ts';
import type { TableName } from './model.ts';
import { ALL_TABLES, schemaForYear, yearLabel } from './schema.ts';

export const REPORT_VERSION = 1 as const;

const tableName = z.enum(ALL_TABLES as [TableName, ...TableName[]]);

export const validationReportSchema = z.object({
  reportVersion: z.literal(REPORT_VERSION),
  returnType: z.literal('ssda903'),
  collectionYear: z.number().int(),
  /** "2025/26". */
  collectionYearLabel: z.string(),
  status: z.enum(['rejected', 'accepted', 'accepted_with_issues']),
  /** One plain sentence saying what happened. */
  summary: z.string(),
  format: z.enum(['csv', 'xml', 'zip']).nullable(),
  tables: z.array(z.object({ table: tableName, file: z.string(), rows: z.number().int().nonnegative() })),
  children: z.number().int().nonnegative().nullable(),
  totals: z.object({
    /** Every problem found. */
    problems: z.number().int().nonnegative(),
    /** Problems listed in `rows` (the rest are only counted). */
    listed: z.number().int().nonnegative(),
  }),
  blockingErrors: z.array(z.object({ kind: z.string(), file: z.string().nullable(), message: z.string() })),
  /** One line per check that found something: DfE rule codes, and SCHEMA:<kind> for field checks. */
  rules: z.array(
    z.object({ code: z.string(), description: z.string(), count: z.number().int().nonnegative() }),
  ),
  rows: z.array(
    z.object({
      code: z.string(),
      table: tableName,
      /** CSV: the row in the table's file (the header is row 1). XML: the line of the row's element. */
      rowNumber: z.number().int().nonnegative(),
      /**
       * XML only: where the row is by position ("Child 12, Episode 3"), which locates it whatever the file's
       * layout (a file written on one line has every row on line 1); null for CSV, whose row locates it.
       */
      location: z.string().nullable(),
      field: z.string(),
      value: z.string(),
      /** The council's own CHILD reference. */
      child: z.string(),
      message: z.string(),
    }),
  ),
  councilIssues: z.array(
    z.object({
      kind: z.string(),
      severity: z.enum(['info', 'warning']),
      file: z.string().nullable(),
      message: z.string(),
    }),
  ),
  /** The indicators the return will produce, against England and statistical neighbours (none if rejected). */
  indicators: z.array(indicatorPreviewSchema),
});

export type ValidationReport = z.infer<typeof validationReportSchema>;
export type ReportStatus = ValidationReport['status'];

/** Builds the report from what readReturn produced, with the preview of the indicators it produces. */
export function buildReport(
  result: ReturnReadResult,
  indicators: readonly IndicatorPreview[] = [],
): ValidationReport {
  const common = {
    reportVersion: REPORT_VERSION,
    returnType: 'ssda903' as const,
    collectionYear: result.collectionYear,
    collectionYearLabel: yearLabel(result.collectionYear),
    format: result.format,
    tables: result.tables.map((summary) => ({ ...summary })),
    councilIssues: result.notices.map((notice) => ({ ...notice })),
    indicators: result.status === 'rejected' ? [] : indicators.map((preview) => ({ ...preview })),
  };
  if (result.status === 'rejected') {
    return {
      ...common,
      status: 'rejected',
      summary: `The return could not be checked: ${plural(result.blocking.length, 'problem')} must be put right and the return uploaded again.`,
      children: null,
      totals: { problems: result.blocking.length, listed: 0 },
      blockingErrors: result.blocking.map((error) => ({ ...error })),
      rules: [],
      rows: [],
    };
  }

  const schema = schemaForYear(result.collectionYear);
  const descriptions = new Map(result.counts.map((count) => [count.code, count.description]));
  const rows = result.findings.map((finding) => ({
    code: finding.code,
    table: finding.table,
    rowNumber: finding.rowNumber,
    location: finding.location ?? null,
    field: finding.field,
    value: finding.value,
    child: finding.child,
    message: isSchemaCode(finding.code)
      ? describeSchemaFinding(finding, schema)
      : descriptions.get(finding.code) || `Check ${finding.code} failed.`,
  }));
  const warnings = result.notices.some((notice) => notice.severity === 'warning');
  const status: ReportStatus = result.totalFindings > 0 || warnings ? 'accepted_with_issues' : 'accepted';
  const read = `The return was read: ${plural(result.children, 'child', 'children')} in ${plural(result.tables.length, 'table')}`;
  const summary =
    result.totalFindings > 0
      ? `${read}; ${plural(result.totalFindings, 'problem')} found by ${plural(result.counts.length, 'check')}.`
      : `${read}; no problems found${warnings ? ', but see the notes below' : ''}.`;
  return {
    ...common,
    status,
    summary,
    children: result.children,
    totals: { problems: result.totalFindings, listed: rows.length },
    blockingErrors: [],
    rules: result.counts.map((count) => ({ ...count })),
    rows,
  };
}

/** The report as JSON, checked against its schema first. */
export function renderReportJson(report: ValidationReport): string {
  return JSON.stringify(validationReportSchema.parse(report), null, 2);
}

export const REPORT_CSV_COLUMNS = [
  'Type',
  'Code',
  'File',
  'Table',
  'Row',
  'Location',
  'Field',
  'Value',
  'Child',
  'Count',
  'Message',
];

/** The report as CSV lines (CRLF-terminated): blocking errors, council-level issues, check totals, rows. */
export function* reportCsvLines(report: ValidationReport): Generator<string> {
  const line = (cells: readonly (string | number | null)[]): string => `${cells.map(csvCell).join(',')}\r\n`;
  const fileOf = new Map(report.tables.map((table) => [table.table, table.file]));
  yield line(REPORT_CSV_COLUMNS);
  for (const error of report.blockingErrors) {
    yield line(['Blocking error', error.kind, error.file, '', '', '', '', '', '', '', error.message]);
  }
  for (const issue of report.councilIssues) {
    const type = issue.severity === 'warning' ? 'Council-level issue' : 'Note';
    yield line([type, issue.kind, issue.file, '', '', '', '', '', '', '', issue.message]);
  }
  for (const preview of report.indicators) {
    yield line([
      'Indicator',
      preview.code,
      '',
      '',
      '',
      '',
      '',
      preview.value,
      '',
      '',
      describePreview(preview),
    ]);
  }
  for (const rule of report.rules) {
    yield line(['Check total', rule.code, '', '', '', '', '', '', '', rule.count, rule.description]);
  }
  for (const row of report.rows) {
    const file = fileOf.get(row.table) ?? '';
    yield line([
      'Row problem',
      row.code,
      file,
      row.table,
      row.location === null ? row.rowNumber : `line ${row.rowNumber}`,
      row.location ?? '',
      row.field,
      row.value,
      row.child,
      '',
      row.message,
    ]);
  }
}

/** The whole report as one CSV text; with a byte order mark by default so Excel reads it as UTF-8. */
export function renderReportCsv(report: ValidationReport, options: { byteOrderMark?: boolean } = {}): string {
  const body = [...reportCsvLines(report)].join('');
  return options.byteOrderMark === false ? body : `\uFEFF${body}`;
}
