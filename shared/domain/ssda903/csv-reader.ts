// Domain: reading one SSDA903 CSV table row by row (reading/csv-tokenizer.ts), recognising the table from its
// column names and explaining in plain words why a file cannot be read.
import type { ByteSource } from '../reading/bytes.ts';
import { CsvSyntaxError, CsvTokenizer, ESCAPED, fieldText } from '../reading/csv-tokenizer.ts';
import { decodeToUtf8, type TextEncodingName } from '../reading/decode.ts';
import { listInWords, plural, ReturnReadError } from '../reading/issues.ts';
import type { ByteRow } from './byte-row.ts';
import { schemaCode } from './field-checks.ts';
import type { Finding, Row, TableName } from './model.ts';
import { identifyTable, type YearSchema, yearLabel } from './schema.ts';

export type { ByteRow } from './byte-row.ts';

export interface CsvTableOptions {
  /** Named in messages. */
  readonly fileName: string;
  readonly schema: YearSchema;
  readonly onEncoding?: (encoding: TextEncodingName) => void;
  /** Rows whose number of values differs from the header's, when read as `rows` (read() hands them to its sink). */
  readonly onBadRow?: (finding: Finding) => void;
  /** Longest record accepted, in bytes (default 1 MiB): guards against a quote that is never closed. */
  readonly maxRecordChars?: number;
}

/** Receives the data rows of a table as they are read, straight from the file's bytes. */
export interface CsvRowSink {
  /** A row that is not blank, its values in the table's column order; valid only during the call. */
  row(row: ByteRow): void;
  /** A row whose number of values differs from the header's. */
  refused(finding: Finding): void;
}

export interface CsvTable {
  readonly table: TableName;
  /** Column names as the file has them (trimmed), in file order. */
  readonly columns: readonly string[];
  /**
   * Reads the data rows into the sink, pausing after each chunk of the file (so that the caller can stop a
   * file past its limits); read once. Throws ReturnReadError if the file turns out unreadable part-way.
   */
  read(sink: CsvRowSink): AsyncIterable<void>;
  /** The same rows as Row objects (for callers that are not on the hot path). Read rows or read(), not both. */
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

/** Whether trim() would change the value bytes[start, end) (not empty): a space of some kind at either end. */
function hasEdgeSpace(bytes: Buffer, start: number, end: number): boolean {
  const first = bytes[start]!;
  const last = bytes[end - 1]!;
  return (
    first <= 32 ||
    last <= 32 ||
    (first === 0xc2 && bytes[start + 1] === 0xa0) ||
    (last === 0xa0 && bytes[end - 2] === 0xc2)
  );
}

/**
 * The one row object the reader hands over, filled again for every row. Its ranges are its own, or the
 * tokenizer's when the file's fields are the table's columns in the table's order (no copy is needed).
 */
class ReadRow implements ByteRow {
  rowNumber = 0;
  bytes: Buffer = Buffer.alloc(0);
  starts: Int32Array;
  ends: Int32Array;
  readonly ownStarts: Int32Array;
  readonly ownEnds: Int32Array;

  constructor(
    readonly table: TableName,
    width: number,
  ) {
    this.ownStarts = this.starts = new Int32Array(width);
    this.ownEnds = this.ends = new Int32Array(width);
  }

