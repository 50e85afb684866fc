// Script: builds the national baseline (shared/reference/baseline/*.json) from DfE's published files.
//
// Usage: npx tsx scripts/build-baseline.ts
// Reads the extracts in shared/reference/sources/ (see its SOURCES.md), maps every register indicator to
// its published columns, and writes two committed files:
//   - national-baseline.json: every published value, with numerator/denominator where published;
//   - stat-neighbours.json: DfE's 10 statistical neighbours per current council.
// DfE suppression symbols are kept as symbols (never read as zero); council codes are checked against
// the current councils and the superseded-codes table, and an unknown code stops the build.
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { parse } from 'csv-parse/sync';
import { COUNCILS, findCouncil, REGIONS } from '../shared/domain/councils.ts';
import type {
  AreaKey,
  BaselineDocument,
  StoredFigure,
  StoredIndicator,
  StoredSeries,
} from '../shared/domain/indicators/baseline.ts';
import { ENGLAND } from '../shared/domain/indicators/baseline.ts';
import {
  MISSING_SYMBOLS,
  type PublishedFigure,
  parsePublishedFigure,
} from '../shared/domain/indicators/published-figures.ts';
import {
  OGL_ATTRIBUTION,
  PUBLISHED_FILES,
  type PublishedFileId,
} from '../shared/domain/indicators/published-sources.ts';
import {
  type ColumnSum,
  type EesColumn,
  INDICATORS,
  type IndicatorDefinition,
} from '../shared/domain/indicators/register.ts';
import type { StatNeighboursDocument } from '../shared/domain/indicators/stat-neighbours.ts';
import {
  councilExistedIn,
  isRetiredOnsCodeOf,
  JOINT_RETURNS,
  SUPERSEDED_CODES,
  supersededCouncil,
} from '../shared/domain/indicators/superseded-codes.ts';

/** Bump when the published inputs, the register mappings or the reading rules change. */
export const BASELINE_VERSION = '2025.1';

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
export const REFERENCE_DIR = path.join(repoRoot, 'shared', 'reference', 'sources');
const OUTPUT_DIR = path.resolve(repoRoot, 'shared', 'reference', 'baseline');

type CsvRow = Record<string, string>;

export function readCsv(file: string): CsvRow[] {
  return parse(readFileSync(file), { columns: true, bom: true, skip_empty_lines: true }) as CsvRow[];
}

// Areas -------------------------------------------------------------------------------------------

/** EES region names (and LAIT's spellings) to our region slugs; London's halves are kept as sub-regions. */
const REGION_SLUGS: Readonly<Record<string, AreaKey>> = {
  'North East': 'north-east',
  'North West': 'north-west',
  'Yorkshire and The Humber': 'yorkshire-and-the-humber',
  'Yorkshire and the Humber': 'yorkshire-and-the-humber',
  'East Midlands': 'east-midlands',
  'West Midlands': 'west-midlands',
  'East of England': 'east-of-england',
  London: 'london',
  'Inner London': 'inner-london',
  'Outer London': 'outer-london',
  'South East': 'south-east',
  'South West': 'south-west',
};

/** LAIT's area numbers for England and the regions (lait_areas.csv). */
const LAIT_AREA_NUMBERS: Readonly<Record<string, AreaKey>> = {
  '970': ENGLAND,
  '980': 'north-east',
  '981': 'north-west',
  '982': 'yorkshire-and-the-humber',
  '983': 'east-midlands',
  '984': 'west-midlands',
  '985': 'east-of-england',
  '986': 'london',
  '987': 'inner-london',
  '988': 'outer-london',
  '989': 'south-east',
  '990': 'south-west',
};

