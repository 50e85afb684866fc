// Web app: each page's data, read through the API as the signed-in user, shaped for its template.
import { COUNCILS, findCouncil, REGIONS } from '../domain/councils.ts';
import { findIndicator } from '../domain/indicators/register.ts';
import { CATEGORY_LABELS, CONFIDENCES, INTELLIGENCE_CATEGORIES, SEVERITIES } from '../domain/intelligence.ts';
import {
  isReturnType,
  RETURN_KINDS,
  RETURN_TYPES as RETURN_TYPE_ORDER,
  type ReturnType,
} from '../domain/returns/catalogue.ts';
import { DATA_THRESHOLDS } from '../domain/risk/model.ts';
import type { Role } from '../domain/roles.ts';
import type { ApiClient } from './api-client.ts';
import { lineChart, scoreHistoryChart, sparkline } from './charts.ts';
import { escapeHtml } from './html.ts';
import { formatBytes, NO_SCRIPT_UPLOAD_BYTES } from './upload.ts';

export interface Page {
  readonly status: number;
  readonly title: string;
  readonly template: string;
  readonly context: Record<string, unknown>;
}

/** A table cell for GOV.UK's table macro: text is escaped by the macro, html must be escaped here. */
type Cell = ({ text: string } | { html: string }) & { format?: string };

const text = (value: unknown): Cell => ({ text: String(value ?? '') });
const link = (href: string, label: string): Cell => ({
  html: `<a class="govuk-link" href="${escapeHtml(href)}">${escapeHtml(label)}</a>`,
});

const BAND_CLASSES: Record<string, string> = {
  green: 'govuk-tag--green',
  amber: 'govuk-tag--yellow',
  red: 'govuk-tag--red',
};
/** The band in words as well as colour. */
export const bandTag = (band: string): { html: string } => ({
  html: `<strong class="govuk-tag ${BAND_CLASSES[band] ?? 'govuk-tag--grey'}">${escapeHtml(band)}</strong>`,
});

export function formatValue(value: unknown, unit: unknown, decimals: unknown): string {
  if (typeof value !== 'number') return '–';
  const shown = value.toLocaleString('en-GB', {
    minimumFractionDigits: Number(decimals ?? 0),
    maximumFractionDigits: Number(decimals ?? 0),
  });
  return unit === 'percent' ? `${shown}%` : unit === 'per10k' ? `${shown} per 10,000` : shown;
}

const notFound = (message: string): Page => ({
  status: 404,
  title: 'Page not found',
  template: 'error.njk',
  context: { message },
});

// Council: returns and reports ---------------------------------------------------------------------------

interface SubmissionSummary {
  submissionId: string;
  la: string;
  returnType: string;
  collectionYear: number;
  status: string;
  createdAt: string;
  summary?: string;
}

/** What the upload form offers: every return type the service accepts (a new one fails typecheck until named). */
const RETURN_TYPE_CHOICES: Readonly<Record<ReturnType, string>> = {
  ssda903: 'SSDA903 (children looked after): CSV tables, a ZIP of them, or XML',
  cin: 'CIN census: one XML file',
  csww: 'Children’s social work workforce census: one XML file',
  inyear: 'In-year core dataset: one CSV file',
  cscapi: 'CSC API payload (a full extract or a day’s changes): one JSON or NDJSON file',
};

/** A return type as a council reads it in a heading or table: "SSDA903", "CIN census", "CSC API payload". */
export function returnTypeName(returnType: string): string {
  if (!isReturnType(returnType)) return returnType;
  const { name } = RETURN_KINDS[returnType];
  return name.charAt(0).toUpperCase() + name.slice(1);
}

/** The upload form's return choices, in the catalogue's order, with `selected` chosen. */
export function returnTypeChoices(
  selected: string,
): { value: ReturnType; text: string; selected: boolean }[] {
  return RETURN_TYPE_ORDER.map((value) => ({
    value,
    text: RETURN_TYPE_CHOICES[value],
    selected: value === selected,
  }));
}

