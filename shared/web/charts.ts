// Web app: charts as SVG drawn on the server (d3-scale for the axes, d3-shape for the paths). Every chart
// has a title and a summary in words, and lines differ by dash and marker as well as colour; the page
// puts each chart's figures in a table beside it.
import { randomBytes } from 'node:crypto';
import { scaleLinear, scalePoint } from 'd3-scale';
import { line } from 'd3-shape';
import { escapeHtml as h } from './html.ts';

export interface Series {
  readonly name: string;
  readonly points: readonly { readonly x: number; readonly y: number | null }[];
  /** The council's own line is drawn heavier than its comparators. */
  readonly emphasis?: boolean;
}

// GOV.UK palette; each line also has its own dash pattern and marker.
const STYLES = [
  { colour: '#1d70b8', dash: '', marker: 'circle' },
  { colour: '#0b0c0c', dash: '6 4', marker: 'square' },
  { colour: '#d53880', dash: '2 3', marker: 'triangle' },
  { colour: '#00703c', dash: '10 3 2 3', marker: 'diamond' },
] as const;

const round = (value: number) => Math.round(value * 10) / 10;

function marker(kind: string, x: number, y: number, colour: string): string {
  const r = 3.5;
  switch (kind) {
    case 'square':
      return `<rect x="${round(x - r)}" y="${round(y - r)}" width="${2 * r}" height="${2 * r}" fill="${colour}"/>`;
    case 'triangle':
      return `<path d="M${round(x)},${round(y - r - 1)}L${round(x + r + 1)},${round(y + r)}L${round(x - r - 1)},${round(y + r)}Z" fill="${colour}"/>`;
    case 'diamond':
      return `<path d="M${round(x)},${round(y - r - 1)}L${round(x + r + 1)},${round(y)}L${round(x)},${round(y + r + 1)}L${round(x - r - 1)},${round(y)}Z" fill="${colour}"/>`;
    default:
      return `<circle cx="${round(x)}" cy="${round(y)}" r="${r}" fill="${colour}"/>`;
  }
}

/** Ids for aria-labelledby; random, so charts rendered for one page never share one. */
const nextId = (prefix: string) => `${prefix}-${randomBytes(6).toString('hex')}`;

/** A line chart of yearly values: the council with England, its region and its statistical neighbours. */
export function lineChart(input: {
  readonly title: string;
  readonly series: readonly Series[];
  readonly format: (value: number) => string;
  readonly width?: number;
  readonly height?: number;
}): string {
  const width = input.width ?? 560;
  const height = input.height ?? 220;
  const margin = { top: 12, right: 150, bottom: 28, left: 56 };
  const xs = [...new Set(input.series.flatMap((series) => series.points.map((point) => point.x)))].sort(
    (a, b) => a - b,
  );
  const ys = input.series.flatMap((series) =>
    series.points.flatMap((point) => (point.y === null ? [] : [point.y])),
  );
  if (xs.length === 0 || ys.length === 0) return '';
  const x = scalePoint<number>()
    .domain(xs)
    .range([margin.left, width - margin.right])
    .padding(0.2);
  const low = Math.min(...ys);
  const high = Math.max(...ys);
  const y = scaleLinear()
    .domain([Math.min(0, low), high === low ? high + 1 : high])
    .nice(4)
    .range([height - margin.bottom, margin.top]);
  const path = line<{ x: number; y: number | null }>()
    .defined((point) => point.y !== null)
    .x((point) => x(point.x) ?? 0)
    .y((point) => y(point.y ?? 0));
  const id = nextId('chart');
  const ticks = y.ticks(4);
  const labelEvery = Math.max(1, Math.ceil(xs.length / 7));
  const lines = input.series.map((series, index) => {
    const style = STYLES[index % STYLES.length]!;
    const drawn = series.points.filter((point) => point.y !== null);
    const last = drawn.at(-1);
    return `<g>
<path d="${path([...series.points]) ?? ''}" fill="none" stroke="${style.colour}" stroke-width="${series.emphasis ? 3 : 1.5}"${style.dash ? ` stroke-dasharray="${style.dash}"` : ''}/>
${drawn.map((point) => marker(style.marker, x(point.x) ?? 0, y(point.y!), style.colour)).join('')}
${last ? `<text x="${round((x(last.x) ?? 0) + 8)}" y="${round(y(last.y!) + 4)}" font-size="12" fill="#0b0c0c">${h(series.name)}</text>` : ''}
</g>`;
  });
  return `<svg class="app-chart" viewBox="0 0 ${width} ${height}" width="100%" role="img" aria-labelledby="${id}" focusable="false">
<title id="${id}">${h(input.title)}</title>
${ticks
  .map(
    (tick) =>
      `<line x1="${margin.left}" x2="${width - margin.right}" y1="${round(y(tick))}" y2="${round(y(tick))}" stroke="#b1b4b6" stroke-width="0.5"/><text x="${margin.left - 6}" y="${round(y(tick) + 4)}" font-size="11" text-anchor="end" fill="#505a5f">${h(input.format(tick))}</text>`,
  )
  .join('')}
${xs
  .filter((_, index) => index % labelEvery === 0 || index === xs.length - 1)
  .map(
    (value) =>
      `<text x="${round(x(value) ?? 0)}" y="${height - 8}" font-size="11" text-anchor="middle" fill="#505a5f">${value}</text>`,
  )
  .join('')}
${lines.join('\n')}
</svg>`;
}

