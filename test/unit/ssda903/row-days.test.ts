import { describe, expect, it } from 'vitest';
import { parseUkDate } from '#domain/dates';
import { ReturnStore } from '#domain/ssda903/child-store';
import type { Row, TableName } from '#domain/ssda903/model';
import { DATE_FIELDS, dayOf, daysOf } from '#domain/ssda903/row-days';
import { ALL_TABLES, schemaForYear } from '#domain/ssda903/schema';
import { byteRowOf } from './helpers/byte-rows.ts';

const YEARS = [2020, 2023, 2024, 2025, 2026, 2027, 2030];

/** Every field the schema of some year types as a date, and every other field. */
function schemaFields(): { dates: Set<string>; others: Set<string> } {
  const dates = new Set<string>();
  const others = new Set<string>();
  for (const year of YEARS) {
    for (const spec of schemaForYear(year).tables.values()) {
      for (const field of spec.fields.values()) (field.type === 'date' ? dates : others).add(field.name);
    }
  }
  return { dates, others };
}

// Values a return may hold in a date field: real dates, impossible ones, other forms, blanks.
const SAMPLES = [
  '01/04/2025',
  '1/4/2025',
  '29/02/2024',
  '29/02/2025',
  '31/13/2020',
  '2025-04-01',
  ' 01/04/2025',
  'x',
  '',
];

describe('row days', () => {
  it('names exactly the fields the schema types as dates, in every year', () => {
    const { dates, others } = schemaFields();
    expect([...DATE_FIELDS].sort()).toEqual([...dates].sort());
    for (const field of DATE_FIELDS) expect(others.has(field)).toBe(false);
  });

  it('parses a value as a UK date, with blank and absent values as null', () => {
    for (const text of SAMPLES) expect(dayOf(text)).toBe(text === '' ? null : parseUkDate(text));
    expect(dayOf(undefined)).toBeNull();
  });

  it('gives a row made by hand its dates, parsed from its values, and the same object when asked again', () => {
    const row: Row = {
      table: 'Episodes',
      rowNumber: 2,
      values: { CHILD: 'A', DECOM: '01/04/2025', DEC: '31/02/2025', PLACE: 'U1' },
    };
    const days = daysOf(row);
    expect(days).toEqual({ DECOM: parseUkDate('01/04/2025'), DEC: null });
    expect(days.PLACE).toBeUndefined();
    expect(daysOf(row)).toBe(days);
  });

  it('has the store build every table’s rows with each date column parsed, as daysOf would from its values', () => {
    const schema = schemaForYear(2027);
    const tables = ALL_TABLES.filter((table) => schema.tables.has(table));
    const store = new ReturnStore(new Set<TableName>(tables));
    const made: Row[] = [];
    let rowNumber = 2;
    for (const table of tables) {
      const columns = schema.tables.get(table)!.columns;
      store.declareTable(table, columns);
      for (const sample of SAMPLES) {
        const values = Object.fromEntries(
          columns.map((column, at) => [
            column,
            column === 'CHILD' ? 'C1' : SAMPLES[(at + rowNumber) % SAMPLES.length]!,
          ]),
        );
        values[columns.find((column) => DATE_FIELDS.includes(column))!] = sample;
        const row: Row = { table, rowNumber: rowNumber++, values };
        made.push(row);
        store.addRow(byteRowOf(row, columns));
      }
    }
    const [child] = [...store.children()];
    const stored = tables.flatMap((table) => child!.record.rows[table] ?? []);
    expect(stored).toHaveLength(made.length);
    for (const [at, row] of stored.entries()) {
      expect(row.days).toBeDefined();
      expect(row.days).toEqual(daysOf(made[at]!));
    }
  });
});
