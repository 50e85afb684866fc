// Domain: holding the rows of a return compactly until every file has been read, then handing them out
// one child at a time, in order of each child's first appearance.
//
// Memory model. A child's rows are spread over up to twelve files in any order, so child-level checks can
// only start once every file has been read: the rows must be held. They are held as bytes, not objects:
// - each row is one record in a byte log: a fixed head (its table, row number and child, the length of its
//   values), then each value as a length and its UTF-8 bytes, copied straight from the uploaded file's bytes
//   (no string is made per value; CHILD is not written again, being the child's own reference), or, for a
//   short value of a CSV row met before, its number among the values the store has numbered (ValueWords);
// - the log is split by child: children are numbered as they first appear, and each run of
//   CHILDREN_PER_PART numbers has its own log, so one part holds every row of its children;
// - given a spill directory, the logs are written to disk whenever what is held passes a memory budget,
//   and read back one part at a time: memory stays flat however many rows the return has
//   (docs/adr/0011-ssda903-rows-as-bytes-spilled-by-child.md);
// - each distinct child's CHILD reference stays in memory, as bytes in one table (ChildNumbers): 20 to 40
//   bytes a child while reading, some 11 once the return has been read.
// Tables that no rule reads keep only the row number (enough to tell which children they mention).
// Row objects are built for one child at a time and dropped after, each by a function made for its table that
// reads its records (so that every row of a table has one shape); a numbered value is the one string made for
// its number (and in a date column the one Day worked out for it), and other short values come from a cache of
// strings by bytes (TextCache), so a value repeated across the return is decoded once.

import type { Day } from '../dates.ts';
import type { ByteRow } from './byte-row.ts';
import type { ChildRecord, Row, TableName } from './model.ts';
import { dayOf, isDateField } from './row-days.ts';
import { type SpillLog, type SpillOptions, type SpillShape, SpillSpace } from './spill-log.ts';

/** Children per part of the log: a part is read back whole, so this bounds memory while grouping. */
const CHILDREN_PER_PART = 1 << 15;
/**
 * The parts' logs (spill-log.ts). What they may hold in memory before they are written to the spill directory:
 * the bytes written are the same whatever it is (once anything is spilled, everything is); 64 MiB cost some
 * 50 MB of peak memory more. Every part keeps a chunk open, so its unused room grows with the number of parts
 * (children): chunks are kept small.
 */
const ROWS: SpillShape = {
  name: 'ssda903-rows',
  memoryBytes: 16 * 1024 * 1024,
  firstChunkBytes: 1 << 12,
  largestChunkBytes: 1 << 18,
};

const { utf8Slice } = Buffer.prototype as unknown as {
  utf8Slice: (this: Buffer, start: number, end: number) => string;
};

/** The text of a byte range: Buffer's own UTF-8 slice, without toString's argument handling per call. */
function textOf(bytes: Buffer, start: number, end: number): string {
  return utf8Slice.call(bytes, start, end);
}

/**
 * Strings for short byte ranges, remembered by their bytes. A return repeats its values a great deal (codes,
 * dates, postcodes, the CHILD of every row of a child), so most values are found here rather than decoded:
 * fewer strings are made and collected, and rules meet the same string (its hash already worked out) when
 * they look a date up in their caches. A fixed table of slots, each holding the last value that hashed to it,
 * so memory stays flat.
 */
export class TextCache {
  private static readonly SLOTS = 1 << 13;
  /** Longest value cached, in bytes: longer ones are decoded each time. */
  private static readonly LONGEST = 24;
  private readonly keys = Buffer.alloc(TextCache.SLOTS * TextCache.LONGEST);
  private readonly lengths = new Int8Array(TextCache.SLOTS).fill(-1);
  private readonly texts: string[] = new Array<string>(TextCache.SLOTS).fill('');

  text(bytes: Buffer, start: number, end: number): string {
    const length = end - start;
    if (length > TextCache.LONGEST) return textOf(bytes, start, end);
    let hash = length;
    for (let at = start; at < end; at++) hash = Math.imul(hash ^ bytes[at]!, 0x01000193);
    const slot = (hash ^ (hash >>> 15)) & (TextCache.SLOTS - 1);
    const base = slot * TextCache.LONGEST;
    const keys = this.keys;
    if (this.lengths[slot] === length) {
      let same = true;
      for (let index = 0; index < length; index++) {
        if (keys[base + index] !== bytes[start + index]) {
          same = false;
          break;
        }
      }
      if (same) return this.texts[slot]!;
    }
    const text = textOf(bytes, start, end);
    for (let index = 0; index < length; index++) keys[base + index] = bytes[start + index]!;
    this.lengths[slot] = length;
    this.texts[slot] = text;
    return text;
  }
}