/** A small trend of a score, for a table cell; its meaning is in the label and the cell beside it. */
export function sparkline(values: readonly number[], label: string): string {
  if (values.length < 2) return '';
  const width = 80;
  const height = 20;
  const x = scaleLinear()
    .domain([0, values.length - 1])
    .range([2, width - 2]);
  const low = Math.min(...values);
  const high = Math.max(...values);
  const y = scaleLinear()
    .domain([low, high === low ? low + 1 : high])
    .range([height - 3, 3]);
  const path = line<number>()
    .x((_, index) => x(index))
    .y((value) => y(value));
  const last = values.at(-1)!;
  return `<svg class="app-sparkline" viewBox="0 0 ${width} ${height}" width="${width}" height="${height}" role="img" aria-label="${h(label)}" focusable="false"><path d="${path([...values]) ?? ''}" fill="none" stroke="#0b0c0c" stroke-width="1.5"/><circle cx="${round(x(values.length - 1))}" cy="${round(y(last))}" r="2.5" fill="#0b0c0c"/></svg>`;
}

/** The data score over time on its rating bands, shaded and named, so colour is never the only key. */
export function scoreHistoryChart(input: {
  readonly title: string;
  readonly points: readonly { readonly label: string; readonly score: number }[];
  /** Scores at which the "elevated" and "high" data ratings are entered. */
  readonly thresholds: { readonly elevated: number; readonly high: number };
}): string {
  if (input.points.length === 0) return '';
  const width = 560;
  const height = 200;
  const margin = { top: 10, right: 70, bottom: 28, left: 40 };
  const scores = input.points.map((point) => point.score);
  const top = Math.max(input.thresholds.high * 1.4, ...scores);
  const bottom = Math.min(0, ...scores);
  const y = scaleLinear()
    .domain([bottom, top])
    .nice(4)
    .range([height - margin.bottom, margin.top]);
  const x = scaleLinear()
    .domain([0, Math.max(1, input.points.length - 1)])
    .range([margin.left + 10, width - margin.right - 10]);
  const [floor, ceiling] = y.domain() as [number, number];
  const bands = [
    { name: 'typical', from: floor, to: input.thresholds.elevated, fill: '#cce2d8' },
    { name: 'elevated', from: input.thresholds.elevated, to: input.thresholds.high, fill: '#fff7bf' },
    { name: 'high', from: input.thresholds.high, to: ceiling, fill: '#f4cdc6' },
  ];
  const path = line<{ score: number }>()
    .x((_, index) => x(index))
    .y((point) => y(point.score));
  const id = nextId('score');
  const every = Math.max(1, Math.ceil(input.points.length / 6));
  return `<svg class="app-chart" viewBox="0 0 ${width} ${height}" width="100%" role="img" aria-labelledby="${id}" focusable="false">
<title id="${id}">${h(input.title)}</title>
${bands
  .map(
    (band) =>
      `<rect x="${margin.left}" width="${width - margin.left - margin.right}" y="${round(y(band.to))}" height="${round(Math.max(0, y(band.from) - y(band.to)))}" fill="${band.fill}"/><text x="${width - margin.right + 6}" y="${round((y(band.from) + y(band.to)) / 2 + 4)}" font-size="12" fill="#0b0c0c">${band.name}</text>`,
  )
  .join('')}
<path d="${path([...input.points]) ?? ''}" fill="none" stroke="#0b0c0c" stroke-width="2"/>
${input.points.map((point, index) => marker('circle', x(index), y(point.score), '#0b0c0c')).join('')}
${input.points
  .map((point, index) =>
    index % every === 0 || index === input.points.length - 1
      ? `<text x="${round(x(index))}" y="${height - 8}" font-size="11" text-anchor="middle" fill="#505a5f">${h(point.label)}</text>`
      : '',
  )
  .join('')}
</svg>`;
}

