// Domain: what reading a council-level return (the workforce census, the in-year dataset) produces, and
// the validation report the council receives for it, as JSON (with its zod schema) and CSV. The shape
// follows the SSDA903 report (status, summary, blocking errors, totals per check, row-level problems,
// council-level notes) and reuses its CSV cell rules; rows name a record ("Worker 12", "Month 2025-10")
// instead of a child, and never quote a personal identifier.
import * as z from 'zod';
import { describePreview, type IndicatorPreview, indicatorPreviewSchema } from '../indicators/preview.ts';
import { plural } from '../reading/issues.ts';
import { csvCell } from '../reading/report-csv.ts';

export type CouncilLevelReturnType = 'csww' | 'inyear' | 'cscapi';

export interface Blocking {
  readonly kind: string;
  readonly file: string | null;
  readonly message: string;
}

export interface CouncilNote {
  readonly kind: string;
  readonly severity: 'info' | 'warning';
  readonly file: string | null;
  readonly message: string;
}

/** One problem with one value (or one missing value) of one record. */
export interface RecordFinding {
  readonly code: string;
  /** The record in the council's words: "Worker 12", "LA level", "Month 2025-10". */
  readonly record: string;
  /** Line (XML) or row (CSV, header = 1) where the record or value starts. */
  readonly rowNumber: number;
  readonly field: string;
  /** The value as sent, or '' when it is missing or personal (never echoed). */
  readonly value: string;
  readonly message: string;
}

export interface CheckCount {
  readonly code: string;
  readonly description: string;
  readonly count: number;
}

/** Thrown by the readers for a problem that stops the whole file being read. */
export class BlockingReadError extends Error {
  override readonly name = 'BlockingReadError';
  constructor(
    readonly kind: string,
    message: string,
    readonly file: string | null,
  ) {
    super(message);
  }
}

/** Counts every finding, keeps the first `max` of them and remembers each code's description. */
export class FindingCollector {
  readonly listed: RecordFinding[] = [];
  private readonly counts = new Map<string, number>();
  total = 0;

  constructor(
    private readonly descriptions: Readonly<Record<string, string>>,
    private readonly max = 100_000,
  ) {}

  add(finding: RecordFinding): void {
    this.total++;
    this.counts.set(finding.code, (this.counts.get(finding.code) ?? 0) + 1);
    if (this.listed.length < this.max) this.listed.push(finding);
  }

  checkCounts(): CheckCount[] {
    return [...this.counts]
      .map(([code, count]) => ({ code, description: this.descriptions[code] ?? '', count }))
      .sort((a, b) => b.count - a.count || a.code.localeCompare(b.code));
  }

  /** A note when more problems were found than are listed. */
  truncationNote(): CouncilNote | null {
    if (this.total <= this.listed.length) return null;
    return {
      kind: 'findings-truncated',
      severity: 'info',
      file: null,
      message: `${plural(this.total, 'problem')} were found; the first ${this.listed.length.toLocaleString('en-GB')} are listed row by row and all are counted.`,
    };
  }
}

export const REPORT_VERSION = 1 as const;

const figure = z.number().nullable();