/**
 * Children numbered in order of first appearance, found by the bytes of their CHILD reference: an open
 * addressing table over one buffer of references, with no string or Map entry per child (600,000 children as
 * strings in a Map took some 60 MB, so memory grew with the return). While reading, 20 to 40 bytes a child: the
 * reference's bytes and where they start, in arrays that double as they grow, and a table of slots kept at most
 * half full. Once every file has been read (seal), the table is let go and the rest cut to size: some 11 bytes a
 * child. A reference is made a string again only when its child is handed out.
 */
export class ChildNumbers {
  private keys = Buffer.alloc(1 << 16);
  private keyBytes = 0;
  /** Where each child's reference is in `keys`: starts[n] to starts[n + 1]. */
  private starts = new Int32Array(1 << 12);
  /** 1 + the child's number, by the hash of its reference; 0 for an empty slot. Empty once sealed. */
  private slots = new Int32Array(1 << 13);
  private sealed = false;
  private readonly scratch = Buffer.alloc(256);
  count = 0;

  /** The number of the child whose reference is bytes[from, to), numbering it if it is new. */
  numberOf(bytes: Buffer, from: number, to: number): number {
    if (this.sealed) throw new Error('Children are no longer numbered once the return has been read');
    const hash = hashOf(bytes, from, to);
    const mask = this.slots.length - 1;
    const length = to - from;
    for (let slot = hash & mask; ; slot = (slot + 1) & mask) {
      const entry = this.slots[slot]!;
      if (entry === 0) break;
      const child = entry - 1;
      const start = this.starts[child]!;
      if (this.starts[child + 1]! - start !== length) continue;
      if (sameBytes(bytes, from, this.keys, start, length)) return child;
    }
    return this.append(bytes, from, to);
  }

  /** The number of the child with this reference, as text. */
  numberOfText(reference: string): number {
    const length = Buffer.byteLength(reference);
    const bytes = length <= this.scratch.length ? this.scratch : Buffer.alloc(length);
    bytes.write(reference, 0, 'utf8');
    return this.numberOf(bytes, 0, length);
  }

  /** The CHILD reference of a child, as uploaded. */
  reference(child: number): string {
    return textOf(this.keys, this.starts[child]!, this.starts[child + 1]!);
  }

  /**
   * Ends the numbering (the return has been read): the table that found references is let go, and the
   * references and where they start are cut to their size. References are still given back.
   */
  seal(): void {
    if (this.sealed) return;
    this.sealed = true;
    this.slots = new Int32Array(0);
    this.keys = Buffer.from(this.keys.subarray(0, this.keyBytes));
    this.starts = this.starts.slice(0, this.count + 1);
  }

  private append(bytes: Buffer, from: number, to: number): number {
    const child = this.count++;
    const length = to - from;
    if (this.keyBytes + length > this.keys.length) {
      const keys = Buffer.alloc(Math.max(this.keys.length * 2, this.keyBytes + length));
      this.keys.copy(keys, 0, 0, this.keyBytes);
      this.keys = keys;
    }
    copyBytes(bytes, from, to, this.keys, this.keyBytes);
    this.keyBytes += length;
    if (child + 2 > this.starts.length) this.starts = grown(this.starts);
    this.starts[child + 1] = this.keyBytes;
    if (this.count * 2 > this.slots.length) this.rehash();
    else this.place(child);
    return child;
  }

  /** Puts a child in the first free slot from its reference's hash. */
  private place(child: number): void {
    const mask = this.slots.length - 1;
    let slot = hashOf(this.keys, this.starts[child]!, this.starts[child + 1]!) & mask;
    while (this.slots[slot] !== 0) slot = (slot + 1) & mask;
    this.slots[slot] = child + 1;
  }

  private rehash(): void {
    this.slots = new Int32Array(this.slots.length * 2);
    for (let child = 0; child < this.count; child++) {
      this.place(child);
    }
  }
}