  /** Makes the row's ranges its own again (to be written). */
  own(): void {
    this.starts = this.ownStarts;
    this.ends = this.ownEnds;
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
  let columnCount = 0;
  /** For each of the table's columns (the schema's order), the field of the file's records holding it. */
  let fieldOf = new Int32Array(0);
  /** Whether field c of the file's records is the table's column c, for every column. */
  let inTableOrder = false;
  let row = new ReadRow('Header', 0);
  let sink: CsvRowSink | null = null;

  /**
   * A row with a value that is not a plain range of the input (doubled quotes, or Unicode spaces to trim): its
   * values are made as text and the row's bytes are a buffer of their own. Returns whether the row is blank.
   */
  const copiedRow = (tokenizer: CsvTokenizer): boolean => {
    const { bytes, starts, ends, flags } = tokenizer;
    const values: string[] = [];
    for (let column = 0; column < fieldOf.length; column++) {
      const field = fieldOf[column]!;
      let start = starts[field]!;
      let end = ends[field]!;
      if (start === end) {
        values.push('');
        continue;
      }
      const edgeSpace = hasEdgeSpace(bytes, start, end);
      if ((flags[field]! & ESCAPED) !== 0 || (edgeSpace && !isAsciiRange(bytes, start, end))) {
        let value = fieldText(tokenizer, field);
        const head = value.charCodeAt(0);
        const tail = value.charCodeAt(value.length - 1);
        if (head <= 32 || tail <= 32 || head === 160 || tail === 160) value = value.trim();
        values.push(value);
        continue;
      }
      while (start < end && isAsciiSpace(bytes[start]!)) start++;
      while (end > start && isAsciiSpace(bytes[end - 1]!)) end--;
      values.push(bytes.toString('utf8', start, end));
    }
    row.own();
    let at = 0;
    for (let column = 0; column < values.length; column++) {
      row.starts[column] = at;
      at += Buffer.byteLength(values[column]!);
      row.ends[column] = at;
    }
    row.bytes = Buffer.from(values.join(''), 'utf8');
    return at === 0;
  };

  /**
   * The usual row: its fields are the table's columns in order and none is quoted, so the row's ranges are the
   * tokenizer's own, trimmed in place.
   */
  const plainRow = (tokenizer: CsvTokenizer): void => {
    const { bytes, starts, ends } = tokenizer;
    const width = fieldOf.length;
    let blank = true;
    for (let column = 0; column < width; column++) {
      let start = starts[column]!;
      let end = ends[column]!;
      if (start === end) continue;
      if (hasEdgeSpace(bytes, start, end)) {
        if (!isAsciiRange(bytes, start, end)) {
          if (copiedRow(tokenizer)) return;
          row.rowNumber = tokenizer.line;
          sink!.row(row);
          return;
        }
        while (start < end && isAsciiSpace(bytes[start]!)) start++;
        while (end > start && isAsciiSpace(bytes[end - 1]!)) end--;
        starts[column] = start;
        ends[column] = end;
      }
      if (end > start) blank = false;
    }
    if (blank) return;
    row.starts = starts;
    row.ends = ends;
    row.bytes = bytes;
    row.rowNumber = tokenizer.line;
    sink!.row(row);
  };

  const onData = (tokenizer: CsvTokenizer): void => {
    const { bytes, starts, ends, flags, fieldCount } = tokenizer;
    if (fieldCount !== columnCount) {
      const fields: string[] = [];
      for (let index = 0; index < fieldCount; index++) fields.push(fieldText(tokenizer, index).trim());
      if (fields.every((field) => field === '')) return;
      sink!.refused({
        code: schemaCode('field-count'),
        table: recognised!,
        rowNumber: tokenizer.line,
        field: '',
        value: `${fields.length} values; the first row has ${columnCount} columns`,
        child: fields[0] ?? '',
      });
      return;
    }
    if (inTableOrder && tokenizer.unquoted) {
      plainRow(tokenizer);
      return;
    }
    row.own();
    const rowStarts = row.starts;
    const rowEnds = row.ends;
    let blank = true;
    let copied = false;
    for (let column = 0; column < fieldOf.length; column++) {
      const field = fieldOf[column]!;
      let start = starts[field]!;
      let end = ends[field]!;
      if (start !== end && hasEdgeSpace(bytes, start, end)) {
        if ((flags[field]! & ESCAPED) !== 0 || !isAsciiRange(bytes, start, end)) {
          copied = true;
          break;
        }
        // JavaScript's trim() of the value, done on the bytes where they are plain ASCII.
        while (start < end && isAsciiSpace(bytes[start]!)) start++;
        while (end > start && isAsciiSpace(bytes[end - 1]!)) end--;
      } else if ((flags[field]! & ESCAPED) !== 0) {
        copied = true;
        break;
      }
      if (end > start) blank = false;
      rowStarts[column] = start;
      rowEnds[column] = end;
    }
    if (copied) blank = copiedRow(tokenizer);
    else row.bytes = bytes;
    if (blank) return;
    row.rowNumber = tokenizer.line;
    sink!.row(row);
  };

  const onHeader = (tokenizer: CsvTokenizer): void => {
    header = [];
    for (let index = 0; index < tokenizer.fieldCount; index++)
      header.push(fieldText(tokenizer, index).trim());
    if (header.every((field) => field === '')) throw emptyFile(fileName);
    // Spreadsheets sometimes add empty columns at the right-hand side; they carry nothing.
    let usedColumns = header.length;
    while (usedColumns > 1 && header[usedColumns - 1] === '') usedColumns--;
    columns = header.slice(0, usedColumns);
    columnCount = header.length;
    const table = recogniseHeader(columns, fileName, schema);
    recognised = table;
    // The file has exactly the table's columns (recogniseHeader refuses any other set), in any order.
    fieldOf = Int32Array.from(schema.tables.get(table)!.columns, (column) => columns.indexOf(column));
    inTableOrder = fieldOf.every((field, column) => field === column);
    row = new ReadRow(table, fieldOf.length);
    // The rows that follow wait until there is a sink to hand them to.
    tokenizer.pause();
  };

  const tokenizer = new CsvTokenizer(
    (record) => (header === null ? onHeader(record) : onData(record)),
    options.maxRecordChars ?? DEFAULT_MAX_RECORD_BYTES,
  );
  let ended = false;
  /** Runs a step of the tokenizer, turning a syntax error into words. */
  const tokenize = (step: () => void): void => {
    try {
      step();
    } catch (error) {
      throw error instanceof CsvSyntaxError ? brokenCsv(fileName, error, sawQuote) : error;
    }
  };
  const feed = async (): Promise<void> => {
    const next = await decoded.next();
    if (next.done) {
      ended = true;
      tokenize(() => tokenizer.finish());
      return;
    }
    if (!sawQuote && next.value.indexOf(0x22) !== -1) sawQuote = true;
    tokenize(() => tokenizer.push(next.value));
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

  let reading = false;
  async function* read(rowSink: CsvRowSink): AsyncGenerator<void> {
    if (reading) throw new Error(`The rows of ${fileName} are being read already`);
    reading = true;
    sink = rowSink;
    try {
      tokenize(() => tokenizer.resume());
      yield;
      while (!ended) {
        await feed();
        yield;
      }
    } finally {
      await close();
    }
  }

  async function* rows(): AsyncGenerator<Row> {
    const batch: Row[] = [];
    const columnOf = Int32Array.from(fileColumns, (column) =>
      schema.tables.get(table)!.columns.indexOf(column),
    );
    const collect: CsvRowSink = {
      row: (given) => {
        const values: Record<string, string> = {};
        for (let field = 0; field < fileColumns.length; field++) {
          const column = columnOf[field]!;
          values[fileColumns[field]!] = given.bytes.toString(
            'utf8',
            given.starts[column]!,
            given.ends[column]!,
          );
        }
        batch.push({ table, rowNumber: given.rowNumber, values });
      },
      refused: (finding) => options.onBadRow?.(finding),
    };
    for await (const _ of read(collect)) {
      yield* batch;
      batch.length = 0;
    }
  }

  return { table, columns: fileColumns, read, rows: rows(), close };
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