export interface UploadFormState {
  readonly values?: { returnType?: string; collectionYear?: string };
  readonly error?: string;
}

export async function councilHome(api: ApiClient, la: string, upload: UploadFormState = {}): Promise<Page> {
  const council = findCouncil(la);
  const listed = await api.get<{ councils: { la: string; submissions: SubmissionSummary[] }[] }>(
    `/submissions?la=${encodeURIComponent(la)}`,
  );
  const submissions = listed.ok
    ? (listed.body.councils.find((entry) => entry.la === la)?.submissions ?? [])
    : [];
  return {
    status: 200,
    title: `${council?.name ?? la} returns`,
    template: 'council-home.njk',
    context: {
      upload: {
        error: upload.error,
        noScriptLimit: formatBytes(NO_SCRIPT_UPLOAD_BYTES),
        collectionYear: upload.values?.collectionYear ?? '',
        returnTypes: returnTypeChoices(upload.values?.returnType ?? 'ssda903'),
      },
      council: council ?? { la, name: la },
      problem: listed.ok ? undefined : listed.message,
      rows: submissions.map((submission) => [
        link(`/returns/${encodeURIComponent(submission.submissionId)}`, submission.submissionId),
        text(returnTypeName(submission.returnType)),
        text(submission.collectionYear),
        text(submission.status.replace(/_/g, ' ')),
        text(submission.summary ?? ''),
      ]),
    },
  };
}

interface ReportRow {
  code: string;
  table?: string;
  record?: string;
  child?: string | number | null;
  rowNumber?: number;
  /** XML returns: where the row is by position ("Child 12, Episode 3"); the line is an extra. */
  location?: string | null;
  line?: number;
  field?: string;
  message: string;
}

/** The Row cell: the row of a CSV file, or for an XML return its position and then its line. */
export function rowCell(row: ReportRow): string {
  if (!row.location) return String(row.rowNumber ?? row.line ?? '');
  return `${row.location} (line ${row.line ?? row.rowNumber})`;
}

interface Report {
  summary: string;
  status: string;
  rules: { code: string; description: string; count: number }[];
  rows: ReportRow[];
}

export const REPORT_PAGE_SIZE = 50;

/** The report's rows that match the filters, one page at a time. */
export function filterReport(
  rows: readonly ReportRow[],
  filters: { rule?: string; table?: string; child?: string },
  page: number,
) {
  const child = filters.child?.trim().toLowerCase();
  const matching = rows.filter(
    (row) =>
      (!filters.rule || row.code === filters.rule) &&
      (!filters.table || (row.table ?? row.record) === filters.table) &&
      (!child || String(row.child ?? row.record ?? '').toLowerCase() === child),
  );
  const pages = Math.max(1, Math.ceil(matching.length / REPORT_PAGE_SIZE));
  const current = Math.min(Math.max(1, page), pages);
  return {
    matching: matching.length,
    pages,
    current,
    rows: matching.slice((current - 1) * REPORT_PAGE_SIZE, current * REPORT_PAGE_SIZE),
  };
}

const FINAL = (status: string) => !['awaiting_files', 'processing'].includes(status);