/** FNV-1a of a reference's bytes, its high bits folded in (the table is indexed by the low ones). */
function hashOf(bytes: Buffer, from: number, to: number): number {
  let hash = 0x811c9dc5 | 0;
  for (let at = from; at < to; at++) hash = Math.imul(hash ^ bytes[at]!, 0x01000193);
  return hash ^ (hash >>> 16);
}

/** Whether a[aFrom..) and b[bFrom..) hold the same `length` bytes (references are short: a plain loop). */
function sameBytes(a: Buffer, aFrom: number, b: Buffer, bFrom: number, length: number): boolean {
  for (let index = 0; index < length; index++) if (a[aFrom + index] !== b[bFrom + index]) return false;
  return true;
}

/** Copies source[from, to) to target at `at`; returns the length. */
function copyBytes(source: Buffer, from: number, to: number, target: Buffer, at: number): number {
  // Values and references are short: a plain loop beats Buffer.copy's cost per call.
  if (to - from > 64) return source.copy(target, at, from, to);
  for (let byte = from; byte < to; byte++) target[at + byte - from] = source[byte]!;
  return to - from;
}

function grown(array: Int32Array<ArrayBuffer>): Int32Array<ArrayBuffer> {
  const larger = new Int32Array(array.length * 2);
  larger.set(array);
  return larger;
}

// A record is its head (HEAD_BYTES: its table's index, its row number, its child's number within its part, the
// length of its values, so that grouping steps over a record without reading them), then each value as one
// byte, its length when below VALUE_WORD, followed by its UTF-8 bytes, or one of these marks:
const HEAD_BYTES = 11;
/** A value numbered in the store's ValueWords: its number follows in 2 bytes. */
const VALUE_WORD = 0xfb;
/** A value of VALUE_LONG bytes or more: its length follows in 4 bytes, then its bytes. */
const VALUE_LONG = 0xfc;
/** The CHILD column: the child's reference, known from the child's number, so not written again. */
const VALUE_CHILD = 0xfe;

function writeUint32(buffer: Buffer, at: number, value: number): void {
  buffer[at] = value & 0xff;
  buffer[at + 1] = (value >>> 8) & 0xff;
  buffer[at + 2] = (value >>> 16) & 0xff;
  buffer[at + 3] = value >>> 24;
}

function readUint32(buffer: Buffer, at: number): number {
  return (buffer[at]! | (buffer[at + 1]! << 8) | (buffer[at + 2]! << 16)) + buffer[at + 3]! * 0x1000000;
}

/** Writes a value's length (one byte, or a mark and four); returns where its bytes go. */
function writeLength(buffer: Buffer, at: number, length: number): number {
  if (length < VALUE_WORD) {
    buffer[at] = length;
    return at + 1;
  }
  buffer[at] = VALUE_LONG;
  writeUint32(buffer, at + 1, length);
  return at + 5;
}

/**
 * Short values numbered as rows from CSV are stored: a value met before is written in the log as its 2-byte
 * number rather than copied byte by byte, and is made a string once for the whole return rather than looked
 * up again by its bytes whenever its child's rows are built. A return repeats its codes, dates and postcodes
 * a great deal. Bounded, so memory stays flat: past CAPACITY values (some 2 MB in all), new ones are written
 * out in full, as are the values of a column that seldom repeats (the store stops numbering it).
 *
 * A value of up to LONGEST bytes is found by its bytes read as three 32-bit numbers (zero past its length) and
 * its length: three loads, a hash of four numbers and four comparisons, rather than a step of the hash and a
 * comparison per byte.
 */
export class ValueWords {
  static readonly CAPACITY = 1 << 16;
  /** Longest value numbered, in bytes: the codes, dates, postcodes and references SSDA903 repeats. */
  static readonly LONGEST = 12;
  /** Each numbered value's bytes 0-3, 4-7 and 8-11 (little-endian, zero past its length), and its length. */
  private readonly first = new Int32Array(ValueWords.CAPACITY);
  private readonly second = new Int32Array(ValueWords.CAPACITY);
  private readonly third = new Int32Array(ValueWords.CAPACITY);
  private readonly lengths = new Uint8Array(ValueWords.CAPACITY);
  /** 1 + the value's number, by hash; 0 for an empty slot. Never more than half full. */
  private readonly slots = new Int32Array(ValueWords.CAPACITY * 2);
  /** Each numbered value as text, by its number. */
  readonly texts: string[] = [];
  count = 0;
  /** The buffer the last value was in, read through a view (the reader hands over rows chunk by chunk). */
  private viewed: Buffer = Buffer.alloc(0);
  private view: DataView = new DataView(new ArrayBuffer(0));
  /** A value at the end of its buffer, copied with room for 12 bytes. */
  private readonly nearEnd = Buffer.alloc(ValueWords.LONGEST);
  /**
   * 1 + the number of each value of one or two bytes met so far (0 when not yet numbered, and for a value
   * met once the store was full), by its bytes: the byte, or 256 + both as a little-endian 16-bit number.
   */
  private readonly shortValues = new Int32Array(256 + 65536);

