// Test helper: the fake SSDA903 return in shared/demo/ssda903 (2,675 children, with invalid
// values planted on purpose), located from this file so no machine path is written down.
import { createReadStream, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parse } from 'csv-parse/sync';
import { type CsvTables, toXml } from '#domain/generate/ssda903-xml';
import type { InputFile } from '#domain/ssda903/engine';
import type { TableName } from '#domain/ssda903/model';
import { buildZip } from './zip-writer.ts';

export const REPO_ROOT = fileURLToPath(new URL('../../../../', import.meta.url));
export const SAMPLE_DIR = join(REPO_ROOT, 'shared', 'demo', 'ssda903');

export function sampleFileNames(): string[] {
  return readdirSync(SAMPLE_DIR)
    .filter((name) => name.endsWith('.csv'))
    .sort();
}

export function sampleInputs(names: readonly string[] = sampleFileNames()): InputFile[] {
  return names.map((name) => ({ name, body: createReadStream(join(SAMPLE_DIR, name)) }));
}

export interface SampleTable {
  readonly columns: string[];
  readonly rows: Record<string, string>[];
}

const tableCache = new Map<string, SampleTable>();
const xmlCache = new Map<string, string>();

/** Reads a sample file independently of the code under test (csv-parse's sync API, BOM stripped). Cached: do not modify. */
export function readSampleTable(name: string): SampleTable {
  const cached = tableCache.get(name);
  if (cached) return cached;
  const table = parseSampleTable(name);
  tableCache.set(name, table);
  return table;
}

function parseSampleTable(name: string): SampleTable {
  const text = readFileSync(join(SAMPLE_DIR, name), 'utf8').replace(/^\uFEFF/, '');
  const records = parse(text, { skip_empty_lines: true }) as string[][];
  const [columns = [], ...data] = records;
  const header = columns.map((column) => column.trim());
  return {
    columns: header,
    rows: data.map((record) =>
      Object.fromEntries(header.map((column, index) => [column, (record[index] ?? '').trim()])),
    ),
  };
}

/** The sample files the XML form can carry (it has no place for social-worker episodes or DoLo). */
export const XML_SAMPLE_FILES: Readonly<Record<string, TableName>> = {
  'header.csv': 'Header',
  'episodes.csv': 'Episodes',
  'uasc.csv': 'UASC',
  'reviews.csv': 'Reviews',
  'oc2.csv': 'OC2',
  'oc3.csv': 'OC3',
  'ad1.csv': 'AD1',
  'placed_for_adoption.csv': 'PlacedAdoption',
  'previous_permanence.csv': 'PrevPerm',
  'missing.csv': 'Missing',
};

/** The sample (its XML-able tables) as one EXPSSDA903 file, written by the generator's XML writer, not the reader. */
export function sampleAsXml(options: { isoDates?: boolean } = {}): string {
  const key = options.isoDates ? 'iso' : 'uk';
  const cached = xmlCache.get(key);
  if (cached !== undefined) return cached;
  const tables: CsvTables = {};
  for (const [name, table] of Object.entries(XML_SAMPLE_FILES)) tables[table] = readSampleTable(name).rows;
  const xml = toXml(tables, options);
  xmlCache.set(key, xml);
  return xml;
}

/** The given sample files, byte for byte, in one ZIP. */
export function sampleAsZip(names: readonly string[] = sampleFileNames()): Buffer {
  return buildZip(names.map((name) => ({ name, data: readFileSync(join(SAMPLE_DIR, name)) })));
}