/** Checks a published DfE number (and ONS code, when printed) and returns the area key it maps to. */
function councilArea(la: string, ons: string | undefined, where: string): AreaKey {
  const current = findCouncil(la);
  const retired = supersededCouncil(la);
  if (!current && !retired) throw new Error(`${where}: unknown council code ${la}`);
  if (ons !== undefined && ons !== '') {
    const known = current ? ons === current.ons || isRetiredOnsCodeOf(la, ons) : ons === retired?.ons;
    if (!known) throw new Error(`${where}: council ${la} is printed with unexpected ONS code ${ons}`);
  }
  return la;
}

/** The areas one EES row speaks for: one, or two for a joint return printed as "314 / 318". */
function eesAreas(row: CsvRow, where: string): AreaKey[] {
  switch (row.geographic_level) {
    case 'National':
      return [ENGLAND];
    case 'Regional': {
      const slug = REGION_SLUGS[row.region_name ?? ''];
      if (!slug) throw new Error(`${where}: unknown region ${row.region_name}`);
      return [slug];
    }
    case 'Local authority': {
      const codes = (row.old_la_code ?? '').split(' / ');
      const onsCodes = (row.new_la_code ?? '').split(' / ');
      if (codes.length > 1) {
        const joint = JOINT_RETURNS.find((entry) => entry.councils.every((la) => codes.includes(la)));
        if (!joint || codes.length !== 2)
          throw new Error(`${where}: unexpected joint return ${row.old_la_code}`);
      }
      return codes.map((la, index) => councilArea(la, onsCodes[index], where));
    }
    default:
      throw new Error(`${where}: unknown geographic level ${row.geographic_level}`);
  }
}

// Source indexes ----------------------------------------------------------------------------------

type EesIndex = Map<string, CsvRow[]>;
const key = (area: AreaKey, period: number) => `${area}|${period}`;

function indexEesFile(file: string, name: string): EesIndex {
  const index: EesIndex = new Map();
  for (const [rowNumber, row] of readCsv(file).entries()) {
    const period = Number(row.time_period);
    if (!Number.isInteger(period)) throw new Error(`${name} row ${rowNumber + 2}: bad time_period`);
    for (const area of eesAreas(row, `${name} row ${rowNumber + 2}`)) {
      const k = key(area, period);
      const rows = index.get(k);
      if (rows) rows.push(row);
      else index.set(k, [row]);
    }
  }
  return index;
}

/** LAIT values by measure, then area|period. Financial-year labels ("2016-17 (OT)") are not indexed. */
type LaitIndex = Map<string, Map<string, string>>;

function indexLait(file: string): LaitIndex {
  const index: LaitIndex = new Map();
  for (const row of readCsv(file)) {
    if (!/^\d{4}$/.test(row.year_label ?? '')) continue;
    const laNumber = row.la_number ?? '';
    const area = LAIT_AREA_NUMBERS[laNumber] ?? councilArea(laNumber, undefined, `LAIT ${row.short_desc}`);
    let byArea = index.get(row.short_desc ?? '');
    if (!byArea) {
      byArea = new Map();
      index.set(row.short_desc ?? '', byArea);
    }
    byArea.set(key(area, Number(row.year_label)), row.value_raw ?? '');
  }
  return index;
}

export interface SourceIndexes {
  readonly ees: ReadonlyMap<PublishedFileId, EesIndex>;
  readonly lait: LaitIndex;
}

export function indexSources(referenceDir: string): SourceIndexes {
  const ees = new Map<PublishedFileId, EesIndex>();
  for (const file of Object.values(PUBLISHED_FILES)) {
    if (file.id === 'lait') continue;
    ees.set(file.id, indexEesFile(path.join(referenceDir, file.path), file.path));
  }
  return { ees, lait: indexLait(path.join(referenceDir, PUBLISHED_FILES.lait.path)) };
}

// Reading cells -----------------------------------------------------------------------------------

function matches(row: CsvRow, where: Readonly<Record<string, string>> | undefined): boolean {
  if (!where) return true;
  return Object.entries(where).every(([column, wanted]) => row[column] === wanted);
}