  /** The number of the value bytes[from, to) (1 to LONGEST bytes), numbering it while there is room; else -1. */
  numberOf(bytes: Buffer, from: number, to: number): number {
    if (to - from <= 2) {
      // Most codes (RNE, LS, CIN, PLACE, REC ...) are one or two bytes: found by those bytes alone.
      const index = to - from === 1 ? bytes[from]! : 256 + (bytes[from]! | (bytes[from + 1]! << 8));
      const known = this.shortValues[index]!;
      if (known !== 0) return known - 1;
      const word =
        from + 12 > bytes.length ? this.numberOfNearEnd(bytes, from, to) : this.lookUp(bytes, from, to);
      this.shortValues[index] = word + 1;
      return word;
    }
    if (from + 12 > bytes.length) return this.numberOfNearEnd(bytes, from, to);
    return this.lookUp(bytes, from, to);
  }

  /** numberOf for a value with room for 12 bytes from its start, by the table. */
  private lookUp(bytes: Buffer, from: number, to: number): number {
    if (bytes !== this.viewed) {
      this.viewed = bytes;
      this.view = new DataView(bytes.buffer, bytes.byteOffset, bytes.length);
    }
    const length = to - from;
    const view = this.view;
    let a = view.getInt32(from, true);
    let b = view.getInt32(from + 4, true);
    let c = view.getInt32(from + 8, true);
    if (length <= 4) {
      a &= LOW_BYTES[length]!;
      b = 0;
      c = 0;
    } else if (length <= 8) {
      b &= LOW_BYTES[length - 4]!;
      c = 0;
    } else c &= LOW_BYTES[length - 8]!;
    let hash = Math.imul(a ^ length, 0x9e3779b1);
    hash = Math.imul(hash ^ (hash >>> 15) ^ b, 0x85ebca77);
    hash = Math.imul(hash ^ (hash >>> 13) ^ c, 0xc2b2ae35);
    hash ^= hash >>> 16;
    const mask = this.slots.length - 1;
    let slot = hash & mask;
    for (; ; slot = (slot + 1) & mask) {
      const entry = this.slots[slot]!;
      if (entry === 0) break;
      const word = entry - 1;
      if (
        this.first[word] === a &&
        this.second[word] === b &&
        this.third[word] === c &&
        this.lengths[word] === length
      ) {
        return word;
      }
    }
    if (this.count === ValueWords.CAPACITY) return -1;
    return this.append(a, b, c, length, slot, textOf(bytes, from, to));
  }

  /** numberOf for a value too near the end of its buffer to read 12 bytes: from a copy with room after it. */
  private numberOfNearEnd(bytes: Buffer, from: number, to: number): number {
    this.nearEnd.fill(0);
    copyBytes(bytes, from, to, this.nearEnd, 0);
    return this.lookUp(this.nearEnd, 0, to - from);
  }

  private append(a: number, b: number, c: number, length: number, slot: number, text: string): number {
    const word = this.count++;
    this.first[word] = a;
    this.second[word] = b;
    this.third[word] = c;
    this.lengths[word] = length;
    this.slots[slot] = word + 1;
    this.texts.push(text);
    return word;
  }
}

/** The low n bytes of a 32-bit number, by n (0 to 4). */
const LOW_BYTES = new Int32Array([0, 0xff, 0xffff, 0xffffff, -1]);

interface TableLayout {
  readonly index: number;
  readonly table: TableName;
  readonly columns: readonly string[];
  readonly keepValues: boolean;
  /** Where CHILD is among the columns (-1 when absent): its value is the child's reference. */
  readonly childColumn: number;
  /** Builds a kept row from its record (with CHILD, whether or not the table has such a column). */
  readonly readRow: RowReader;
  /**
   * Per column, whether its values are numbered in ValueWords (NUMBERED, NOT_NUMBERED, or SAMPLED while that
   * is judged), and while it is judged, how often they were found there.
   */
  readonly numbered: Uint8Array;
  readonly lookups: Int32Array;
  readonly found: Int32Array;
}

