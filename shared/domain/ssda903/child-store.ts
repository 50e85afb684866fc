// Domain: holding the rows of a return compactly until every file has been read, then handing them out
// one child at a time.
//
// Memory model. A child's rows are spread over up to twelve files in any order, so child-level checks can
// only start once every file has been read: the rows must be held. They are held packed, not as objects:
// - one flat string per row (the values joined with NUL, which no decoded upload can contain: the decoder
//   refuses NUL bytes), about 16 bytes of string header plus one byte per character;
// - two 32-bit numbers per row in typed arrays (row number, and the child's ordinal);
// - one Map entry per distinct child (its CHILD reference → ordinal).
// Tables that no rule reads keep only the two numbers (enough to tell which children they mention).
// Grouping is a stable counting sort of row indexes by child ordinal (two Int32Arrays per table), so
// file order is kept within a child. Row objects are rebuilt for one child at a time and dropped after.
// A national Episodes file of 1,000,000 rows costs roughly 100 MB here; see scripts/bench-ssda903-parse.ts.
import type { ChildRecord, Row, TableName } from './model.ts';

const SEPARATOR = '\u0000';

class GrowableInt32 {
  private data = new Int32Array(1024);
  length = 0;

  push(value: number): void {
    if (this.length === this.data.length) {
      const bigger = new Int32Array(this.data.length * 2);
      bigger.set(this.data);
      this.data = bigger;
    }
    this.data[this.length++] = value;
  }

  at(index: number): number {
    return this.data[index]!;
  }
}

class PackedTable {
  readonly packed: string[] = [];
  readonly rowNumbers = new GrowableInt32();
  readonly owners = new GrowableInt32();
  offsets: Int32Array | null = null;
  order: Int32Array | null = null;

  constructor(
    readonly table: TableName,
    readonly columns: readonly string[],
    readonly keepValues: boolean,
  ) {}

  add(row: Row, owner: number): void {
    this.owners.push(owner);
    this.rowNumbers.push(row.rowNumber);
    if (!this.keepValues) return;
    const values = new Array<string>(this.columns.length);
    for (let index = 0; index < this.columns.length; index++)
      values[index] = row.values[this.columns[index]!] ?? '';
    this.packed.push(values.join(SEPARATOR));
  }

  /** Stable counting sort of row indexes by owner. */
  group(childCount: number): void {
    const rows = this.owners.length;
    const offsets = new Int32Array(childCount + 1);
    for (let index = 0; index < rows; index++) offsets[this.owners.at(index) + 1]!++;
    for (let child = 0; child < childCount; child++) offsets[child + 1]! += offsets[child]!;
    const cursor = offsets.slice(0, childCount);
    const order = new Int32Array(rows);
    for (let index = 0; index < rows; index++) order[cursor[this.owners.at(index)]!++] = index;
    this.offsets = offsets;
    this.order = order;
  }

  rowsOf(child: number, reference: string): { rows: Row[]; rowNumbers: number[] } {
    const start = this.offsets![child]!;
    const end = this.offsets![child + 1]!;
    const rows: Row[] = [];
    const rowNumbers: number[] = [];
    for (let position = start; position < end; position++) {
      const index = this.order![position]!;
      const rowNumber = this.rowNumbers.at(index);
      rowNumbers.push(rowNumber);
      if (!this.keepValues) continue;
      const parts = this.packed[index]!.split(SEPARATOR);
      const values: Record<string, string> = {};
      for (let column = 0; column < this.columns.length; column++)
        values[this.columns[column]!] = parts[column] ?? '';
      if (values.CHILD === undefined) values.CHILD = reference;
      rows.push({ table: this.table, rowNumber, values });
    }
    return { rows, rowNumbers };
  }
}

/** One child's rows, plus where it appears in tables whose values were not kept. */
export interface StoredChild {
  readonly record: ChildRecord;
  /** Row numbers per table, for every table (kept or not). */
  readonly rowNumbers: Readonly<Partial<Record<TableName, readonly number[]>>>;
}

export class ReturnStore {
  private readonly ordinals = new Map<string, number>();
  private readonly references: string[] = [];
  private readonly tables = new Map<TableName, PackedTable>();
  private grouped = false;

  /** @param keep tables whose values are kept for child-level checks; others keep only row numbers. */
  constructor(private readonly keep: ReadonlySet<TableName>) {}

  /** Declares a table and its column order before its rows are added. */
  declareTable(table: TableName, columns: readonly string[]): void {
    if (!this.tables.has(table))
      this.tables.set(table, new PackedTable(table, columns, this.keep.has(table)));
  }

  add(row: Row): void {
    if (this.grouped) throw new Error('The store has already been grouped');
    const table = this.tables.get(row.table);
    if (!table) throw new Error(`Table ${row.table} was not declared`);
    const reference = row.values.CHILD ?? '';
    let ordinal = this.ordinals.get(reference);
    if (ordinal === undefined) {
      ordinal = this.references.length;
      this.ordinals.set(reference, ordinal);
      this.references.push(reference);
    }
    table.add(row, ordinal);
  }

  get childCount(): number {
    return this.references.length;
  }

  /** Hands out each child once, in order of first appearance. */
  *children(): Generator<StoredChild> {
    if (!this.grouped) {
      for (const table of this.tables.values()) table.group(this.references.length);
      this.grouped = true;
    }
    for (let ordinal = 0; ordinal < this.references.length; ordinal++) {
      const child = this.references[ordinal]!;
      const rows: Partial<Record<TableName, readonly Row[]>> = {};
      const rowNumbers: Partial<Record<TableName, readonly number[]>> = {};
      for (const table of this.tables.values()) {
        const found = table.rowsOf(ordinal, child);
        if (found.rowNumbers.length === 0) continue;
        rowNumbers[table.table] = found.rowNumbers;
        if (table.keepValues) rows[table.table] = found.rows;
      }
      yield { record: { child, rows }, rowNumbers };
    }
  }
}