export async function submissionPage(
  api: ApiClient,
  submissionId: string,
  query = new URLSearchParams(),
): Promise<Page> {
  const found = await api.get<SubmissionSummary>(`/submissions/${encodeURIComponent(submissionId)}`);
  if (!found.ok) {
    return {
      status: found.status,
      title: found.status === 403 ? 'You cannot see this page' : 'Submission',
      template: 'error.njk',
      context: { message: found.message },
    };
  }
  const submission = found.body;
  const final = FINAL(submission.status);
  const report = final
    ? await api.get<Report>(`/submissions/${encodeURIComponent(submissionId)}/report`)
    : undefined;
  const filters = {
    rule: query.get('rule') ?? '',
    table: query.get('table') ?? '',
    child: query.get('child') ?? '',
  };
  const context: Record<string, unknown> = {
    submission: {
      ...submission,
      returnName: returnTypeName(submission.returnType),
      statusText: submission.status.replace(/_/g, ' '),
      final,
    },
    council: findCouncil(submission.la) ?? { name: submission.la },
    reportProblem: report && !report.ok ? report.message : undefined,
  };
  if (report?.ok) {
    const { rules, rows } = report.body;
    const shown = filterReport(rows, filters, Number(query.get('page') ?? 1) || 1);
    const tables = [...new Set(rows.map((row) => row.table ?? row.record ?? ''))].filter(Boolean).sort();
    const pageHref = (page: number) => {
      const params = new URLSearchParams({ ...filters, page: String(page) });
      for (const [name, value] of [...params]) if (!value) params.delete(name);
      return `/returns/${encodeURIComponent(submissionId)}?${params.toString()}`;
    };
    context.report = {
      summary: report.body.summary,
      totalRows: rows.length,
      matching: shown.matching,
      filters,
      ruleOptions: [
        { value: '', text: 'Any check' },
        ...rules.map((rule) => ({
          value: rule.code,
          text: `${rule.code}: ${rule.description}`,
          selected: rule.code === filters.rule,
        })),
      ],
      tableOptions: [
        { value: '', text: 'Any table' },
        ...tables.map((table) => ({ value: table, text: table, selected: table === filters.table })),
      ],
      rules: rules.map((rule) => [
        link(`/returns/${encodeURIComponent(submissionId)}?rule=${encodeURIComponent(rule.code)}`, rule.code),
        text(rule.description),
        { text: rule.count.toLocaleString('en-GB'), format: 'numeric' },
      ]),
      rows: shown.rows.map((row) => [
        text(row.table ?? row.record ?? ''),
        text(typeof row.child === 'number' ? `Child ${row.child}` : (row.child ?? '')),
        text(rowCell(row)),
        text(row.field ?? ''),
        text(row.code),
        text(row.message),
      ]),
      pagination:
        shown.pages > 1
          ? {
              ...(shown.current > 1 ? { previous: { href: pageHref(shown.current - 1) } } : {}),
              ...(shown.current < shown.pages ? { next: { href: pageHref(shown.current + 1) } } : {}),
              items: paginationItems(shown.current, shown.pages).map((page) =>
                page === undefined
                  ? { ellipsis: true }
                  : { number: page, href: pageHref(page), current: page === shown.current },
              ),
            }
          : undefined,
      pageText: `Showing rows ${((shown.current - 1) * REPORT_PAGE_SIZE + 1).toLocaleString('en-GB')} to ${Math.min(shown.current * REPORT_PAGE_SIZE, shown.matching).toLocaleString('en-GB')} of ${shown.matching.toLocaleString('en-GB')}`,
    };
  }
  return { status: 200, title: `Submission ${submissionId}`, template: 'submission.njk', context };
}

/** Page numbers around the current one, first and last always shown; undefined is a gap. */
export function paginationItems(current: number, pages: number): (number | undefined)[] {
  const wanted = new Set([1, pages, current - 1, current, current + 1].filter((p) => p >= 1 && p <= pages));
  const sorted = [...wanted].sort((a, b) => a - b);
  return sorted.flatMap((page, index) =>
    index > 0 && page - sorted[index - 1]! > 1 ? [undefined, page] : [page],
  );
}

// Advisers: the region's board and a council's page ------------------------------------------------------

interface RiskView {
  band: string;
  modelBand: string;
  assessedAt: string;
  modelVersion: string;
  dataScore: number;
  dataRating: string;
  intelligenceScore: number;
  intelligenceRating: string;
  domains: { domain: string; name: string; score: number }[];
  drivers: { text: string; red: boolean; contribution: number }[];
  override: { band: string; reason: string; expiresOn: string; applied: boolean } | null;
  notes: string[];
  history: { version: number; asOf: string; band: string; cause: string; dataScore?: number }[];
}

