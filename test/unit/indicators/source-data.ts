// Test helper: reads the extracts of DfE's published files in shared/reference/sources directly,
// independently of the baseline builder, so tests can compare against the source.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parse } from 'csv-parse/sync';

export const REPO_ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..', '..');
export const REFERENCE_DIR = path.join(REPO_ROOT, 'shared', 'reference', 'sources');

export type SourceRow = Record<string, string>;

const cache = new Map<string, SourceRow[]>();

/** Rows of a file under the reference folder, e.g. `ees/c1_…csv`, with the header as keys. */
export function readReferenceCsv(relativePath: string): SourceRow[] {
  let rows = cache.get(relativePath);
  if (!rows) {
    rows = parse(readFileSync(path.join(REFERENCE_DIR, relativePath)), {
      columns: true,
      bom: true,
    }) as SourceRow[];
    cache.set(relativePath, rows);
  }
  return rows;
}

/** The single row matching every given column value; fails loudly when there is not exactly one. */
export function onlyRow(relativePath: string, match: Readonly<Record<string, string>>): SourceRow {
  const rows = readReferenceCsv(relativePath).filter((row) =>
    Object.entries(match).every(([column, value]) => row[column] === value),
  );
  if (rows.length !== 1)
    throw new Error(`${relativePath}: ${rows.length} rows match ${JSON.stringify(match)}`);
  return rows[0]!;
}