/** Values of a column looked up before the store judges whether they repeat enough to be numbered. */
const WORD_SAMPLE = 4096;
const NOT_NUMBERED = 0;
const NUMBERED = 1;
const SAMPLED = 2;

/**
 * What a table's row reader needs besides the record: the numbered values' texts and Days, and the values
 * written out in full (decoded through the cache of texts).
 */
class RecordValues {
  /** Where the value after the one textAt last read begins. */
  after = 0;
  /**
   * The Day of each numbered value, worked out when a date column first holds it (dayKnown): a date repeated
   * across the return is parsed, and looked up by its text, once.
   */
  private readonly days: (Day | null)[] = new Array<Day | null>(ValueWords.CAPACITY).fill(null);
  private readonly dayKnown = new Uint8Array(ValueWords.CAPACITY);

  constructor(
    readonly words: ValueWords,
    private readonly texts: TextCache,
  ) {}

  /** The value whose length or mark is at `at` (not a numbered value nor CHILD); sets `after`. */
  textAt(bytes: Buffer, at: number): string {
    let length = bytes[at]!;
    let from = at + 1;
    if (length === VALUE_LONG) {
      length = readUint32(bytes, from);
      from += 4;
    }
    this.after = from + length;
    return length === 0 ? '' : this.texts.text(bytes, from, from + length);
  }

  /** The Day of a numbered value held in a date column. */
  dayOfWord(word: number): Day | null {
    if (this.dayKnown[word] === 1) return this.days[word]!;
    const day = dayOf(this.words.texts[word]);
    this.days[word] = day;
    this.dayKnown[word] = 1;
    return day;
  }
}

/** Builds the row whose record starts at `start` (of a table whose values are kept), with its child's reference. */
type RowReader = (bytes: Buffer, start: number, reference: string) => Row;

/** Column names the row reader writes as they are: the schema's names are all of this form. */
const PLAIN_NAME = /^[A-Za-z_][A-Za-z0-9_]*$/;

/**
 * A function, made once per table, that reads a record's values column by column, as the table's columns are
 * laid out, and builds its row as one object literal: every row of the table then has the same shape from
 * birth, which is what the rules' reads are fastest on (copying a template and setting each column by name,
 * measured alone, cost many times as much), and no array of values is filled on the way. A numbered value is
 * its number's text (and, in a date column, its number's Day); anything else is read by `textAt`.
 */
function rowReaderFor(
  table: TableName,
  columns: readonly string[],
  childColumn: number,
  values: RecordValues,
): RowReader {
  for (const key of columns) {
    if (!PLAIN_NAME.test(key) || key === '__proto__') throw new Error(`Unexpected column name ${key}`);
  }
  const reads = columns.map((column, index) => {
    if (index === childColumn) return 'at++;';
    const date = isDateField(column);
    return [
      `mark = bytes[at];`,
      `if (mark === ${VALUE_WORD}) {`,
      `  word = bytes[at + 1] | (bytes[at + 2] << 8); v${index} = texts[word];`,
      date ? `  d${index} = values.dayOfWord(word);` : '',
      `  at += 3;`,
      `} else if (mark === 0) {`,
      `  v${index} = '';${date ? ` d${index} = null;` : ''} at++;`,
      `} else {`,
      `  v${index} = values.textAt(bytes, at);${date ? ` d${index} = dayOf(v${index});` : ''} at = values.after;`,
      `}`,
    ].join('\n');
  });
  const declared = columns.flatMap((column, index) =>
    index === childColumn ? [] : [`v${index}`, ...(isDateField(column) ? [`d${index}`] : [])],
  );
  const fields = columns.map(
    (column, index) => `${column}: ${index === childColumn ? 'reference' : `v${index}`}`,
  );
  if (childColumn === -1) fields.push('CHILD: reference');
  // Its dates parsed once here for all the rules (row-days.ts).
  const days = columns.flatMap((column, index) => (isDateField(column) ? [`${column}: d${index}`] : []));
  const make = new Function(
    'table',
    'values',
    'dayOf',
    `const texts = values.words.texts;
    return (bytes, start, reference) => {
      const rowNumber = (bytes[start + 1] | (bytes[start + 2] << 8) | (bytes[start + 3] << 16)) + bytes[start + 4] * 0x1000000;
      let at = start + ${HEAD_BYTES};
      let mark = 0;
      let word = 0;
      ${declared.length > 0 ? `let ${declared.join(', ')};` : ''}
      ${reads.join('\n')}
      return { table, rowNumber, values: { ${fields.join(', ')} }, days: { ${days.join(', ')} } };
    };`,
  );
  return make(table, values, dayOf) as RowReader;
}

