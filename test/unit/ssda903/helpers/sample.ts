// Test helper: the fake SSDA903 return in ../shared/data/samples/ssda903 (2,675 children, with invalid
// values planted on purpose), located from this file so no machine path is written down.
import { createReadStream, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parse } from 'csv-parse/sync';
import type { InputFile } from '#domain/ssda903/engine';

export const REPO_ROOT = fileURLToPath(new URL('../../../../', import.meta.url));
export const SAMPLE_DIR = join(REPO_ROOT, '..', 'shared', 'data', 'samples', 'ssda903');

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

/** Reads a sample file independently of the code under test (csv-parse's sync API, BOM stripped). */
export function readSampleTable(name: string): SampleTable {
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
