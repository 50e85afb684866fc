// CLI: a validation report (any return type's JSON) as text for a terminal: the summary, what stopped the return
// being read, problems by check with counts, then the first rows. Colour only where it helps and is wanted.

interface Count {
  readonly code: string;
  readonly description: string;
  readonly count: number;
}

interface ReportRow {
  readonly code: string;
  readonly message: string;
  readonly field?: string;
  readonly value?: string;
  readonly table?: string;
  readonly rowNumber?: number;
  readonly line?: number;
  /** XML returns: where the row is by position ("Child 12, Episode 3"). */
  readonly location?: string | null;
  readonly child?: string | number | null;
  readonly record?: string;
}

interface IndicatorPreview {
  readonly name: string;
  readonly value: number | null;
  readonly unit: string;
  readonly england: number | null;
  readonly statNeighbours: number | null;
  readonly againstEngland?: string | null;
}

interface AnyReport {
  readonly status: string;
  readonly summary: string;
  readonly blockingErrors?: readonly { readonly file: string | null; readonly message: string }[];
  readonly councilIssues?: readonly { readonly severity?: string; readonly message: string }[];
  readonly rules?: readonly Count[];
  readonly errors?: readonly Count[];
  readonly queries?: readonly Count[];
  readonly rows?: readonly ReportRow[];
  readonly totals?: { readonly problems: number; readonly listed: number };
  readonly indicators?: readonly IndicatorPreview[];
}

const figure = (value: number | null, unit: string) =>
  value === null ? 'n/a' : `${value}${unit === 'percent' ? '%' : unit === 'per10k' ? ' per 10,000' : ''}`;

export interface RenderOptions {
  readonly colour: boolean;
  /** How many rows to print after the counts. */
  readonly rows?: number;
}

/** Colour on a terminal, never when piped, under CI or with NO_COLOR set (https://no-color.org). */
export function wantsColour(stream: { isTTY?: boolean }, env: NodeJS.ProcessEnv): boolean {
  return Boolean(stream.isTTY) && !env.NO_COLOR && !env.CI && env.TERM !== 'dumb';
}

const STATUS_WORDS: Readonly<Record<string, string>> = {
  accepted: 'Accepted',
  accepted_with_issues: 'Accepted with issues',
  rejected: 'Rejected',
  duplicate: 'Duplicate',
};

function where(row: ReportRow): string {
  if (row.location) {
    // An XML return: the position locates the problem; the line is an extra.
    const line = row.line ?? row.rowNumber;
    const field = row.location.endsWith(`, ${row.field}`) ? undefined : row.field;
    return [row.table, row.location, field, line !== undefined ? `line ${line}` : undefined]
      .filter((part): part is string => Boolean(part))
      .join(', ');
  }
  const parts = [
    row.table,
    row.record,
    typeof row.child === 'number' ? `Child ${row.child}` : row.child ? `child ${row.child}` : undefined,
    row.rowNumber !== undefined ? `row ${row.rowNumber}` : undefined,
    row.line !== undefined ? `line ${row.line}` : undefined,
    row.field,
  ].filter((part): part is string => Boolean(part));
  return parts.join(', ');
}

export function renderReportText(reportJson: string, options: RenderOptions): string {
  const report = JSON.parse(reportJson) as AnyReport;
  const paint = (code: number, text: string) => (options.colour ? `\x1b[${code}m${text}\x1b[0m` : text);
  const bold = (text: string) => paint(1, text);
  const statusColour = report.status === 'rejected' ? 31 : report.status === 'accepted' ? 32 : 33;
  const lines = [
    `${paint(statusColour, bold(STATUS_WORDS[report.status] ?? report.status))}: ${report.summary}`,
  ];

  if (report.blockingErrors?.length) {
    lines.push('', bold('What must be put right before the return can be checked:'));
    for (const error of report.blockingErrors)
      lines.push(`  - ${error.file ? `${error.file}: ` : ''}${error.message}`);
  }
  if (report.councilIssues?.length) {
    lines.push('', bold('About the return as a whole:'));
    for (const issue of report.councilIssues)
      lines.push(`  - ${issue.severity === 'warning' ? paint(33, 'warning: ') : ''}${issue.message}`);
  }
  const groups: [string, readonly Count[] | undefined][] = [
    ['Problems by check', report.rules],
    ['Errors by rule', report.errors],
    ['Queries by rule (check, then amend or explain)', report.queries],
  ];
  for (const [title, counts] of groups) {
    if (!counts?.length) continue;
    lines.push('', bold(`${title}:`));
    const width = Math.max(...counts.map((count) => String(count.count).length));
    for (const count of [...counts].sort((a, b) => b.count - a.count || a.code.localeCompare(b.code)))
      lines.push(
        `  ${String(count.count).padStart(width)}  ${paint(36, count.code.padEnd(8))} ${count.description}`,
      );
  }
  if (report.indicators?.length) {
    lines.push('', bold('What the return will show (against the latest published figures):'));
    for (const indicator of report.indicators) {
      const against = indicator.againstEngland ? `, ${indicator.againstEngland} than England` : '';
      lines.push(
        `  ${indicator.name}: ${figure(indicator.value, indicator.unit)} (England ${figure(indicator.england, indicator.unit)}, statistical neighbours ${figure(indicator.statNeighbours, indicator.unit)}${against})`,
      );
    }
  }
  const rows = report.rows ?? [];
  const shown = rows.slice(0, options.rows ?? 20);
  if (shown.length > 0) {
    lines.push('', bold(`First ${shown.length} of ${report.totals?.problems ?? rows.length} problems:`));
    for (const row of shown) {
      const value = row.value ? ` (value "${row.value}")` : '';
      lines.push(`  ${paint(36, row.code)} ${where(row)}${value}: ${row.message}`);
    }
    lines.push('', 'The full list is in the CSV report (--format csv).');
  }
  return `${lines.join('\n')}\n`;
}
