// Domain: the validation report a council receives for a CIN census upload, as JSON (with its zod schema)
// and as CSV. Errors and queries (codes ending in Q) are kept apart. Unlike the SSDA903 report it names no
// child: a row gives the position of the element in the council's own file ("Child 12, CINdetails 2, …") and
// its line, and the values of identifying fields (IDs, UPNs, dates of birth and death) are withheld. So the report holds no
// child-level personal data, wherever it is kept.
import * as z from 'zod';
import { describePreview, type IndicatorPreview, indicatorPreviewSchema } from '../indicators/preview.ts';
import { plural } from '../reading/issues.ts';
import { csvCell } from '../reading/report-csv.ts';
import type { CinReadResult } from './engine.ts';
import { cinDescriptions } from './engine.ts';
import { severityOf } from './model.ts';
import { cinYearLabel } from './schema.ts';

export const CIN_REPORT_VERSION = 1 as const;

/** Fields whose values identify a child: never copied into a report. */
export const IDENTIFYING_FIELDS: ReadonlySet<string> = new Set([
  'LAchildID',
  'UPN',
  'FormerUPN',
  'PersonBirthDate',
  'ExpectedPersonBirthDate',
  'PersonDeathDate',
]);

const ruleCount = z.object({
  code: z.string(),
  module: z.string(),
  description: z.string(),
  count: z.number().int().nonnegative(),
});

export const cinReportSchema = z.object({
  reportVersion: z.literal(CIN_REPORT_VERSION),
  returnType: z.literal('cin'),
  collectionYear: z.number().int(),
  collectionYearLabel: z.string(),
  status: z.enum(['rejected', 'accepted', 'accepted_with_issues']),
  summary: z.string(),
  format: z.literal('xml').nullable(),
  file: z.string().nullable(),
  /** The DfE XSD the structure was checked against. */
  schema: z.string().nullable(),
  children: z.number().int().nonnegative().nullable(),
  totals: z.object({
    errors: z.number().int().nonnegative(),
    queries: z.number().int().nonnegative(),
    /** Errors and queries together. */
    problems: z.number().int().nonnegative(),
    /** Child-level problems listed in `rows` (the rest are only counted). */
    listed: z.number().int().nonnegative(),
  }),
  blockingErrors: z.array(z.object({ kind: z.string(), file: z.string().nullable(), message: z.string() })),
  /** One line per check that found errors: DfE rule codes, and SCHEMA:<kind> for structure checks. */
  errors: z.array(ruleCount),
  /** One line per query rule (code ending in Q) that found something: check, then amend or explain. */
  queries: z.array(ruleCount),
  rows: z.array(
    z.object({
      code: z.string(),
      severity: z.enum(['error', 'query']),
      module: z.string(),
      /**
       * Where the problem is, by position: "Child 12, CINdetails 2, Assessments 1, AssessmentActualStartDate".
       * It locates the problem whatever the file's layout (a file written on one line has every element on
       * line 1); the line is given as well.
       */
      location: z.string(),
      /** Line of the element in the uploaded file. */
      line: z.number().int().nonnegative(),
      /** Position of the <Child> in the file (1 = first); null for the header. */
      child: z.number().int().positive().nullable(),
      field: z.string(),
      /** The value found; '' when it is withheld (identifying fields) or blank. */
      value: z.string(),
      valueWithheld: z.boolean(),
      message: z.string(),
    }),
  ),
  /** Problems with the return as a whole (duplicate UPNs, proportions) and notes about how it was read. */
  councilIssues: z.array(
    z.object({
      code: z.string(),
      severity: z.enum(['error', 'query', 'warning', 'info']),
      line: z.number().int().nonnegative().nullable(),
      message: z.string(),
    }),
  ),
  /** The indicators the return will produce, against England and statistical neighbours (none if rejected). */
  indicators: z.array(indicatorPreviewSchema),
});

export type CinValidationReport = z.infer<typeof cinReportSchema>;

/** "Child 12, CINdetails 2" and "CINreferralDate" give "Child 12, CINdetails 2, CINreferralDate". */
export function locationOf(where: string, field: string): string {
  if (field === '' || where === field || where.endsWith(`, ${field}`)) return where;
  return where === '' ? field : `${where}, ${field}`;
}

