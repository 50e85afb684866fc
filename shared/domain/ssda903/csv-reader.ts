// Domain: reading one SSDA903 CSV table as a stream of row blocks (reading/csv-tokenizer.ts), recognising the table from its
// column names and explaining in plain words why a file cannot be read.
import type { ByteSource } from '../reading/bytes.ts';
import { CsvSyntaxError, CsvTokenizer, ESCAPED, fieldText } from '../reading/csv-tokenizer.ts';
import { decodeToUtf8, type TextEncodingName } from '../reading/decode.ts';
import { listInWords, plural, ReturnReadError } from '../reading/issues.ts';
import { schemaCode } from './field-checks.ts';
import type { Finding, Row, TableName } from './model.ts';
import type { RowBlock } from './row-block.ts';
import { identifyTable, type YearSchema, yearLabel } from './schema.ts';

export type { RowBlock } from './row-block.ts';

export interface CsvTableOptions {
  /** Named in messages. */
  readonly fileName: string;
  readonly schema: YearSchema;
  readonly onEncoding?: (encoding: TextEncodingName) => void;
  /** Rows whose number of values differs from the header's, when read as `rows` (blocks carry them). */
  readonly onBadRow?: (finding: Finding) => void;
  /** Longest record accepted, in bytes (default 1 MiB): guards against a quote that is never closed. */
  readonly maxRecordChars?: number;
}

export interface CsvTable {
  readonly table: TableName;
  /** Column names as the file has them (trimmed), in file order. */
  readonly columns: readonly string[];
  /** The data rows in blocks; read once. Throws ReturnReadError if the file turns out unreadable part-way. */
  readonly blocks: AsyncIterable<RowBlock>;
  /** The same rows as Row objects (for callers that are not on the hot path). Read rows or blocks, not both. */
  readonly rows: AsyncIterable<Row>;
  /** Stops reading (for a file whose rows are not wanted) and releases the source. */
  close(): Promise<void>;
}

const WRONG_DELIMITERS: readonly { char: string; name: string }[] = [
  { char: ';', name: 'semicolons (;)' },
  { char: '\t', name: 'tab characters' },
  { char: '|', name: 'vertical bars (|)' },
];

const DEFAULT_MAX_RECORD_BYTES = 1024 * 1024;

/** True for the bytes JavaScript's trim() removes that are ASCII: tab, line feed, VT, form feed, CR, space. */
function isAsciiSpace(byte: number): boolean {
  return byte === 32 || (byte >= 9 && byte <= 13);
}

function isAsciiRange(bytes: Buffer, start: number, end: number): boolean {
  for (let at = start; at < end; at++) if (bytes[at]! >= 0x80) return false;
  return true;
}

/**
 * Collects the records of one pushed chunk into a RowBlock. Values that are not a plain range of the input
 * (doubled quotes, or Unicode spaces to trim) are written to a side buffer and appended to the block.
 */
class BlockBuilder {
  count = 0;
  rowNumbers = new Int32Array(256);
  starts = new Int32Array(256);
  ends = new Int32Array(256);
  refused: Map<number, Finding> | null = null;
  private extras: Buffer[] = [];
  private extraBytes = 0;

  constructor(private readonly width: number) {}

  /** Room for one more row; returns its first slot. */
  open(rowNumber: number): number {
    const row = this.count;
    if ((row + 1) * this.width > this.starts.length || row >= this.rowNumbers.length) {
      const rows = Math.max(row + 1, this.rowNumbers.length * 2);
      const numbers = new Int32Array(rows);
      numbers.set(this.rowNumbers);
      this.rowNumbers = numbers;
      const starts = new Int32Array(rows * this.width);
      starts.set(this.starts.subarray(0, row * this.width));
      this.starts = starts;
      const ends = new Int32Array(rows * this.width);
      ends.set(this.ends.subarray(0, row * this.width));
      this.ends = ends;
    }
    this.rowNumbers[row] = rowNumber;
    return row * this.width;
  }