interface IntelligenceItem {
  category: string;
  severity: string;
  observedOn: string;
  narrative?: string;
}

const signed = (value: number) => `${value > 0 ? '+' : value < 0 ? '−' : '±'}${Math.abs(value).toFixed(2)}`;

/** Oldest first: the history comes newest first. */
const scoresOverTime = (risk: RiskView) =>
  [...risk.history]
    .sort((a, b) => a.version - b.version)
    .flatMap((entry) =>
      typeof entry.dataScore === 'number' ? [{ asOf: entry.asOf, score: entry.dataScore }] : [],
    );

/** The driver that adds most to the score, in words. */
const topDriver = (risk: RiskView) =>
  [...risk.drivers].sort((a, b) => Math.abs(b.contribution ?? 0) - Math.abs(a.contribution ?? 0))[0]?.text ??
  '';

const BAND_ORDER: Record<string, number> = { red: 0, amber: 1, green: 2 };

export async function regionPage(api: ApiClient, region: string, roles: readonly Role[]): Promise<Page> {
  const name = REGIONS[region] ?? region;
  const members = COUNCILS.filter((council) => council.region === region);
  const seesRisk = roles.some(
    (role) => role.kind === 'admin' || (role.kind === 'adviser' && role.region === region),
  );
  if (seesRisk) {
    const [risks, intelligence] = await Promise.all([
      Promise.all(members.map((council) => api.get<RiskView>(`/risk/councils/${council.la}`))),
      Promise.all(
        members.map((council) => api.get<{ items: IntelligenceItem[] }>(`/intelligence?la=${council.la}`)),
      ),
    ]);
    const score = (risk: (typeof risks)[number]) =>
      risk.ok ? risk.body.dataScore : Number.NEGATIVE_INFINITY;
    const board = members
      .map((council, index) => ({ council, risk: risks[index]!, intelligence: intelligence[index]! }))
      .sort(
        (a, b) =>
          (a.risk.ok ? (BAND_ORDER[a.risk.body.band] ?? 3) : 4) -
            (b.risk.ok ? (BAND_ORDER[b.risk.body.band] ?? 3) : 4) ||
          score(b.risk) - score(a.risk) ||
          a.council.name.localeCompare(b.council.name),
      );
    return {
      status: 200,
      title: `${name} councils`,
      template: 'region-board.njk',
      context: {
        region: { slug: region, name },
        rows: board.map(({ council, risk, intelligence }) => {
          if (!risk.ok) {
            return [
              link(`/councils/${council.la}`, council.name),
              { html: '<span class="govuk-hint">Not assessed yet</span>' },
              text(''),
              text(''),
              text(''),
              text(''),
              text(''),
            ];
          }
          const scores = scoresOverTime(risk.body);
          const previous = scores.at(-2)?.score;
          const latest = intelligence.ok
            ? [...intelligence.body.items].sort((a, b) => b.observedOn.localeCompare(a.observedOn))[0]
            : undefined;
          return [
            link(`/councils/${council.la}`, council.name),
            bandTag(risk.body.band),
            { text: risk.body.dataScore.toFixed(2), format: 'numeric' },
            {
              text: previous === undefined ? 'first assessment' : signed(risk.body.dataScore - previous),
              format: 'numeric',
            },
            {
              html: sparkline(
                scores.map((entry) => entry.score),
                `Score over the last ${scores.length} assessments, from ${scores[0]?.score.toFixed(2)} to ${risk.body.dataScore.toFixed(2)}`,
              ),
            },
            text(topDriver(risk.body)),
            text(
              latest
                ? `${latest.observedOn}: ${latest.category.replace(/-/g, ' ')} (${latest.severity})`
                : 'none',
            ),
          ];
        }),
      },
    };
  }
  const indicators = await api.get<{
    indicators: {
      name: string;
      unit: string;
      decimals: number;
      period: number;
      englandValue: number;
      regionValue: number;
    }[];
  }>(`/indicators/regions/${encodeURIComponent(region)}`);
  if (!indicators.ok) {
    return {
      status: indicators.status,
      title: name,
      template: 'error.njk',
      context: { message: indicators.message },
    };
  }
  return {
    status: 200,
    title: `${name} indicators`,
    template: 'region-indicators.njk',
    context: {
      region: { slug: region, name },
      rows: indicators.body.indicators.map((indicator) => [
        text(indicator.name),
        text(indicator.period),
        text(formatValue(indicator.regionValue, indicator.unit, indicator.decimals)),
        text(formatValue(indicator.englandValue, indicator.unit, indicator.decimals)),
      ]),
    },
  };
}