/** Builds the report from what readCinReturn produced, with the preview of the indicators it produces. */
export function buildCinReport(
  result: CinReadResult,
  indicators: readonly IndicatorPreview[] = [],
): CinValidationReport {
  const common = {
    reportVersion: CIN_REPORT_VERSION,
    returnType: 'cin' as const,
    collectionYear: result.collectionYear,
    collectionYearLabel: cinYearLabel(result.collectionYear),
    file: result.file,
    indicators: result.status === 'rejected' ? [] : indicators.map((preview) => ({ ...preview })),
  };
  const notes = result.notices.map((notice) => ({
    code: notice.kind,
    severity: notice.severity,
    line: null,
    message: notice.message,
  }));
  if (result.status === 'rejected') {
    return {
      ...common,
      status: 'rejected',
      summary: `The return could not be checked: ${plural(result.blocking.length, 'problem')} must be put right and the file uploaded again.`,
      format: null,
      schema: null,
      children: null,
      totals: { errors: result.blocking.length, queries: 0, problems: result.blocking.length, listed: 0 },
      blockingErrors: result.blocking.map((error) => ({ ...error })),
      errors: [],
      queries: [],
      rows: [],
      councilIssues: notes,
    };
  }
  const descriptions = cinDescriptions(result.collectionYear);
  const rows = result.findings.map((finding) => {
    const severity = severityOf(finding.code);
    const withheld =
      finding.value !== '' && (IDENTIFYING_FIELDS.has(finding.field) || finding.code === 'SCHEMA:stray-text');
    return {
      code: finding.code,
      severity,
      module: finding.module,
      location: locationOf(finding.where, finding.field),
      line: finding.line,
      child: finding.child,
      field: finding.field,
      value: withheld ? '' : finding.value,
      valueWithheld: withheld,
      message: descriptions.get(finding.code)?.description ?? `Check ${finding.code} failed.`,
    };
  });
  const strip = ({ code, module, description, count }: (typeof result.counts)[number]) => ({
    code,
    module,
    description,
    count,
  });
  const errors = result.counts.filter((count) => count.severity === 'error').map(strip);
  const queries = result.counts.filter((count) => count.severity === 'query').map(strip);
  const errorTotal = errors.reduce((sum, count) => sum + count.count, 0);
  const queryTotal = queries.reduce((sum, count) => sum + count.count, 0);
  const warnings = result.notices.some((notice) => notice.severity === 'warning');
  const read = `The return was read: ${plural(result.children, 'child', 'children')}`;
  const summary =
    result.totalFindings > 0
      ? `${read}; ${plural(errorTotal, 'error')} and ${plural(queryTotal, 'query', 'queries')} found by ${plural(result.counts.length, 'check')}.`
      : `${read}; no problems found${warnings ? ', but see the notes below' : ''}.`;
  return {
    ...common,
    status: result.totalFindings > 0 || warnings ? 'accepted_with_issues' : 'accepted',
    summary,
    format: 'xml',
    schema: result.schema,
    children: result.children,
    totals: {
      errors: errorTotal,
      queries: queryTotal,
      problems: errorTotal + queryTotal,
      listed: rows.length,
    },
    blockingErrors: [],
    errors,
    queries,
    rows,
    councilIssues: [...result.councilIssues.map((issue) => ({ ...issue })), ...notes],
  };
}

export function renderCinReportJson(report: CinValidationReport): string {
  return JSON.stringify(cinReportSchema.parse(report), null, 2);
}

export const CIN_REPORT_CSV_COLUMNS = [
  'Type',
  'Code',
  'Severity',
  'Module',
  'Location',
  'Line',
  'Child',
  'Field',
  'Value',
  'Count',
  'Message',
];

/** The report as CSV (CRLF lines, UTF-8 with a byte order mark so Excel reads it). */
export function renderCinReportCsv(report: CinValidationReport): string {
  const line = (cells: readonly (string | number | null)[]): string => `${cells.map(csvCell).join(',')}\r\n`;
  const lines = [line(CIN_REPORT_CSV_COLUMNS)];
  for (const error of report.blockingErrors)
    lines.push(line(['Blocking error', error.kind, 'error', '', '', '', '', '', '', '', error.message]));
  for (const issue of report.councilIssues)
    lines.push(
      line([
        'Council-level issue',
        issue.code,
        issue.severity,
        '',
        '',
        issue.line,
        '',
        '',
        '',
        '',
        issue.message,
      ]),
    );
  for (const preview of report.indicators)
    lines.push(
      line(['Indicator', preview.code, '', '', '', '', '', '', preview.value, '', describePreview(preview)]),
    );
  for (const rule of report.errors)
    lines.push(
      line([
        'Check total',
        rule.code,
        'error',
        rule.module,
        '',
        '',
        '',
        '',
        '',
        rule.count,
        rule.description,
      ]),
    );
  for (const rule of report.queries)
    lines.push(
      line([
        'Check total',
        rule.code,
        'query',
        rule.module,
        '',
        '',
        '',
        '',
        '',
        rule.count,
        rule.description,
      ]),
    );
  for (const row of report.rows) {
    lines.push(
      line([
        'Row problem',
        row.code,
        row.severity,
        row.module,
        row.location,
        row.line,
        row.child === null ? '' : `Child ${row.child}`,
        row.field,
        row.valueWithheld ? '(withheld)' : row.value,
        '',
        row.message,
      ]),
    );
  }
  return `\uFEFF${lines.join('')}`;
}
