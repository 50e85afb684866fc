import { describe, expect, it } from 'vitest';
import type { ByteRow } from '#domain/ssda903/byte-row';
import {
  createByteRowChecker,
  createRowChecker,
  isUkDate,
  isUkDateBytes,
} from '#domain/ssda903/field-checks';
import type { Finding, Row, TableName } from '#domain/ssda903/model';
import { rulesFor } from '#domain/ssda903/rules/registry';
import { type FieldSpec, schemaForYear, type TableSpec } from '#domain/ssda903/schema';

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
  // One or two bytes, as most codes are: ASCII, and one character of two bytes.
  'A',
  'N9',
  'é',
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

/** A row as the CSV reader hands it over: its values in the table's column order, as ranges of one buffer. */
function byteRowOf(spec: TableSpec, row: Row): ByteRow {
  const pieces: Buffer[] = [];
  const starts = new Int32Array(spec.columns.length);
  const ends = new Int32Array(spec.columns.length);
  let at = 0;
  // Written in reverse, so that the ranges are not in column order.
  for (let column = spec.columns.length - 1; column >= 0; column--) {
    const bytes = Buffer.from(row.values[spec.columns[column]!] ?? '', 'utf8');
    pieces.push(bytes);
    starts[column] = at;
    at += bytes.length;
    ends[column] = at;
  }
  return { table: row.table, rowNumber: row.rowNumber, bytes: Buffer.concat(pieces), starts, ends };
}

describe('field checks on the bytes of a CSV row', () => {
  const schema = schemaForYear(2026);
  const everyRule = new Set(rulesFor(2026).map((rule) => rule.code));

  for (const rulesInForce of [new Set<string>(), everyRule]) {
    it(`find what the checks on rows find, in every table (${rulesInForce.size} rules in force)`, () => {
      const random = generator(14 + rulesInForce.size);
      for (const spec of schema.tables.values()) {
        // A row without the table's last column (the CSV reader gives such a value as empty).
        const columns = spec.columns.slice(0, -1);
        const rows: Row[] = Array.from({ length: 400 }, (_, index) => {
          const values: Record<string, string> = {};
          for (const column of columns) values[column] = valueFor(spec, column, random);
          return { table: spec.name as TableName, rowNumber: index + 2, values };
        });
        const fromBytes: Finding[] = [];
        const checkBytes = createByteRowChecker(spec, rulesInForce);
        for (const row of rows) checkBytes(byteRowOf(spec, row), (found) => fromBytes.push(found));
        const fromRows: Finding[] = [];
        const checkRow = createRowChecker(spec, rulesInForce);
        for (const row of rows) checkRow(row, (found) => fromRows.push(found));
        expect(fromBytes.length).toBeGreaterThan(0);
        expect(fromBytes).toEqual(fromRows);
      }
    });
  }

  it('find what the checks on rows find for limits and blanks the schema does not use today', () => {
    const fields: FieldSpec[] = [
      { name: 'CHILD', type: 'string', required: true, maxLength: 4 },
      { name: 'DOB', type: 'date', required: false, maxLength: 9 },
      { name: 'COUNT', type: 'integer', required: true, maxLength: 2 },
      { name: 'CODE', type: 'code', required: false, maxLength: 1, codes: ['AB', 'C'] },
      { name: 'NOTE', type: 'string', required: false },
    ];
    const spec: TableSpec = {
      name: 'Header',
      columns: fields.map((field) => field.name),
      fields: new Map(fields.map((field) => [field.name, field])),
    };
    const random = generator(7);
    const rows: Row[] = Array.from({ length: 300 }, (_, index) => {
      const values: Record<string, string> = {};
      for (const column of spec.columns) values[column] = valueFor(spec, column, random);
      return { table: 'Header', rowNumber: index + 2, values };
    });
    const fromBytes: Finding[] = [];
    const checkBytes = createByteRowChecker(spec);
    for (const row of rows) checkBytes(byteRowOf(spec, row), (found) => fromBytes.push(found));
    const fromRows: Finding[] = [];
    const checkRow = createRowChecker(spec);
    for (const row of rows) checkRow(row, (found) => fromRows.push(found));
    expect(new Set(fromBytes.map((found) => found.code)).size).toBeGreaterThanOrEqual(5);
    expect(fromBytes).toEqual(fromRows);
  });

  it('judge a date on its bytes as on its text, written in full or not', () => {
    const dates = [
      '31/03/2025',
      '31/04/2025',
      '29/02/2024',
      '29/02/2025',
      '29/02/1900',
      '29/02/2000',
      '01/01/0100',
      '01/01/0099',
      '00/01/2025',
      '01/00/2025',
      '01/13/2025',
      '1/4/2025',
      '01/4/2025',
      '1/04/2025',
      '3a/01/2025',
      '01/0b/2025',
      '01/01/20x5',
      '01/01/202/',
      '/1/01/2025',
      '01//1/2025',
      '01/1//2025',
      '2025-04-01',
      '01-04-2025',
      '01/04/25',
      '01/04/202511',
      ' 1/04/2025',
      '01/04/2025 ',
      '０1/04/2025',
    ];
    const random = generator(10);
    const alphabet = '0123456789/-a ';
    const pick = (count: number): number => Math.floor(random() * count);
    for (let index = 0; index < 5000; index++) {
      const padded = (value: number, width: number): string =>
        random() < 0.9 ? String(value).padStart(width, '0') : String(value);
      let date = `${padded(pick(33), 2)}/${padded(pick(14), 2)}/${padded(pick(2100), 4)}`;
      if (random() < 0.3) {
        const at = pick(date.length);
        date = date.slice(0, at) + alphabet[pick(alphabet.length)] + date.slice(at + 1);
      }
      dates.push(date);
    }
    let real = 0;
    for (const date of dates) {
      const bytes = Buffer.from(`,${date},`);
      expect(isUkDateBytes(bytes, 1, bytes.length - 1), date).toBe(isUkDate(date));
      if (isUkDate(date)) real++;
    }
    expect(real).toBeGreaterThan(100);
  });
});