export const councilLevelReportSchema = z.object({
  reportVersion: z.literal(REPORT_VERSION),
  returnType: z.enum(['csww', 'inyear', 'cscapi']),
  collectionYear: z.number().int(),
  collectionYearLabel: z.string(),
  status: z.enum(['rejected', 'accepted', 'accepted_with_issues']),
  summary: z.string(),
  format: z.enum(['xml', 'csv', 'json']).nullable(),
  file: z.string().nullable(),
  /** What a record is ("workers", "months") and how many were read. */
  recordKind: z.string(),
  records: z.number().int().nonnegative().nullable(),
  totals: z.object({ problems: z.number().int().nonnegative(), listed: z.number().int().nonnegative() }),
  blockingErrors: z.array(z.object({ kind: z.string(), file: z.string().nullable(), message: z.string() })),
  rules: z.array(
    z.object({ code: z.string(), description: z.string(), count: z.number().int().nonnegative() }),
  ),
  rows: z.array(
    z.object({
      code: z.string(),
      record: z.string(),
      rowNumber: z.number().int().nonnegative(),
      field: z.string(),
      value: z.string(),
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
  /** Council-level figures worked out from the return (FTEs, counts, rates), for the council to check. */
  figures: z.record(z.string(), figure),
  /** The indicators the return will produce, against England and statistical neighbours (none if rejected). */
  indicators: z.array(indicatorPreviewSchema),
  /** In-year only: what happened to each month sent. */
  months: z
    .array(z.object({ month: z.string(), change: z.enum(['new', 'revised', 'unchanged']) }))
    .optional(),
});

export type CouncilLevelReport = z.infer<typeof councilLevelReportSchema>;

export type CouncilLevelRead =
  | {
      readonly status: 'rejected';
      readonly blocking: readonly Blocking[];
      readonly notices: readonly CouncilNote[];
    }
  | {
      readonly status: 'accepted';
      readonly records: number;
      readonly findings: FindingCollector;
      readonly notices: readonly CouncilNote[];
    };

export interface ReportContext {
  readonly returnType: CouncilLevelReturnType;
  readonly collectionYear: number;
  readonly collectionYearLabel: string;
  readonly format: 'xml' | 'csv' | 'json' | null;
  readonly file: string | null;
  readonly recordKind: string;
}

export function buildCouncilLevelReport(
  context: ReportContext,
  read: CouncilLevelRead,
  extra: {
    figures?: Record<string, number | null>;
    months?: CouncilLevelReport['months'];
    indicators?: readonly IndicatorPreview[];
  } = {},
): CouncilLevelReport {
  const common = {
    reportVersion: REPORT_VERSION,
    ...context,
    councilIssues: read.notices.map((notice) => ({ ...notice })),
    figures: extra.figures ?? {},
    indicators: read.status === 'rejected' ? [] : (extra.indicators ?? []).map((preview) => ({ ...preview })),
    ...(extra.months ? { months: extra.months } : {}),
  };
  if (read.status === 'rejected') {
    return {
      ...common,
      status: 'rejected',
      summary: `The return could not be checked: ${plural(read.blocking.length, 'problem')} must be put right and the return uploaded again.`,
      records: null,
      totals: { problems: read.blocking.length, listed: 0 },
      blockingErrors: read.blocking.map((error) => ({ ...error })),
      rules: [],
      rows: [],
    };
  }
  const findings = read.findings;
  const counts = findings.checkCounts();
  const warnings = read.notices.some((notice) => notice.severity === 'warning');
  const status = findings.total > 0 || warnings ? 'accepted_with_issues' : 'accepted';
  const what = `The return was read: ${plural(read.records, context.recordKind.replace(/s$/, ''), context.recordKind)}`;
  const summary =
    findings.total > 0
      ? `${what}; ${plural(findings.total, 'problem')} found by ${plural(counts.length, 'check')}.`
      : `${what}; no problems found${warnings ? ', but see the notes below' : ''}.`;
  return {
    ...common,
    status,
    summary,
    records: read.records,
    totals: { problems: findings.total, listed: findings.listed.length },
    blockingErrors: [],
    rules: counts,
    rows: findings.listed.map((finding) => ({ ...finding })),
  };
}

export function renderCouncilLevelReportJson(report: CouncilLevelReport): string {
  return JSON.stringify(councilLevelReportSchema.parse(report), null, 2);
}

export const COUNCIL_LEVEL_CSV_COLUMNS = [
  'Type',
  'Code',
  'Record',
  'Row',
  'Field',
  'Value',
  'Count',
  'Message',
];

/** The report as CSV (CRLF lines, with a byte order mark so Excel reads it as UTF-8). */
export function renderCouncilLevelReportCsv(report: CouncilLevelReport): string {
  const line = (cells: readonly (string | number | null)[]): string => `${cells.map(csvCell).join(',')}\r\n`;
  const lines = [line(COUNCIL_LEVEL_CSV_COLUMNS)];
  for (const error of report.blockingErrors)
    lines.push(line(['Blocking error', error.kind, error.file, '', '', '', '', error.message]));
  for (const issue of report.councilIssues) {
    const type = issue.severity === 'warning' ? 'Council-level issue' : 'Note';
    lines.push(line([type, issue.kind, issue.file, '', '', '', '', issue.message]));
  }
  for (const [name, value] of Object.entries(report.figures))
    lines.push(line(['Figure', name, '', '', '', value === null ? '' : String(value), '', '']));
  for (const preview of report.indicators)
    lines.push(
      line(['Indicator', preview.code, '', '', '', String(preview.value), '', describePreview(preview)]),
    );
  for (const rule of report.rules)
    lines.push(line(['Check total', rule.code, '', '', '', '', rule.count, rule.description]));
  for (const row of report.rows)
    lines.push(
      line(['Row problem', row.code, row.record, row.rowNumber, row.field, row.value, '', row.message]),
    );
  return `\uFEFF${lines.join('')}`;
}
