// Domain: holding the rows of a return compactly until every file has been read, then handing them out
// one child at a time.
//
// Memory model. A child's rows are spread over up to twelve files in any order, so child-level checks can
// only start once every file has been read: the rows must be held. They are held packed, not as objects:
// - one flat text per row (the values joined with NUL, which no decoded upload can contain: the decoder
//   refuses NUL bytes), written as UTF-8 into large buffers outside the JavaScript heap: one byte per
//   ASCII character plus three 32-bit numbers to find it, and nothing for the garbage collector to scan;
// - two 32-bit numbers per row in typed arrays (row number, and the child's ordinal);
// - one Map entry per distinct child (its CHILD reference → ordinal).
// Tables that no rule reads keep only the two numbers (enough to tell which children they mention).
// Grouping is a stable counting sort of row indexes by child ordinal (two Int32Arrays per table), so
// file order is kept within a child. Row objects are rebuilt for one child at a time and dropped after.
// A national Episodes file of 1,000,000 rows costs roughly 90 MB here (70 MB of text, the rest row numbers
// and indexes); see scripts/bench-ssda903-parse.ts.
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

const FIRST_CHUNK_BYTES = 64 * 1024;
const MAX_CHUNK_BYTES = 8 * 1024 * 1024;
/** A UTF-16 surrogate without its pair: UTF-8 cannot carry it, so such text is kept as it is. */
const LONE_SURROGATE = /\p{Cs}/u;

/**
 * Strings packed as UTF-8 in large buffers, found by chunk, start and length. The bytes live outside the
 * JavaScript heap, so a national return's rows are not scanned or copied by every garbage collection and
 * cost one byte per ASCII character, where a million separate strings would each carry a header.
 * Chunks start small (small uploads stay small) and double up to a bound.
 */
class PackedStrings {
  private readonly chunks: Buffer[] = [];
  private current: Buffer = Buffer.alloc(0);
  private used = 0;
  private readonly chunkOf = new GrowableInt32();
  private readonly startOf = new GrowableInt32();
  private readonly lengthOf = new GrowableInt32();
  /** The rare texts UTF-8 cannot round-trip, by index. */
  private readonly kept = new Map<number, string>();
  length = 0;

  push(text: string): void {
    const index = this.length++;
    const room = text.length * 3; // the most UTF-8 bytes a UTF-16 code unit can take
    if (this.used + room > this.current.length) {
      const size = Math.max(
        room,
        Math.min(MAX_CHUNK_BYTES, Math.max(FIRST_CHUNK_BYTES, this.current.length * 2)),
      );
      this.current = Buffer.allocUnsafe(size);
      this.chunks.push(this.current);
      this.used = 0;
    }
    const written = this.current.write(text, this.used, 'utf8');
    this.chunkOf.push(this.chunks.length - 1);
    this.startOf.push(this.used);
    this.lengthOf.push(written);
    this.used += written;
    // As many bytes as characters means plain ASCII, which always round-trips.
    if (written !== text.length && LONE_SURROGATE.test(text)) this.kept.set(index, text);
  }

  at(index: number): string {
    if (this.kept.size > 0) {
      const text = this.kept.get(index);
      if (text !== undefined) return text;
    }
    const start = this.startOf.at(index);
    return this.chunks[this.chunkOf.at(index)]!.toString('utf8', start, start + this.lengthOf.at(index));
  }
}

class PackedTable {
  readonly packed = new PackedStrings();
  readonly rowNumbers = new GrowableInt32();
  readonly owners = new GrowableInt32();
  offsets: Int32Array | null = null;
  order: Int32Array | null = null;
  /**
   * Every column set to '' in column order (CHILD last when the table has no such column). Rebuilt rows
   * start as copies of it, so all rows of a table share one object shape: filling known properties is
   * cheaper than adding them one by one, and the rules' many field reads stay on a fast path.
   */
  private readonly template: Record<string, string>;
  private readonly hasChildColumn: boolean;
  private readonly scratch: string[];

  constructor(
    readonly table: TableName,
    readonly columns: readonly string[],
    readonly keepValues: boolean,
  ) {
    this.scratch = new Array<string>(columns.length).fill('');
    this.template = {};
    for (const column of columns) this.template[column] = '';
    this.hasChildColumn = columns.includes('CHILD');
    if (!this.hasChildColumn) this.template.CHILD = '';
  }

  add(row: Row, owner: number): void {
    this.owners.push(owner);
    this.rowNumbers.push(row.rowNumber);
    if (!this.keepValues) return;
    // One scratch array reused for every row: join copies the values out, so nothing per row is kept.
    const { columns, scratch } = this;
    for (let index = 0; index < columns.length; index++) scratch[index] = row.values[columns[index]!] ?? '';
    this.packed.push(scratch.join(SEPARATOR));
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

  /** Number of rows the child has in this table. */
  countOf(child: number): number {
    return this.offsets![child + 1]! - this.offsets![child]!;
  }

  rowsOf(child: number, reference: string): { rows: Row[]; rowNumbers: number[] } {
    const start = this.offsets![child]!;
    const end = this.offsets![child + 1]!;
    const rows: Row[] = [];
    const rowNumbers: number[] = [];
    const { columns, template } = this;
    for (let position = start; position < end; position++) {
      const index = this.order![position]!;
      const rowNumber = this.rowNumbers.at(index);
      rowNumbers.push(rowNumber);
      if (!this.keepValues) continue;
      // Cut the packed string at each separator in place: cheaper than split, which builds an array too.
      const packed = this.packed.at(index);
      const values = { ...template };
      let from = 0;
      for (let column = 0; column < columns.length; column++) {
        let to = packed.indexOf(SEPARATOR, from);
        if (to === -1) to = packed.length;
        values[columns[column]!] = packed.slice(from, to);
        from = to + 1;
      }
      if (!this.hasChildColumn) values.CHILD = reference;
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
  private lastReference: string | null = null;
  private lastOrdinal = 0;

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
    // A child's rows usually come one after another, so the last child is checked before the map.
    let ordinal = reference === this.lastReference ? this.lastOrdinal : this.ordinals.get(reference);
    if (ordinal === undefined) {
      ordinal = this.references.length;
      this.ordinals.set(reference, ordinal);
      this.references.push(reference);
    }
    this.lastReference = reference;
    this.lastOrdinal = ordinal;
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
        // Most children are in few tables: skip the others without building anything.
        if (table.countOf(ordinal) === 0) continue;
        const found = table.rowsOf(ordinal, child);
        rowNumbers[table.table] = found.rowNumbers;
        if (table.keepValues) rows[table.table] = found.rows;
      }
      yield { record: { child, rows }, rowNumbers };
    }
  }
}
