// Domain: the DfE summary as feeds — Atom 1.0 (RFC 4287), JSON Feed 1.1 and CSV. Pure.
// Ids are tag URIs (RFC 4151) made from the summary id alone, so a summary keeps its id in every feed and
// every re-publication, and a reader never sees the same summary twice as new.

import type { DfeSummary } from './dfe-summary.ts';
import type { Cell } from './disclosure.ts';

const FEED_TITLE = 'Children’s services early warning: national summary for DfE';
const FEED_SUBTITLE =
  'Councils by risk band nationally and by region, movement, headline indicator quartiles and intelligence counts. Aggregates only, with DfE disclosure control.';
const FEED_ID = 'tag:upstream,2026:feeds/dfe/summary';
/** Where the API serves each feed. */
export const FEED_PATHS = {
  atom: '/feeds/dfe.atom',
  json: '/feeds/dfe.json',
  csv: '/feeds/dfe.csv',
} as const;

/** Where each feed is kept in the data bucket, and its media type. */
export const FEED_OBJECTS = {
  atom: { key: 'feeds/dfe/summary.atom', contentType: 'application/atom+xml; charset=utf-8' },
  json: { key: 'feeds/dfe/summary.json', contentType: 'application/feed+json; charset=utf-8' },
  csv: { key: 'feeds/dfe/summary.csv', contentType: 'text/csv; charset=utf-8' },
} as const;
export type FeedFormat = keyof typeof FEED_OBJECTS;

/** Each summary as published, kept for the record (JSON, the figures with their notes). */
export const archiveKey = (summaryId: string) => `feeds/dfe/archive/${encodeURIComponent(summaryId)}.json`;

/** How many summaries the Atom and JSON feeds carry, newest first. */
export const FEED_ENTRIES = 20;

export interface FeedOptions {
  /** The API's address, e.g. "https://api.example.org"; without it links are relative to the API. */
  readonly baseUrl?: string;
}

const entryId = (summaryId: string) => `${FEED_ID}/${encodeURIComponent(summaryId)}`;

const link = (options: FeedOptions, path: string) => `${options.baseUrl?.replace(/\/+$/, '') ?? ''}${path}`;

const show = (cell: Cell) => String(cell);
const percent = (cell: Cell) => (typeof cell === 'number' ? `${cell}%` : cell);

export function summaryTitle(summary: DfeSummary): string {
  return summary.trigger === 'weekly'
    ? `Weekly national summary ${summary.period}`
    : `National summary after a material change, ${summary.period}`;
}

/** The summary in plain words, for feed readers and plain mail clients. */
export function summaryText(summary: DfeSummary): string {
  const lines: string[] = [
    summaryTitle(summary),
    '',
    `Councils assessed, England: ${show(summary.councilsAssessed)}.`,
    `By risk band, England: ${summary.england
      .map((figure) => `${figure.band} ${show(figure.councils)} (${percent(figure.percent)})`)
      .join(', ')}.`,
    '',
    'By region (councils in each band):',
    ...summary.regions.map(
      (region) =>
        `  ${region.name}: green ${show(region.bands.green)}, amber ${show(region.bands.amber)}, red ${show(region.bands.red)}; total ${show(region.councils)}`,
    ),
    '',
  ];
  if (summary.movement) {
    const m = summary.movement.england;
    lines.push(
      `Since the last summary, England: ${show(m.escalated)} moved to a higher-risk band, ${show(m.deEscalated)} to a lower one, ${show(m.unchanged)} unchanged, ${show(m.newlyAssessed)} newly assessed.`,
      '',
    );
  } else {
    lines.push('This is the first summary: there is no movement to report.', '');
  }
  if (summary.indicators.length > 0) {
    lines.push('Headline indicators (lower quartile / median / upper quartile across councils):');
    for (const indicator of summary.indicators)
      lines.push(
        `  ${indicator.name} (${indicator.period}): ${show(indicator.lowerQuartile)} / ${show(indicator.median)} / ${show(indicator.upperQuartile)}`,
      );
    lines.push('');
  }
  lines.push(
    `Active intelligence items, England: ${summary.intelligence
      .map((entry) => `${entry.label} ${show(entry.items)}`)
      .join('; ')}.`,
    '',
    ...summary.notes,
  );
  return lines.join('\n');
}

// Atom ----------------------------------------------------------------------------------------------

// Characters XML 1.0 does not allow at all, even escaped.
// biome-ignore lint/suspicious/noControlCharactersInRegex: these are exactly what must be removed.
const NOT_XML = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]/g;

export function escapeXml(text: string): string {
  return text
    .replace(NOT_XML, '')
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&apos;');
}

const EPOCH = '1970-01-01T00:00:00.000Z';