/** A published figure: a number, or a disclosure symbol (c, x, z, k) that is never drawn as a bar. */
export type Figure = number | string;

const BAR_FILLS = ['#00703c', '#ffdd00', '#d4351c', '#1d70b8', '#505a5f'] as const;

/**
 * Horizontal bars in groups (a region's councils by band, say). Each bar is labelled with its name and
 * figure, so colour is never the only key; a withheld figure is written as its symbol where the bar would be.
 */
export function groupedBarChart(input: {
  readonly title: string;
  readonly groups: readonly {
    readonly label: string;
    readonly bars: readonly { readonly name: string; readonly value: Figure }[];
  }[];
  readonly width?: number;
}): string {
  const bars = input.groups.flatMap((group) => group.bars);
  if (bars.length === 0) return '';
  const width = input.width ?? 640;
  const barHeight = 14;
  const groupGap = 12;
  const margin = { top: 8, right: 110, bottom: 8, left: 190 };
  const perGroup = Math.max(...input.groups.map((group) => group.bars.length));
  const height =
    margin.top + margin.bottom + input.groups.length * (perGroup * barHeight + groupGap) - groupGap;
  const numbers = bars.flatMap((bar) => (typeof bar.value === 'number' ? [bar.value] : []));
  const x = scaleLinear()
    .domain([0, Math.max(1, ...numbers)])
    .range([margin.left, width - margin.right]);
  const id = nextId('bars');
  const rows = input.groups.map((group, g) => {
    const top = margin.top + g * (perGroup * barHeight + groupGap);
    const drawn = group.bars.map((bar, b) => {
      const y = top + b * barHeight;
      const fill = BAR_FILLS[b % BAR_FILLS.length]!;
      const label = `${bar.name} ${typeof bar.value === 'number' ? bar.value : `${bar.value} (withheld)`}`;
      const end = typeof bar.value === 'number' ? x(bar.value) : margin.left;
      return `${typeof bar.value === 'number' ? `<rect x="${margin.left}" y="${y + 1}" width="${round(end - margin.left)}" height="${barHeight - 2}" fill="${fill}" stroke="#0b0c0c" stroke-width="0.5"/>` : ''}<text x="${round(end + 4)}" y="${y + barHeight - 3}" font-size="11" fill="#0b0c0c">${h(label)}</text>`;
    });
    return `<text x="${margin.left - 8}" y="${round(top + (group.bars.length * barHeight) / 2 + 4)}" font-size="12" text-anchor="end" fill="#0b0c0c">${h(group.label)}</text>${drawn.join('')}`;
  });
  return `<svg class="app-chart" viewBox="0 0 ${width} ${height}" width="100%" role="img" aria-labelledby="${id}" focusable="false">
<title id="${id}">${h(input.title)}</title>
<line x1="${margin.left}" x2="${margin.left}" y1="${margin.top}" y2="${height - margin.bottom}" stroke="#0b0c0c"/>
${rows.join('\n')}
</svg>`;
}