/** A part read back and sorted: its bytes, where each child's run of each table begins, its records' starts. */
interface SortedPart {
  readonly bytes: Buffer;
  readonly offsets: Int32Array;
  readonly starts: Int32Array;
}

/** One child's rows, plus where it appears in tables whose values were not kept. */
export interface StoredChild {
  /** The child's number in the store (0, 1, 2 … in order of first appearance): referenceOf gives its CHILD back. */
  readonly number: number;
  readonly record: ChildRecord;
  /** Row numbers per table, for every table (kept or not). */
  readonly rowNumbers: Readonly<Partial<Record<TableName, readonly number[]>>>;
}

export class ReturnStore {
  private readonly numbers = new ChildNumbers();
  private readonly tables = new Map<TableName, TableLayout>();
  private readonly layouts: TableLayout[] = [];
  /** The log of each part of the children, spilled past 16 MiB held (given a folder), and its records. */
  private readonly space: SpillSpace;
  private readonly parts: SpillLog[] = [];
  private readonly partRecords: number[] = [];
  private grouped = false;
  /** The layout of the table the last row added from CSV was of (its rows come one after another). */
  private lastLayout: TableLayout | null = null;
  private lastReference: Buffer = Buffer.alloc(64);
  private lastReferenceLength = -1;
  private lastOrdinal = 0;
  private readonly texts = new TextCache();
  private readonly words = new ValueWords();
  /**
   * Buffers used again rather than made anew, so that what was let go does not wait, by the tens of megabytes,
   * for the collector: while grouping, the part read back and its sort (the logs use their written chunks again).
   */
  private readRoom: Buffer = Buffer.alloc(0);
  private sortRoom = new Int32Array(0);
  /** The part whose children are being handed out. */
  private sorted: SortedPart = {
    bytes: Buffer.alloc(0),
    offsets: new Int32Array(1),
    starts: new Int32Array(0),
  };
  /** How the tables' row readers turn values written in the log into strings and Days. */
  private readonly values = new RecordValues(this.words, this.texts);

  /** @param keep tables whose values are kept for child-level checks; others keep only row numbers. */
  constructor(
    private readonly keep: ReadonlySet<TableName>,
    spill?: SpillOptions,
  ) {
    this.space = new SpillSpace(ROWS, spill);
  }

  /** Declares a table and its column order before its rows are added. */
  declareTable(table: TableName, columns: readonly string[]): void {
    if (this.tables.has(table)) return;
    const childColumn = columns.indexOf('CHILD');
    const layout: TableLayout = {
      index: this.layouts.length,
      table,
      columns,
      keepValues: this.keep.has(table),
      childColumn,
      readRow: rowReaderFor(table, columns, childColumn, this.values),
      numbered: new Uint8Array(columns.length).fill(SAMPLED),
      lookups: new Int32Array(columns.length),
      found: new Int32Array(columns.length),
    };
    this.tables.set(table, layout);
    this.layouts.push(layout);
  }

  /** The CHILD reference of the child with this number, as uploaded (also once the children have been read). */
  referenceOf(number: number): string {
    return this.numbers.reference(number);
  }

  get childCount(): number {
    return this.numbers.count;
  }

  private layoutOf(table: TableName): TableLayout {
    if (this.grouped) throw new Error('The store has already been grouped');
    const layout = this.tables.get(table);
    if (!layout) throw new Error(`Table ${table} was not declared`);
    return layout;
  }