/** Summaries newest first; the feed's updated time is the newest summary's. */
export function renderAtom(summaries: readonly DfeSummary[], options: FeedOptions = {}): string {
  const x = escapeXml;
  const entries = summaries.map(
    (summary) => `  <entry>
    <id>${x(entryId(summary.summaryId))}</id>
    <title type="text">${x(summaryTitle(summary))}</title>
    <updated>${x(summary.generatedAt)}</updated>
    <published>${x(summary.generatedAt)}</published>
    <category term="${x(summary.trigger)}"/>
    <content type="text">${x(summaryText(summary))}</content>
  </entry>`,
  );
  return `<?xml version="1.0" encoding="utf-8"?>
<feed xmlns="http://www.w3.org/2005/Atom" xml:lang="en-GB">
  <id>${x(FEED_ID)}</id>
  <title type="text">${x(FEED_TITLE)}</title>
  <subtitle type="text">${x(FEED_SUBTITLE)}</subtitle>
  <updated>${x(summaries[0]?.generatedAt ?? EPOCH)}</updated>
  <author><name>Upstream</name></author>
  <link rel="self" type="application/atom+xml" href="${x(link(options, FEED_PATHS.atom))}"/>
  <link rel="alternate" type="application/feed+json" href="${x(link(options, FEED_PATHS.json))}"/>
${entries.join('\n')}
</feed>
`;
}

// JSON Feed -----------------------------------------------------------------------------------------

export const JSON_FEED_VERSION = 'https://jsonfeed.org/version/1.1';

export function renderJsonFeed(summaries: readonly DfeSummary[], options: FeedOptions = {}): string {
  const feed = {
    version: JSON_FEED_VERSION,
    title: FEED_TITLE,
    description: FEED_SUBTITLE,
    ...(options.baseUrl ? { feed_url: link(options, FEED_PATHS.json) } : {}),
    language: 'en-GB',
    authors: [{ name: 'Upstream' }],
    items: summaries.map((summary) => ({
      id: entryId(summary.summaryId),
      title: summaryTitle(summary),
      content_text: summaryText(summary),
      date_published: summary.generatedAt,
      date_modified: summary.generatedAt,
      tags: [summary.trigger],
      // Extensions start with an underscore (JSON Feed 1.1): the figures themselves, for machines.
      _upstream: { summary },
    })),
  };
  return `${JSON.stringify(feed, null, 2)}\n`;
}

// CSV -----------------------------------------------------------------------------------------------

export const CSV_COLUMNS = [
  'summary_id',
  'period',
  'generated_at',
  'geographic_level',
  'region_code',
  'region_name',
  'measure',
  'breakdown',
  'value',
] as const;

function csvField(value: string | number): string {
  const text = String(value);
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

/** The latest summary as tidy data, one figure a row, in the layout of DfE's own open data files. */
export function renderCsv(summary: DfeSummary | undefined): string {
  const rows: (string | number)[][] = [];
  if (summary) {
    const row = (
      level: 'National' | 'Regional',
      code: string,
      name: string,
      measure: string,
      breakdown: string,
      value: Cell,
    ) =>
      rows.push([
        summary.summaryId,
        summary.period,
        summary.generatedAt,
        level,
        code,
        name,
        measure,
        breakdown,
        value,
      ]);
    const england = (measure: string, breakdown: string, value: Cell) =>
      row('National', 'england', 'England', measure, breakdown, value);
    england('councils_assessed', 'total', summary.councilsAssessed);
    for (const figure of summary.england) {
      england('councils_in_band', figure.band, figure.councils);
      england('percent_councils_in_band', figure.band, figure.percent);
    }
    for (const region of summary.regions) {
      row('Regional', region.region, region.name, 'councils_assessed', 'total', region.councils);
      for (const [band, cell] of Object.entries(region.bands))
        row('Regional', region.region, region.name, 'councils_in_band', band, cell);
    }
    if (summary.movement) {
      for (const [movement, cell] of Object.entries(summary.movement.england))
        england('councils_moving', movement, cell);
      for (const region of summary.movement.regions)
        for (const [movement, cell] of Object.entries(region.movement))
          row('Regional', region.region, region.name, 'councils_moving', movement, cell);
    }
    for (const indicator of summary.indicators) {
      england(`indicator_councils:${indicator.code}`, String(indicator.period), indicator.councils);
      england(
        `indicator_lower_quartile:${indicator.code}`,
        String(indicator.period),
        indicator.lowerQuartile,
      );
      england(`indicator_median:${indicator.code}`, String(indicator.period), indicator.median);
      england(
        `indicator_upper_quartile:${indicator.code}`,
        String(indicator.period),
        indicator.upperQuartile,
      );
    }
    for (const entry of summary.intelligence) england('intelligence_items', entry.category, entry.items);
  }
  return `${[CSV_COLUMNS, ...rows].map((fields) => fields.map(csvField).join(',')).join('\r\n')}\r\n`;
}
