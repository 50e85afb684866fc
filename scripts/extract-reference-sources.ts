// Script: makes the compact extracts of DfE's and Ofsted's published files that the repository keeps under
// shared/reference/sources/, from a folder holding the files as published (the layout SOURCES.md lists).
//
//   npx tsx scripts/extract-reference-sources.ts <folder of the published files>
//
// Each EES file keeps its area and period columns, the columns the indicator register reads, and the rows its
// filters select; the LAIT long file keeps the register's measures and the backtest's deprivation measure; the
// LAIT data dictionary keeps each measure's name and polarity. Ofsted's files and the statistical neighbours are
// small and copied whole. Re-run it after changing the register, then `npx tsx scripts/build-baseline.ts`.
import { copyFileSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parse } from 'csv-parse/sync';
import { PUBLISHED_FILES, type PublishedFileId } from '../shared/domain/indicators/published-sources.ts';
import { type EesColumn, INDICATORS, type LaitMeasure } from '../shared/domain/indicators/register.ts';

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
export const SOURCES_DIR = path.join(repoRoot, 'shared', 'reference', 'sources');

/** Columns every EES row needs to be placed in time and space. */
const EES_AREA_COLUMNS = [
  'time_period',
  'geographic_level',
  'region_name',
  'old_la_code',
  'la_name',
  'new_la_code',
];
/** LAIT measures read outside the register: the backtest's deprivation proxy. */
const EXTRA_LAIT_MEASURES = ['Ever6_FSM_Prim'];
const COPIED_WHOLE = [
  'stat_neighbours_may2025.csv',
  'lait_csc_subset_measures.csv',
  'ofsted_ilacs_history_2018_2025.csv',
  'ofsted_la_inspections_2009_2023_all_frameworks.csv',
  'ofsted_la_inspections_as_at_31mar2025.csv',
];

type Row = Record<string, string>;

function readCsv(file: string): { header: string[]; rows: Row[] } {
  const rows = parse(readFileSync(file), { columns: true, bom: true, skip_empty_lines: true }) as Row[];
  return { header: Object.keys(rows[0] ?? {}), rows };
}

function csvCell(value: string): string {
  return /[",\n\r]/.test(value) ? `"${value.replaceAll('"', '""')}"` : value;
}

function writeCsv(file: string, columns: readonly string[], rows: readonly Row[]): void {
  const lines = [
    columns.join(','),
    ...rows.map((row) => columns.map((c) => csvCell(row[c] ?? '')).join(',')),
  ];
  writeFileSync(file, `${lines.join('\n')}\n`);
}

/** Every published reference in the register, EES columns by file and LAIT measures. */
function registerReferences(): { ees: Map<PublishedFileId, EesColumn[]>; lait: Set<string> } {
  const ees = new Map<PublishedFileId, EesColumn[]>();
  const lait = new Set(EXTRA_LAIT_MEASURES);
  const add = (ref: EesColumn | LaitMeasure) => {
    if (ref.file === 'lait') lait.add(ref.measure);
    else ees.set(ref.file, [...(ees.get(ref.file) ?? []), ref]);
  };
  for (const indicator of INDICATORS) {
    if (indicator.laitMeasure) lait.add(indicator.laitMeasure);
    for (const mapping of indicator.published) {
      add(mapping.value);
      if (mapping.numerator) add(mapping.numerator);
      if (mapping.denominator) {
        for (const ref of 'sumOf' in mapping.denominator ? mapping.denominator.sumOf : [mapping.denominator])
          add(ref);
      }
    }
  }
  return { ees, lait };
}

const selects = (row: Row, ref: EesColumn) =>
  Object.entries(ref.where ?? {}).every(([column, value]) => row[column] === value);

export function extractSources(publishedDir: string, outDir: string = SOURCES_DIR): void {
  mkdirSync(path.join(outDir, 'ees'), { recursive: true });
  const references = registerReferences();

  for (const [fileId, refs] of references.ees) {
    const file = PUBLISHED_FILES[fileId];
    const { header, rows } = readCsv(path.join(publishedDir, file.path));
    const wanted = new Set([
      ...EES_AREA_COLUMNS,
      ...refs.flatMap((ref) => [ref.column, ...Object.keys(ref.where ?? {})]),
    ]);
    const columns = header.filter((column) => wanted.has(column));
    writeCsv(
      path.join(outDir, file.path),
      columns,
      rows.filter((row) => refs.some((ref) => selects(row, ref))),
    );
  }

  const lait = readCsv(path.join(publishedDir, PUBLISHED_FILES.lait.path));
  writeCsv(
    path.join(outDir, PUBLISHED_FILES.lait.path),
    lait.header,
    lait.rows.filter((row) => references.lait.has(row.short_desc ?? '')),
  );

  const dictionary = readCsv(path.join(publishedDir, 'lait_data_dictionary.csv'));
  writeCsv(
    path.join(outDir, 'lait_data_dictionary.csv'),
    ['Measure_short', 'Measure', 'Polarity'],
    dictionary.rows.filter((row) => references.lait.has(row.Measure_short ?? '')),
  );

  for (const name of COPIED_WHOLE) copyFileSync(path.join(publishedDir, name), path.join(outDir, name));
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const publishedDir = process.argv[2];
  if (!publishedDir) {
    console.error('usage: npx tsx scripts/extract-reference-sources.ts <folder of the published files>');
    process.exit(1);
  }
  extractSources(path.resolve(publishedDir));
  console.log(`wrote the extracts to ${path.relative(repoRoot, SOURCES_DIR)}`);
}