  /**
   * Starts a record in its child's part, with room for `room` bytes of values, and writes its head; its
   * values go from part.used + HEAD_BYTES, and closeRecord completes it.
   */
  private openRecord(layout: TableLayout, rowNumber: number, ordinal: number, room: number): SpillLog {
    const index = (ordinal / CHILDREN_PER_PART) | 0;
    while (this.parts.length <= index) {
      this.parts.push(this.space.log());
      this.partRecords.push(0);
    }
    const part = this.parts[index]!;
    const buffer = part.reserve(HEAD_BYTES + room);
    const at = part.used;
    const owner = ordinal - index * CHILDREN_PER_PART;
    buffer[at] = layout.index;
    writeUint32(buffer, at + 1, rowNumber);
    buffer[at + 5] = owner & 0xff;
    buffer[at + 6] = owner >>> 8;
    this.partRecords[index]!++;
    return part;
  }

  /** Completes the record opened in `part`, whose values end at `end`. */
  private closeRecord(part: SpillLog, end: number): void {
    const start = part.used;
    writeUint32(part.current, start + 7, end - start - HEAD_BYTES);
    part.commit(end);
  }

  /** Adds a row read from CSV (values in the table's column order, as declared), copying its values' bytes. */
  addRow(row: ByteRow): void {
    let layout = this.lastLayout;
    if (layout === null || layout.table !== row.table) {
      layout = this.layoutOf(row.table);
      this.lastLayout = layout;
    }
    const { bytes, starts, ends } = row;
    const columns = layout.columns.length;
    const { keepValues, childColumn } = layout;
    const ordinal =
      childColumn === -1
        ? this.numbers.numberOfText('')
        : this.childOf(bytes, starts[childColumn]!, ends[childColumn]!);
    let room = 0;
    if (keepValues) {
      room = 5 * columns;
      for (let column = 0; column < columns; column++) room += ends[column]! - starts[column]!;
    }
    const part = this.openRecord(layout, row.rowNumber, ordinal, room);
    const buffer = part.current;
    let at = part.used + HEAD_BYTES;
    if (keepValues) {
      for (let column = 0; column < columns; column++) {
        if (column === childColumn) {
          buffer[at++] = VALUE_CHILD;
          continue;
        }
        const from = starts[column]!;
        const to = ends[column]!;
        const length = to - from;
        const numbered = layout.numbered[column]!;
        if (numbered !== NOT_NUMBERED && length > 0 && length <= ValueWords.LONGEST) {
          const word =
            numbered === NUMBERED
              ? this.words.numberOf(bytes, from, to)
              : this.numberedValue(layout, column, bytes, from, to);
          if (word !== -1) {
            buffer[at] = VALUE_WORD;
            buffer[at + 1] = word & 0xff;
            buffer[at + 2] = word >>> 8;
            at += 3;
            continue;
          }
        }
        at = writeLength(buffer, at, length);
        at += copyBytes(bytes, from, to, buffer, at);
      }
    }
    this.closeRecord(part, at);
  }

  /**
   * The number of a column's value in ValueWords, or -1. After WORD_SAMPLE values, a column found there less
   * than a quarter of the time (a reference of its own per child, such as UPN) is no longer numbered, so that
   * its values do not take the room of those that repeat.
   */
  private numberedValue(
    layout: TableLayout,
    column: number,
    bytes: Buffer,
    from: number,
    to: number,
  ): number {
    const known = this.words.count;
    const word = this.words.numberOf(bytes, from, to);
    if (word !== -1 && word < known) layout.found[column]!++;
    if (++layout.lookups[column]! === WORD_SAMPLE) {
      // Judged once: from here the column's values are numbered without counting, or not at all.
      layout.numbered[column] = layout.found[column]! * 4 < WORD_SAMPLE ? NOT_NUMBERED : NUMBERED;
    }
    return word;
  }

  /** The number of the child whose CHILD is bytes[from, to). */
  private childOf(bytes: Buffer, from: number, to: number): number {
    // A child's rows usually come one after another: compare the bytes before looking them up.
    const length = to - from;
    if (length === this.lastReferenceLength && sameBytes(bytes, from, this.lastReference, 0, length)) {
      return this.lastOrdinal;
    }
    const ordinal = this.numbers.numberOf(bytes, from, to);
    if (this.lastReference.length < length) this.lastReference = Buffer.alloc(length * 2);
    copyBytes(bytes, from, to, this.lastReference, 0);
    this.lastReferenceLength = length;
    this.lastOrdinal = ordinal;
    return ordinal;
  }

  /** Closes and removes the spilled files (children() does it when read to the end). */
  release(): void {
    this.space.release();
  }

