import { describe, expect, it } from 'vitest';
import { createBlockChecker, createRowChecker } from '#domain/ssda903/field-checks';
import type { Finding, Row, TableName } from '#domain/ssda903/model';
import type { RowBlock } from '#domain/ssda903/row-block';
import { rulesFor } from '#domain/ssda903/rules/registry';
import { schemaForYear, type TableSpec } from '#domain/ssda903/schema';

// A small deterministic generator, so a failure can be run again.
function generator(seed: number): () => number {
  let state = seed;
  return () => {
    state = (state * 1_103_515_245 + 12_345) % 2_147_483_648;
    return state / 2_147_483_648;
  };
}

const OTHER_VALUES = [
  '',
  '31/03/2025',
  '29/02/2024',
  '29/02/2025',
  '1/4/2025',
  '2025-04-01',
  '00/01/2025',
  '12',
  '-7',
  '1.5',
  'x',
  'Zoë',
  'é'.repeat(9),
  'a'.repeat(30),
  '😀😀',
  'ABCDEFG',
];

/** A value for a field: often one of its codes, or one a little off, or any of the others. */
function valueFor(spec: TableSpec, column: string, random: () => number): string {
  const codes = spec.fields.get(column)!.codes ?? [];
  const choice = random();
  if (codes.length > 0 && choice < 0.5) {
    const code = codes[Math.floor(random() * codes.length)]!;
    return choice < 0.4 ? code : code.toLowerCase();
  }
  return OTHER_VALUES[Math.floor(random() * OTHER_VALUES.length)]!;
}

/** The rows as one block with the file's columns in the order given. */
function blockOf(table: TableName, columns: readonly string[], rows: readonly Row[]): RowBlock {
  const pieces: Buffer[] = [];
  const starts: number[] = [];
  const ends: number[] = [];
  let at = 0;
  for (const row of rows) {
    for (const column of columns) {
      const bytes = Buffer.from(row.values[column] ?? '', 'utf8');
      pieces.push(bytes);
      starts.push(at);
      at += bytes.length;
      ends.push(at);
    }
  }
  return {
    table,
    columns,
    count: rows.length,
    rowNumbers: Int32Array.from(rows, (row) => row.rowNumber),
    bytes: Buffer.concat(pieces),
    starts: Int32Array.from(starts),
    ends: Int32Array.from(ends),
    refused: null,
  };
}

describe('field checks on the bytes of a CSV block', () => {
  const schema = schemaForYear(2026);
  const everyRule = new Set(rulesFor(2026).map((rule) => rule.code));

  for (const rulesInForce of [new Set<string>(), everyRule]) {
    it(`find what the checks on rows find, in every table (${rulesInForce.size} rules in force)`, () => {
      const random = generator(14 + rulesInForce.size);
      for (const spec of schema.tables.values()) {
        // The file's columns in another order, the last of the table's left out.
        const columns = [...spec.columns.slice(0, -1)].reverse();
        const rows: Row[] = Array.from({ length: 400 }, (_, index) => {
          const values: Record<string, string> = {};
          for (const column of columns) values[column] = valueFor(spec, column, random);
          return { table: spec.name as TableName, rowNumber: index + 2, values };
        });
        const block = blockOf(spec.name as TableName, columns, rows);
        const fromBlock: Finding[] = [];
        const checkBlock = createBlockChecker(spec, columns, rulesInForce);
        for (let row = 0; row < block.count; row++) checkBlock(block, row, (found) => fromBlock.push(found));
        const fromRows: Finding[] = [];
        const checkRow = createRowChecker(spec, rulesInForce);
        for (const row of rows) checkRow(row, (found) => fromRows.push(found));
        expect(fromBlock.length).toBeGreaterThan(0);
        expect(fromBlock).toEqual(fromRows);
      }
    });
  }
});
