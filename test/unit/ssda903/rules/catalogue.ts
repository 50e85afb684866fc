// Test helper: the DfE SSDA903 rule catalogue for 2026/27 (shared/reference/rules), with "last defined" years as
// collection years (lac2024_25 → 2025).
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { parse } from 'csv-parse/sync';

export const CATALOGUE_PATH = resolve(
  import.meta.dirname,
  '../../../../shared/reference/rules/ssda903_rules_2026_27.csv',
);

export interface CatalogueEntry {
  readonly code: string;
  readonly message: string;
  readonly fields: readonly string[];
  readonly tables: readonly string[];
  /** Collection year the rule was last defined in. */
  readonly lastDefined: number;
}

export function readCatalogue(): Map<string, CatalogueEntry> {
  const records: Record<string, string>[] = parse(readFileSync(CATALOGUE_PATH, 'utf8'), {
    columns: true,
    bom: true,
  });
  return new Map(
    records.map((record) => {
      const match = /^lac(\d{4})_(\d{2})$/.exec(record.last_defined_in ?? '');
      if (!match) throw new Error(`unexpected last_defined_in: ${record.last_defined_in}`);
      const entry: CatalogueEntry = {
        code: record.code ?? '',
        message: record.message ?? '',
        fields: (record.affected_fields ?? '').split(' ').filter(Boolean),
        tables: (record.tables ?? '').split(' ').filter(Boolean),
        lastDefined: Number(match[1]) + 1,
      };
      return [entry.code, entry];
    }),
  );
}