  /** Hands out each child once, in order of first appearance. */
  *children(): Generator<StoredChild> {
    this.grouped = true;
    this.lastLayout = null;
    // No child is numbered any more: the table that found them goes, their references stay.
    this.numbers.seal();
    // Once anything is on disk, the rest goes too: each part is then read back alone, rather than beside
    // up to the whole memory budget of other parts' rows still waiting in memory.
    if (this.space.spilled) this.space.spillAll();
    this.space.dropSpares();
    try {
      for (let index = 0; index < this.parts.length; index++) {
        const first = index * CHILDREN_PER_PART;
        const count = this.sortPart(index);
        // One child at a time, straight from this loop (a generator per part cost a resumption per child more).
        for (let child = 0; child < count; child++) yield this.storedChild(first, child);
        // The part is done: let its bytes go before the next is read.
        this.parts[index]!.clear();
      }
    } finally {
      this.readRoom = Buffer.alloc(0);
      this.sortRoom = new Int32Array(0);
      this.sorted = { bytes: Buffer.alloc(0), offsets: new Int32Array(1), starts: new Int32Array(0) };
      this.release();
    }
  }

  /**
   * Reads a part back and sorts its records by child and table (a stable counting sort: tables in the order
   * they were declared, rows in file order within each), into `sorted`; returns how many children it holds.
   */
  private sortPart(index: number): number {
    const part = this.parts[index]!;
    const first = index * CHILDREN_PER_PART;
    const count = Math.min(CHILDREN_PER_PART, this.numbers.count - first);
    if (count <= 0) return 0;
    const size = part.size;
    // Parts differ a little in size: room for a little more than this one, so the next seldom needs more.
    if (this.readRoom.length < size) this.readRoom = Buffer.allocUnsafe(size + (size >>> 3));
    const bytes = part.read(this.readRoom);
    // Where each record starts and its key (child and table); then the starts in sorted order.
    const records = this.partRecords[index]!;
    const tableCount = this.layouts.length;
    const keys = count * tableCount;
    const needed = 3 * records + 2 * keys + 1;
    if (this.sortRoom.length < needed) this.sortRoom = new Int32Array(needed + (needed >>> 3));
    const room = this.sortRoom;
    const positions = room.subarray(0, records);
    const owners = room.subarray(records, 2 * records);
    const starts = room.subarray(2 * records, 3 * records);
    const offsets = room.subarray(3 * records, 3 * records + keys + 1).fill(0);
    const cursor = room.subarray(3 * records + keys + 1, needed);
    let at = 0;
    for (let record = 0; record < records; record++) {
      positions[record] = at;
      const key = (bytes[at + 5]! | (bytes[at + 6]! << 8)) * tableCount + bytes[at]!;
      owners[record] = key;
      offsets[key + 1]!++;
      at += HEAD_BYTES + readUint32(bytes, at + 7);
    }
    for (let key = 0; key < keys; key++) offsets[key + 1]! += offsets[key]!;
    cursor.set(offsets.subarray(0, keys));
    for (let record = 0; record < records; record++) starts[cursor[owners[record]!]!++] = positions[record]!;
    this.sorted = { bytes, offsets, starts };
    return count;
  }

  /** The child `child` of the part whose first child is `first`, from the part just sorted. */
  private storedChild(first: number, child: number): StoredChild {
    const { bytes, offsets, starts } = this.sorted;
    const tableCount = this.layouts.length;
    const reference = this.numbers.reference(first + child);
    const rows: Partial<Record<TableName, Row[]>> = {};
    const rowNumbers: Partial<Record<TableName, number[]>> = {};
    // The child's records are sorted by table: each table's run is one list.
    for (let table = 0; table < tableCount; table++) {
      const key = child * tableCount + table;
      const from = offsets[key]!;
      const to = offsets[key + 1]!;
      if (from === to) continue;
      const layout = this.layouts[table]!;
      const numbers: number[] = [];
      if (layout.keepValues) {
        const kept: Row[] = [];
        for (let position = from; position < to; position++) {
          const row = layout.readRow(bytes, starts[position]!, reference);
          kept.push(row);
          numbers.push(row.rowNumber);
        }
        rows[layout.table] = kept;
      } else {
        for (let position = from; position < to; position++)
          numbers.push(readUint32(bytes, starts[position]! + 1));
      }
      rowNumbers[layout.table] = numbers;
    }
    return { number: first + child, record: { child: reference, rows }, rowNumbers };
  }
}