  /** Keeps a value made here (not a range of the input); its range is marked negative until take(). */
  special(slot: number, value: string): void {
    const bytes = Buffer.from(value, 'utf8');
    this.extras.push(bytes);
    this.starts[slot] = -1 - this.extraBytes;
    this.extraBytes += bytes.length;
    this.ends[slot] = -1 - this.extraBytes;
  }

  take(table: TableName, columns: readonly string[], input: Buffer): RowBlock {
    let bytes = input;
    const slots = this.count * this.width;
    if (this.extras.length > 0) {
      const base = input.length;
      bytes = Buffer.concat([input, ...this.extras]);
      for (let slot = 0; slot < slots; slot++) {
        if (this.starts[slot]! < 0) {
          this.starts[slot] = base - 1 - this.starts[slot]!;
          this.ends[slot] = base - 1 - this.ends[slot]!;
        }
      }
    }
    const block: RowBlock = {
      table,
      columns,
      count: this.count,
      rowNumbers: this.rowNumbers.slice(0, this.count),
      bytes,
      starts: this.starts.slice(0, slots),
      ends: this.ends.slice(0, slots),
      refused: this.refused,
    };
    this.count = 0;
    this.refused = null;
    this.extras = [];
    this.extraBytes = 0;
    return block;
  }
}

/**
 * Opens a CSV file: reads and checks its first row, recognises the table by its exact set of column
 * names, then streams the data rows. Blank rows (including rows of empty values such as ",,,,") are
 * skipped; row numbers count the header as row 1 and are the line on which each row starts.
 * Throws ReturnReadError when the file cannot be read as an SSDA903 table.
 */