/** The published figure in one column for an area and period, or undefined if no row matches. */
function readEesColumn(
  sources: SourceIndexes,
  ref: EesColumn,
  area: AreaKey,
  period: number,
): PublishedFigure | undefined {
  const rows = sources.ees.get(ref.file)?.get(key(area, period));
  if (!rows) return undefined;
  const matching = rows.filter((row) => matches(row, ref.where));
  if (matching.length === 0) return undefined;
  if (matching.length > 1)
    throw new Error(`${ref.file} ${ref.column}: ${matching.length} rows for ${area} ${period}`);
  const text = matching[0]![ref.column];
  if (text === undefined) throw new Error(`${ref.file}: no column ${ref.column}`);
  return parsePublishedFigure(text);
}

/**
 * LAIT's dataset went through binary floating point, so a published 54.8 can arrive as 54.800000000000004.
 * Twelve significant digits is far beyond any published precision and removes that noise.
 */
export function withoutFloatNoise(figure: PublishedFigure): PublishedFigure {
  return typeof figure === 'number' ? Number(figure.toPrecision(12)) : figure;
}

/** Adds published columns (for denominators DfE defines but does not print); any symbol wins over a sum. */
function readColumnSum(
  sources: SourceIndexes,
  sum: ColumnSum,
  area: AreaKey,
  period: number,
): PublishedFigure | undefined {
  let total = 0;
  for (const ref of sum.sumOf) {
    const figure = readEesColumn(sources, ref, area, period);
    if (figure === undefined || typeof figure !== 'number') return figure;
    total += figure;
  }
  return Math.round(total * 1e6) / 1e6;
}

const store = (figure: PublishedFigure | undefined): StoredFigure | null =>
  figure === undefined ? null : typeof figure === 'number' ? figure : figure.missing;

interface BuiltCell {
  readonly area: AreaKey;
  readonly period: number;
  readonly value: StoredFigure;
  readonly numerator: StoredFigure | null;
  readonly denominator: StoredFigure | null;
}

const endsInSeptember = (indicator: IndicatorDefinition) => indicator.periodBasis.endsWith('september');

/** Whether the area existed in the period (England and regions always did). */
function areaExisted(area: AreaKey, period: number, indicator: IndicatorDefinition): boolean {
  if (!/^\d{3}$/.test(area)) return true;
  return councilExistedIn(area, period, endsInSeptember(indicator));
}

export interface IndicatorBuild {
  readonly stored: StoredIndicator;
  /** Cells where LAIT and EES both publish the value, and how many of them agree. */
  readonly laitCrossCheck: { compared: number; agreeing: number };
}