/**
 * One indicator across councils: the middle half (lower to upper quartile) as a box, the median as a
 * heavy mark, each named and valued in text on the chart.
 */
export function quartileChart(input: {
  readonly title: string;
  readonly lowerQuartile: Figure;
  readonly median: Figure;
  readonly upperQuartile: Figure;
  readonly format: (value: number) => string;
}): string {
  const { lowerQuartile: lower, median, upperQuartile: upper } = input;
  if (typeof lower !== 'number' || typeof median !== 'number' || typeof upper !== 'number') return '';
  const width = 560;
  const height = 64;
  const margin = { left: 16, right: 16 };
  const x = scaleLinear()
    .domain([Math.min(0, lower), upper === 0 ? 1 : upper * 1.25])
    .nice()
    .range([margin.left, width - margin.right]);
  const id = nextId('quartiles');
  const [from, to] = x.domain() as [number, number];
  return `<svg class="app-chart" viewBox="0 0 ${width} ${height}" width="100%" role="img" aria-labelledby="${id}" focusable="false">
<title id="${id}">${h(input.title)}</title>
<line x1="${margin.left}" x2="${width - margin.right}" y1="34" y2="34" stroke="#b1b4b6"/>
<rect x="${round(x(lower))}" y="24" width="${round(Math.max(1, x(upper) - x(lower)))}" height="20" fill="#d2e2f1" stroke="#1d70b8"/>
<line x1="${round(x(median))}" x2="${round(x(median))}" y1="20" y2="48" stroke="#0b0c0c" stroke-width="3"/>
<text x="${round(x(median))}" y="14" font-size="11" text-anchor="middle" fill="#0b0c0c">median ${h(input.format(median))}</text>
<text x="${margin.left}" y="60" font-size="11" fill="#505a5f">middle half of councils: ${h(input.format(lower))} to ${h(input.format(upper))}</text>
<text x="${margin.left}" y="14" font-size="10" fill="#505a5f">${h(input.format(from))}</text>
<text x="${width - margin.right}" y="14" font-size="10" text-anchor="end" fill="#505a5f">${h(input.format(to))}</text>
</svg>`;
}

/** One council on a funnel plot: its proportion (0 to 1) of its denominator. */
export interface FunnelPoint {
  readonly denominator: number;
  readonly proportion: number;
}

/**
 * A funnel plot: every council's proportion against its denominator, the council itself marked and named,
 * around the target with its 95% (dashed) and 99.8% (solid) control limits, each line named on the chart.
 */