export async function openCsvTable(source: ByteSource, options: CsvTableOptions): Promise<CsvTable> {
  const { fileName, schema } = options;
  const decoded = decodeToUtf8(source, { fileName, onEncoding: options.onEncoding })[Symbol.asyncIterator]();
  // Whether the file has any double quote so far: a row that never ends is blamed on one only if it has.
  let sawQuote = false;

  let header: string[] | null = null;
  let recognised: TableName | null = null;
  let columns: string[] = [];
  let usedColumns = 0;
  let columnCount = 0;
  let builder: BlockBuilder | null = null;

  const onRecord = (tokenizer: CsvTokenizer): void => {
    const { bytes, starts, ends, fieldCount } = tokenizer;
    if (header === null) {
      header = [];
      for (let index = 0; index < fieldCount; index++) header.push(fieldText(tokenizer, index).trim());
      if (header.every((field) => field === '')) throw emptyFile(fileName);
      // Spreadsheets sometimes add empty columns at the right-hand side; they carry nothing.
      usedColumns = header.length;
      while (usedColumns > 1 && header[usedColumns - 1] === '') usedColumns--;
      columns = header.slice(0, usedColumns);
      columnCount = header.length;
      recognised = recogniseHeader(columns, fileName, schema);
      builder = new BlockBuilder(usedColumns);
      return;
    }
    const block = builder!;
    if (fieldCount !== columnCount) {
      const fields: string[] = [];
      for (let index = 0; index < fieldCount; index++) fields.push(fieldText(tokenizer, index).trim());
      if (fields.every((field) => field === '')) return;
      const slot = block.open(tokenizer.line);
      block.starts.fill(0, slot, slot + usedColumns);
      block.ends.fill(0, slot, slot + usedColumns);
      block.refused ??= new Map();
      block.refused.set(block.count++, {
        code: schemaCode('field-count'),
        table: recognised!,
        rowNumber: tokenizer.line,
        field: '',
        value: `${fields.length} values; the first row has ${columnCount} columns`,
        child: fields[0] ?? '',
      });
      return;
    }
    const slot = block.open(tokenizer.line);
    let blank = true;
    for (let index = 0; index < usedColumns; index++) {
      let start = starts[index]!;
      let end = ends[index]!;
      const at = slot + index;
      if (start === end) {
        block.starts[at] = start;
        block.ends[at] = end;
        continue;
      }
      const first = bytes[start]!;
      const last = bytes[end - 1]!;
      const escaped = (tokenizer.flags[index]! & ESCAPED) !== 0;
      // JavaScript's trim() of the value, done on the bytes where they are plain ASCII.
      const edgeSpace =
        first <= 32 ||
        last <= 32 ||
        (first === 0xc2 && bytes[start + 1] === 0xa0) ||
        (last === 0xa0 && bytes[end - 2] === 0xc2);
      if (escaped || (edgeSpace && !isAsciiRange(bytes, start, end))) {
        let value = fieldText(tokenizer, index);
        const head = value.charCodeAt(0);
        const tail = value.charCodeAt(value.length - 1);
        if (head <= 32 || tail <= 32 || head === 160 || tail === 160) value = value.trim();
        if (value.length > 0) blank = false;
        block.special(at, value);
        continue;
      }
      if (edgeSpace) {
        while (start < end && isAsciiSpace(bytes[start]!)) start++;
        while (end > start && isAsciiSpace(bytes[end - 1]!)) end--;
      }
      if (end > start) blank = false;
      block.starts[at] = start;
      block.ends[at] = end;
    }
    if (!blank) block.count++;
  };

  const tokenizer = new CsvTokenizer(onRecord, options.maxRecordChars ?? DEFAULT_MAX_RECORD_BYTES);
  let ended = false;
  const feed = async (): Promise<void> => {
    try {
      const next = await decoded.next();
      if (next.done) {
        ended = true;
        tokenizer.finish();
        return;
      }
      if (!sawQuote && next.value.indexOf(0x22) !== -1) sawQuote = true;
      tokenizer.push(next.value);
    } catch (error) {
      throw error instanceof CsvSyntaxError ? brokenCsv(fileName, error, sawQuote) : error;
    }
  };
  const close = async (): Promise<void> => {
    await decoded.return?.(undefined);
  };

  try {
    while (header === null && !ended) await feed();
    if (header === null) throw emptyFile(fileName);
  } catch (error) {
    await close();
    throw error;
  }
  const table = recognised as unknown as TableName;
  const fileColumns = columns;

  async function* blocks(): AsyncGenerator<RowBlock> {
    try {
      while (true) {
        // Every row collected so far points into the bytes of the last push: hand them on before the next.
        const block = builder!;
        if (block.count > 0) yield block.take(table, fileColumns, tokenizer.bytes);
        if (ended) return;
        await feed();
      }
    } finally {
      await close();
    }
  }

  const blockIterable = blocks();
  async function* rows(): AsyncGenerator<Row> {
    for await (const block of blockIterable) {
      for (let row = 0; row < block.count; row++) {
        const refused = block.refused?.get(row);
        if (refused) {
          options.onBadRow?.(refused);
          continue;
        }
        const values: Record<string, string> = {};
        for (let column = 0; column < fileColumns.length; column++) {
          const at = row * fileColumns.length + column;
          values[fileColumns[column]!] = block.bytes.toString('utf8', block.starts[at]!, block.ends[at]!);
        }
        yield { table, rowNumber: block.rowNumbers[row]!, values };
      }
    }
  }

  return { table, columns: fileColumns, blocks: blockIterable, rows: rows(), close };
}