export function buildIndicator(indicator: IndicatorDefinition, sources: SourceIndexes): IndicatorBuild {
  const spans: [number, number, PublishedFileId][] = [];
  const cells = new Map<string, BuiltCell>();
  let compared = 0;
  let agreeing = 0;

  for (const mapping of indicator.published) {
    const sourceId = mapping.value.file;
    for (let period = mapping.from; period <= mapping.to; period += 1) {
      const candidates: [AreaKey, PublishedFigure][] = [];
      if (mapping.value.file === 'lait') {
        const byArea = sources.lait.get(mapping.value.measure);
        if (!byArea) throw new Error(`${indicator.code}: LAIT has no measure ${mapping.value.measure}`);
        for (const [areaPeriod, text] of byArea) {
          const [area, labelPeriod] = areaPeriod.split('|') as [AreaKey, string];
          if (Number(labelPeriod) !== period) continue;
          const figure = withoutFloatNoise(parsePublishedFigure(text));
          // LAIT prints "-" for every area it has no value for, including councils that did not exist yet.
          if (typeof figure !== 'number' && !areaExisted(area, period, indicator)) continue;
          candidates.push([area, figure]);
        }
      } else {
        const valueColumn = mapping.value;
        const index = sources.ees.get(valueColumn.file);
        if (!index) throw new Error(`${indicator.code}: no index for ${valueColumn.file}`);
        for (const areaPeriod of index.keys()) {
          const [area, labelPeriod] = areaPeriod.split('|') as [AreaKey, string];
          if (Number(labelPeriod) !== period) continue;
          const figure = readEesColumn(sources, valueColumn, area, period);
          if (figure !== undefined) candidates.push([area, figure]);
        }
      }

      for (const [area, value] of candidates) {
        const cellKey = key(area, period);
        if (cells.has(cellKey)) continue;
        const span = spans.at(-1);
        if (!span || span[0] !== mapping.from || span[2] !== sourceId)
          spans.push([mapping.from, mapping.to, sourceId]);
        const numerator = mapping.numerator
          ? readEesColumn(sources, mapping.numerator, area, period)
          : undefined;
        const denominator = !mapping.denominator
          ? undefined
          : 'sumOf' in mapping.denominator
            ? readColumnSum(sources, mapping.denominator, area, period)
            : readEesColumn(sources, mapping.denominator, area, period);
        cells.set(cellKey, {
          area,
          period,
          value: store(value)!,
          numerator: store(numerator),
          denominator: store(denominator),
        });

        if (indicator.laitMeasure && sourceId !== 'lait' && typeof value === 'number') {
          const laitText = sources.lait.get(indicator.laitMeasure)?.get(cellKey);
          if (laitText !== undefined && laitText !== '-') {
            compared += 1;
            if (withoutFloatNoise(Number(laitText)) === value) agreeing += 1;
          }
        }
      }
    }
  }

  return {
    stored: storeByColumn(indicator, [...cells.values()], spans),
    laitCrossCheck: { compared, agreeing },
  };
}

/** Lays the cells out as one series per area from the first to the last published period. */
function storeByColumn(
  indicator: IndicatorDefinition,
  cells: readonly BuiltCell[],
  spans: [number, number, PublishedFileId][],
): StoredIndicator {
  if (cells.length === 0) return { from: 0, to: -1, sources: [], values: {} };
  const from = Math.min(...cells.map((cell) => cell.period));
  const to = Math.max(...cells.map((cell) => cell.period));
  const areas = [...new Set(cells.map((cell) => cell.area))].sort(compareAreas);
  const series = (pick: (cell: BuiltCell) => StoredFigure | null): Record<AreaKey, StoredSeries> => {
    const out: Record<AreaKey, StoredSeries> = {};
    for (const area of areas) {
      const entries: (StoredFigure | null)[] = new Array(to - from + 1).fill(null);
      for (const cell of cells) if (cell.area === area) entries[cell.period - from] = pick(cell);
      if (entries.some((entry) => entry !== null)) out[area] = entries;
    }
    return out;
  };
  const numerators = series((cell) => cell.numerator);
  const denominators = series((cell) => cell.denominator);
  const sources = spans
    .map(([spanFrom, spanTo, file]) => [Math.max(spanFrom, from), Math.min(spanTo, to), file] as const)
    .sort((a, b) => a[0] - b[0]);
  if (sources.some(([spanFrom, spanTo]) => spanFrom > spanTo)) {
    throw new Error(`${indicator.code}: a published mapping lies outside the published periods`);
  }
  return {
    from,
    to,
    sources,
    values: series((cell) => cell.value),
    ...(Object.keys(numerators).length > 0 ? { numerators } : {}),
    ...(Object.keys(denominators).length > 0 ? { denominators } : {}),
  };
}

/** England first, then regions, then councils by DfE number. */
function compareAreas(a: AreaKey, b: AreaKey): number {
  const rank = (area: AreaKey) => (area === ENGLAND ? 0 : /^\d{3}$/.test(area) ? 2 : 1);
  return rank(a) - rank(b) || (a < b ? -1 : a > b ? 1 : 0);
}