export function funnelPlot(input: {
  readonly title: string;
  readonly councilName: string;
  readonly council: FunnelPoint;
  readonly others: readonly FunnelPoint[];
  readonly target: number;
  readonly contours: readonly {
    readonly denominator: number;
    readonly lower95: number;
    readonly upper95: number;
    readonly lower998: number;
    readonly upper998: number;
  }[];
}): string {
  if (input.contours.length < 2) return '';
  const width = 560;
  const height = 260;
  const margin = { top: 12, right: 96, bottom: 34, left: 48 };
  const everyone = [input.council, ...input.others];
  const largest = Math.max(...everyone.map((point) => point.denominator));
  const x = scaleLinear()
    .domain([0, largest])
    .nice(5)
    .range([margin.left, width - margin.right]);
  const proportions = everyone.map((point) => point.proportion);
  // The limits blow up at tiny denominators; the scale follows the councils and the limits where they are.
  const visible = input.contours.filter(
    (sample) => sample.denominator >= Math.min(...everyone.map((p) => p.denominator)),
  );
  const y = scaleLinear()
    .domain([
      Math.max(0, Math.min(...proportions, ...visible.map((sample) => sample.lower998))),
      Math.min(1, Math.max(...proportions, ...visible.map((sample) => sample.upper998))),
    ])
    .nice(5)
    .range([height - margin.bottom, margin.top]);
  const [yFloor, yCeiling] = y.domain() as [number, number];
  const clamp = (value: number) => Math.min(yCeiling, Math.max(yFloor, value));
  type Sample = (typeof input.contours)[number];
  const limitLine = (pick: (sample: Sample) => number) =>
    line<Sample>()
      .x((sample) => x(sample.denominator))
      .y((sample) => y(clamp(pick(sample))))([...visible]) ?? '';
  const percent = (value: number) =>
    `${(value * 100).toLocaleString('en-GB', { maximumFractionDigits: 1 })}%`;
  const last = visible.at(-1)!;
  const id = nextId('funnel');
  const lines = [
    {
      name: '99.8% limits',
      dash: '',
      width: 1.5,
      upper: (s: Sample) => s.upper998,
      lower: (s: Sample) => s.lower998,
    },
    {
      name: '95% limits',
      dash: '5 4',
      width: 1.5,
      upper: (s: Sample) => s.upper95,
      lower: (s: Sample) => s.lower95,
    },
  ];
  return `<svg class="app-chart" viewBox="0 0 ${width} ${height}" width="100%" role="img" aria-labelledby="${id}" focusable="false">
<title id="${id}">${h(input.title)}</title>
${y
  .ticks(5)
  .map(
    (tick) =>
      `<line x1="${margin.left}" x2="${width - margin.right}" y1="${round(y(tick))}" y2="${round(y(tick))}" stroke="#f3f2f1"/><text x="${margin.left - 6}" y="${round(y(tick) + 4)}" font-size="11" text-anchor="end" fill="#505a5f">${percent(tick)}</text>`,
  )
  .join('')}
${x
  .ticks(5)
  .map(
    (tick) =>
      `<text x="${round(x(tick))}" y="${height - 20}" font-size="11" text-anchor="middle" fill="#505a5f">${tick.toLocaleString('en-GB')}</text>`,
  )
  .join('')}
<text x="${round((margin.left + width - margin.right) / 2)}" y="${height - 4}" font-size="11" text-anchor="middle" fill="#505a5f">Denominator (number of children or events)</text>
<line x1="${margin.left}" x2="${width - margin.right}" y1="${round(y(input.target))}" y2="${round(y(input.target))}" stroke="#0b0c0c" stroke-width="1"/>
<text x="${width - margin.right + 4}" y="${round(y(input.target) + 4)}" font-size="11" fill="#0b0c0c">England ${percent(input.target)}</text>
${lines
  .map(
    (limit) =>
      `<path d="${limitLine(limit.upper)}" fill="none" stroke="#1d70b8" stroke-width="${limit.width}"${limit.dash ? ` stroke-dasharray="${limit.dash}"` : ''}/><path d="${limitLine(limit.lower)}" fill="none" stroke="#1d70b8" stroke-width="${limit.width}"${limit.dash ? ` stroke-dasharray="${limit.dash}"` : ''}/><text x="${width - margin.right + 4}" y="${round(y(clamp(limit.upper(last))) + 4)}" font-size="11" fill="#1d70b8">${limit.name}</text>`,
  )
  .join('\n')}
${input.others
  .map(
    (point) =>
      `<circle cx="${round(x(point.denominator))}" cy="${round(y(point.proportion))}" r="2.5" fill="none" stroke="#505a5f"/>`,
  )
  .join('')}
${marker('diamond', x(input.council.denominator), y(input.council.proportion), '#d4351c')}
<text x="${round(x(input.council.denominator) + 8)}" y="${round(y(input.council.proportion) - 6)}" font-size="12" font-weight="bold" fill="#0b0c0c">${h(input.councilName)}</text>
</svg>`;
}