function recogniseHeader(columns: readonly string[], fileName: string, schema: YearSchema): TableName {
  if (columns.length === 1) {
    const only = columns[0]!;
    const wrong = WRONG_DELIMITERS.find(({ char }) => only.includes(char));
    if (wrong) {
      throw new ReturnReadError(
        'wrong-delimiter',
        `The first row of "${fileName}" is one long column separated by ${wrong.name}, not commas. ` +
          'Save the file as "CSV UTF-8 (Comma delimited)" so that the columns are separated by commas.',
        fileName,
      );
    }
  }
  const blankAt = columns.indexOf('');
  if (blankAt !== -1) {
    throw new ReturnReadError(
      'blank-column-name',
      `Column ${blankAt + 1} in the first row of "${fileName}" has no name. Every column needs its SSDA903 ` +
        'name (for example CHILD or DOB) in the first row.',
      fileName,
    );
  }
  const seen = new Set<string>();
  const duplicates = new Set<string>();
  for (const column of columns) {
    if (seen.has(column)) duplicates.add(column);
    seen.add(column);
  }
  if (duplicates.size > 0) {
    const names = [...duplicates];
    throw new ReturnReadError(
      'duplicate-column',
      `The first row of "${fileName}" names the column${names.length > 1 ? 's' : ''} ${listInWords(names)} more than once. ` +
        'Each column may appear only once; remove the extra column.',
      fileName,
    );
  }

  const match = identifyTable(columns, schema);
  switch (match.kind) {
    case 'match':
      return match.table;
    case 'not-collected':
      throw new ReturnReadError(
        'table-not-collected',
        `"${fileName}" is the ${match.table} table, which is collected only from ${yearLabel(match.firstYear)}. ` +
          `It is not part of the ${schema.label} return: remove it from the upload.`,
        fileName,
      );
    case 'case':
      throw new ReturnReadError(
        'column-case',
        `"${fileName}" has the columns of the ${match.table} table, but not all in capital letters. ` +
          `Write the column names exactly as the specification does: ${schema.tables.get(match.table)!.columns.join(', ')}.`,
        fileName,
      );
    case 'missing-columns':
      throw new ReturnReadError(
        'missing-column',
        `"${fileName}" looks like the ${match.table} table but the mandatory ${
          match.missing.length === 1 ? 'column' : 'columns'
        } ${listInWords(match.missing)} ${match.missing.length === 1 ? 'is' : 'are'} missing. ` +
          'Add the missing column (it may be left blank where the field is optional).',
        fileName,
      );
    case 'unknown': {
      if (!match.closest) {
        throw new ReturnReadError(
          'unknown-table',
          `The first row of "${fileName}" has no SSDA903 column names. The first row must name the columns ` +
            '(for example CHILD, DOB); it may be missing, or this may not be an SSDA903 table.',
          fileName,
        );
      }
      const { table, missing, unexpected } = match.closest;
      const differences = [
        missing.length > 0 ? `it lacks ${listInWords(missing)}` : null,
        unexpected.length > 0
          ? `it has ${unexpected.length === 1 ? 'a column' : 'columns'} the table does not have: ${listInWords(unexpected)}`
          : null,
      ].filter((part): part is string => part !== null);
      throw new ReturnReadError(
        'unknown-table',
        `The columns of "${fileName}" do not match any SSDA903 table for ${schema.label}. The closest is the ` +
          `${table} table, but ${differences.join(', and ')}. Correct the first row so that it names exactly the ` +
          `columns of the ${table} table.`,
        fileName,
      );
    }
  }
}

function emptyFile(fileName: string): ReturnReadError {
  return new ReturnReadError(
    'empty-file',
    `"${fileName}" is empty. Export the table again from your system: the first row must hold the column names.`,
    fileName,
  );
}

function brokenCsv(fileName: string, error: CsvSyntaxError, sawQuote: boolean): ReturnReadError {
  const line = error.line.toLocaleString('en-GB');
  if (error.fault === 'record-too-long' && !sawQuote) {
    return new ReturnReadError(
      'csv-quotes',
      `"${fileName}" has a row of over a million characters from line ${line}: its ` +
        'rows are not separated by line breaks, or it is not a CSV file. Export the table again as "CSV UTF-8" and ' +
        'check that each row is on its own line.',
      fileName,
    );
  }
  if (error.fault === 'record-too-long') {
    return new ReturnReadError(
      'csv-quotes',
      `"${fileName}" has a row that never ends, from line ${line}. This is usually a ` +
        'double quote (") that is opened and never closed.',
      fileName,
    );
  }
  return new ReturnReadError(
    'csv-quotes',
    `Line ${line} of "${fileName}" has a double quote (") in the wrong place. A value ` +
      'containing commas or quotes must be wrapped in double quotes, with any quote inside it written twice ("").',
    fileName,
  );
}

/** Message for a file that has a recognised header and no rows. */
export function headerOnlyMessage(fileName: string, table: TableName, required: boolean): string {
  return required
    ? `"${fileName}" has the column names of the ${table} table but no rows. The ${table} table is required, so the return cannot be processed without its rows: export the table again with its rows and upload it again.`
    : `"${fileName}" has the column names of the ${table} table but no rows; we have read it as an empty ${table} table.`;
}

export function rowCountWords(count: number): string {
  return plural(count, 'row');
}