export interface IntelligenceFormState {
  readonly values?: Readonly<Record<string, string>>;
  readonly error?: string;
  readonly recorded?: boolean;
}

export interface OverrideFormState {
  readonly values?: { band?: string; reason?: string; expiresOn?: string };
  readonly error?: string;
  readonly changed?: boolean;
}

export async function councilPage(
  api: ApiClient,
  la: string,
  form: IntelligenceFormState = {},
  override: OverrideFormState = {},
): Promise<Page> {
  const council = findCouncil(la);
  if (!council) return notFound(`There is no council with number "${la}".`);
  const [risk, indicators, intelligence] = await Promise.all([
    api.get<RiskView>(`/risk/councils/${la}`),
    api.get<{
      indicators: {
        code: string;
        name: string;
        unit: string;
        decimals: number;
        period: number;
        value: number | null;
        provenance: string | null;
        englandValue: number | null;
        statNeighbours: { mean?: number } | null;
        history: {
          period: number;
          value: number | null;
          englandValue: number | null;
          regionValue: number | null;
          statNeighbourMean: number | null;
        }[];
      }[];
    }>(`/indicators/councils/${la}`),
    api.get<{ items: IntelligenceItem[] }>(`/intelligence?la=${la}`),
  ]);
  const values = form.values ?? {};
  return {
    status: 200,
    title: council.name,
    template: 'council.njk',
    context: {
      council: { ...council, regionName: REGIONS[council.region] ?? council.region },
      risk: risk.ok ? riskContext(council.name, risk.body) : undefined,
      override: {
        ...override,
        values: override.values ?? {},
        bands: ['green', 'amber', 'red'].map((band) => ({
          value: band,
          text: band,
          checked: band === override.values?.band,
        })),
      },
      riskMessage: !risk.ok && risk.status === 404 ? risk.message : undefined,
      intelligence: intelligence.ok
        ? {
            rows: intelligence.body.items.map((item) => [
              text(item.observedOn),
              text(item.category.replace(/-/g, ' ')),
              text(item.severity),
              text(item.narrative ?? ''),
            ]),
            form: {
              ...form,
              values,
              categories: INTELLIGENCE_CATEGORIES.map((category) => ({
                value: category,
                text: CATEGORY_LABELS[category],
                selected: values.category === category,
              })),
              severities: SEVERITIES.map((value) => ({
                value,
                text: value,
                checked: value === (values.severity ?? 'medium'),
              })),
              confidences: CONFIDENCES.map((value) => ({
                value,
                text: value,
                checked: value === (values.confidence ?? 'medium'),
              })),
            },
          }
        : undefined,
      indicatorsProblem: indicators.ok ? undefined : indicators.message,
      indicatorCharts: indicators.ok
        ? indicators.body.indicators.map((indicator) => indicatorChart(council, indicator))
        : [],
      indicatorRows: indicators.ok
        ? indicators.body.indicators.map((indicator) => [
            text(indicator.name),
            text(indicator.period),
            text(formatValue(indicator.value, indicator.unit, indicator.decimals)),
            text(indicator.provenance ?? ''),
            text(formatValue(indicator.statNeighbours?.mean, indicator.unit, indicator.decimals)),
            text(formatValue(indicator.englandValue, indicator.unit, indicator.decimals)),
          ])
        : [],
    },
  };
}