function areaNames(): Record<AreaKey, string> {
  const names: Record<AreaKey, string> = { [ENGLAND]: 'England' };
  for (const [slug, name] of Object.entries(REGIONS)) names[slug] = name;
  names['inner-london'] = 'Inner London';
  names['outer-london'] = 'Outer London';
  for (const council of COUNCILS) names[council.la] = council.name;
  for (const entry of SUPERSEDED_CODES) {
    if (entry.kind === 'council') names[entry.la] = `${entry.name} (until ${entry.effective})`;
  }
  return names;
}

export function buildBaseline(referenceDir: string = REFERENCE_DIR): {
  document: BaselineDocument;
  crossChecks: Record<string, { compared: number; agreeing: number }>;
} {
  const sources = indexSources(referenceDir);
  const indicators: Record<string, StoredIndicator> = {};
  const crossChecks: Record<string, { compared: number; agreeing: number }> = {};
  let firstPeriod = Number.POSITIVE_INFINITY;
  let latestPeriod = Number.NEGATIVE_INFINITY;
  for (const indicator of INDICATORS) {
    const built = buildIndicator(indicator, sources);
    indicators[indicator.code] = built.stored;
    crossChecks[indicator.code] = built.laitCrossCheck;
    if (built.stored.to >= built.stored.from) {
      firstPeriod = Math.min(firstPeriod, built.stored.from);
      latestPeriod = Math.max(latestPeriod, built.stored.to);
    }
  }
  const usedSources = new Set<PublishedFileId>(
    Object.values(indicators).flatMap((indicator) => indicator.sources.map(([, , file]) => file)),
  );
  for (const indicator of INDICATORS) {
    for (const mapping of indicator.published) {
      if (mapping.numerator) usedSources.add(mapping.numerator.file);
      if (mapping.denominator) {
        for (const ref of 'sumOf' in mapping.denominator
          ? mapping.denominator.sumOf
          : [mapping.denominator]) {
          usedSources.add(ref.file);
        }
      }
    }
  }

  const document: BaselineDocument = {
    format: 'upstream-national-baseline',
    version: BASELINE_VERSION,
    firstPeriod,
    latestPeriod,
    attribution: `${OGL_ATTRIBUTION} Source: Department for Education.`,
    sources: Object.values(PUBLISHED_FILES)
      .filter((file) => usedSources.has(file.id))
      .map((file) => ({ ...file, licence: 'Open Government Licence v3.0' })),
    missingSymbols: MISSING_SYMBOLS,
    areas: areaNames(),
    supersededCodes: SUPERSEDED_CODES,
    jointReturns: JOINT_RETURNS,
    indicators,
  };
  return { document, crossChecks };
}

// Statistical neighbours --------------------------------------------------------------------------

export function buildStatNeighbours(referenceDir: string = REFERENCE_DIR): StatNeighboursDocument {
  const neighbours: Record<string, [string, string][]> = {};
  for (const row of readCsv(path.join(referenceDir, 'stat_neighbours_may2025.csv'))) {
    const la = row.la_number ?? '';
    if (!findCouncil(la)) continue; // retired councils keep a neighbour list in DfE's file; we do not need it
    const neighbour = row.sn_la_number ?? '';
    if (!findCouncil(neighbour)) throw new Error(`Neighbour ${neighbour} of ${la} is not a current council`);
    const list = neighbours[la] ?? [];
    list[Number(row.sn_rank) - 1] = [neighbour, (row.closeness ?? '').toLowerCase()];
    neighbours[la] = list;
  }
  for (const council of COUNCILS) {
    const list = neighbours[council.la];
    if (list?.length !== 10 || list.some((entry) => !entry)) {
      throw new Error(`Council ${council.la} does not have exactly 10 ranked statistical neighbours`);
    }
  }
  return {
    format: 'upstream-stat-neighbours',
    version: 'May 2025',
    source:
      'DfE children\u2019s services statistical neighbour benchmarking (10 neighbours per council, ranked by ' +
      'closeness), as used by LAIT. Obtained from dfe-analytical-services/local-authority-interactive-tool : ' +
      '01_data/02_prod/sn_may_2025.xlsx @ b3494e3d.',
    attribution: OGL_ATTRIBUTION,
    neighbours: Object.fromEntries(Object.entries(neighbours).sort(([a], [b]) => (a < b ? -1 : 1))),
  };
}

// Output ------------------------------------------------------------------------------------------

const LINE_WIDTH = 110;

/**
 * Serialises JSON the way the repository formatter lays it out (2-space indent; objects always broken
 * over lines; arrays of scalars kept on one line when they fit), so the committed files stay lint-clean.
 */
export function formatJson(value: unknown): string {
  return `${formatValue(value, 0, '', false)}\n`;
}

function isScalar(value: unknown): boolean {
  return value === null || typeof value !== 'object';
}

/** One-line form of scalars and of arrays made only of scalars and such arrays; null for objects. */
function inline(value: unknown): string | null {
  if (isScalar(value)) return JSON.stringify(value);
  if (!Array.isArray(value)) return null;
  const parts: string[] = [];
  for (const element of value) {
    const part = inline(element);
    if (part === null) return null;
    parts.push(part);
  }
  return `[${parts.join(', ')}]`;
}

function formatValue(value: unknown, depth: number, prefix: string, followedByComma: boolean): string {
  const indent = '  '.repeat(depth);
  if (isScalar(value)) return JSON.stringify(value);
  const single = inline(value);
  // A comma after the value counts towards the line width, as the formatter measures it.
  if (
    single !== null &&
    indent.length + prefix.length + single.length + (followedByComma ? 1 : 0) <= LINE_WIDTH
  ) {
    return single;
  }
  const inner = '  '.repeat(depth + 1);
  if (Array.isArray(value)) {
    if (value.length === 0) return '[]';
    if (value.length > 1 && value.every((element) => typeof element === 'number')) {
      return `[\n${fillNumbers(value as number[], inner)}\n${indent}]`;
    }
    const lines = value.map(
      (element, index) => inner + formatValue(element, depth + 1, '', index < value.length - 1),
    );
    return `[\n${lines.join(',\n')}\n${indent}]`;
  }
  const entries = Object.entries(value as Record<string, unknown>);
  if (entries.length === 0) return '{}';
  const lines = entries.map(([name, element], index) => {
    const label = `${JSON.stringify(name)}: `;
    return inner + label + formatValue(element, depth + 1, label, index < entries.length - 1);
  });
  return `{\n${lines.join(',\n')}\n${indent}}`;
}

/** Arrays made only of numbers are packed: as many per line as fit, as the formatter prints them. */
function fillNumbers(numbers: readonly number[], indent: string): string {
  const lines: string[] = [];
  let line = indent + JSON.stringify(numbers[0]);
  for (const number of numbers.slice(1)) {
    const text = JSON.stringify(number);
    if (line.length + 2 + text.length <= LINE_WIDTH) {
      line += `, ${text}`;
    } else {
      lines.push(`${line},`);
      line = indent + text;
    }
  }
  lines.push(line);
  return lines.join('\n');
}

function main(): void {
  const { document, crossChecks } = buildBaseline();
  const baselinePath = path.join(OUTPUT_DIR, 'national-baseline.json');
  writeFileSync(baselinePath, formatJson(document));
  const neighboursPath = path.join(OUTPUT_DIR, 'stat-neighbours.json');
  writeFileSync(neighboursPath, formatJson(buildStatNeighbours()));

  for (const [code, stored] of Object.entries(document.indicators)) {
    const check = crossChecks[code];
    const agreement =
      check && check.compared > 0 ? `; LAIT agrees on ${check.agreeing}/${check.compared}` : '';
    const spans = stored.sources.map(([from, to, file]) => `${file} ${from}-${to}`).join(', ');
    console.log(`${code}: ${Object.keys(stored.values).length} areas, ${spans}${agreement}`);
  }
  console.log(
    `wrote ${path.relative(repoRoot, baselinePath)} and ${path.relative(repoRoot, neighboursPath)}`,
  );
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) main();