function riskContext(councilName: string, risk: RiskView) {
  const scores = scoresOverTime(risk);
  return {
    ...risk,
    bandTag: bandTag(risk.band).html,
    assessed: risk.assessedAt.slice(0, 16).replace('T', ' '),
    domainRows: risk.domains.map((domain) => [
      text(domain.name),
      { text: domain.score.toFixed(2), format: 'numeric' },
    ]),
    scoreChart: scoreHistoryChart({
      title: `${councilName}: data score over the last ${scores.length} assessments, on the data rating bands`,
      points: scores.map((entry) => ({ label: entry.asOf.slice(0, 10), score: entry.score })),
      thresholds: { elevated: DATA_THRESHOLDS.elevated.enter, high: DATA_THRESHOLDS.high.enter },
    }),
    scoreSummary:
      scores.length > 1
        ? `The data score went from ${scores[0]!.score.toFixed(2)} to ${risk.dataScore.toFixed(2)} over ${scores.length} assessments; the data rating is ${risk.dataRating} (elevated from ${DATA_THRESHOLDS.elevated.enter}, high from ${DATA_THRESHOLDS.high.enter}).`
        : `One assessment so far: data score ${risk.dataScore.toFixed(2)}, data rating ${risk.dataRating}.`,
    scoreRows: [...risk.history]
      .sort((a, b) => b.version - a.version)
      .map((entry) => [
        text(entry.asOf.slice(0, 10)),
        text(entry.band),
        { text: typeof entry.dataScore === 'number' ? entry.dataScore.toFixed(2) : '–', format: 'numeric' },
        text(entry.cause.replace(/([a-z])([A-Z])/g, '$1 $2').toLowerCase()),
      ]),
  };
}

function indicatorChart(
  council: { la: string; name: string },
  indicator: {
    code: string;
    name: string;
    unit: string;
    decimals: number;
    period: number;
    value: number | null;
    englandValue: number | null;
    history: {
      period: number;
      value: number | null;
      englandValue: number | null;
      regionValue: number | null;
      statNeighbourMean: number | null;
    }[];
  },
) {
  const format = (value: number | null) => formatValue(value, indicator.unit, indicator.decimals);
  const history = indicator.history ?? [];
  const series = [
    { name: council.name, key: 'value' as const, emphasis: true },
    { name: 'England', key: 'englandValue' as const },
    { name: 'Region', key: 'regionValue' as const },
    { name: 'Statistical neighbours', key: 'statNeighbourMean' as const },
  ].map((entry) => ({
    name: entry.name,
    emphasis: entry.emphasis ?? false,
    points: history.map((point) => ({ x: point.period, y: point[entry.key] })),
  }));
  const latest = history.at(-1);
  return {
    name: indicator.name,
    // A proportion of children can be set against every council's, with its control limits.
    funnelHref: findIndicator(indicator.code)?.funnelEligible
      ? `/councils/${council.la}/indicators/${encodeURIComponent(indicator.code)}`
      : undefined,
    svg: lineChart({
      title: `${indicator.name}: ${council.name} against England, its region and its statistical neighbours, by year`,
      series: series.filter((line) => line.points.some((point) => point.y !== null)),
      format: (value) => format(value),
    }),
    summary: latest
      ? `${latest.period}: ${council.name} ${format(latest.value)}, England ${format(latest.englandValue)}, region ${format(latest.regionValue)}, statistical neighbours ${format(latest.statNeighbourMean)}.`
      : 'No figures yet.',
    rows: [...history]
      .reverse()
      .map((point) => [
        text(point.period),
        text(format(point.value)),
        text(format(point.englandValue)),
        text(format(point.regionValue)),
        text(format(point.statNeighbourMean)),
      ]),
  };
}
