// Domain: reading one SSDA903 CSV table as a stream of rows (csv-parse), recognising the table from its
// column names and explaining in plain words why a file cannot be read.
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { type CsvError, type Options as CsvParseOptions, Parser } from 'csv-parse';
import type { ByteSource } from '../reading/bytes.ts';
import { decodeText, type TextEncodingName } from '../reading/decode.ts';
import { listInWords, plural, ReturnReadError } from '../reading/issues.ts';
import { schemaCode } from './field-checks.ts';
import type { Finding, Row, TableName } from './model.ts';
import { identifyTable, type YearSchema, yearLabel } from './schema.ts';

export interface CsvTableOptions {
  /** Named in messages. */
  readonly fileName: string;
  readonly schema: YearSchema;
  readonly onEncoding?: (encoding: TextEncodingName) => void;
  /** Rows whose number of values differs from the header's: they are reported here and not yielded. */
  readonly onBadRow?: (finding: Finding) => void;
  /** Longest record accepted, in characters (default 1 MiB): guards against a quote that is never closed. */
  readonly maxRecordChars?: number;
}

export interface CsvTable {
  readonly table: TableName;
  /** Column names as the file has them (trimmed), in file order. */
  readonly columns: readonly string[];
  /** The data rows; read once. Throws ReturnReadError if the file turns out unreadable part-way. */
  readonly rows: AsyncIterable<Row>;
  /** The same rows in arrays as they come from the parser: fewer awaits per row. Read rows or batches, not both. */
  readonly batches: AsyncIterable<readonly Row[]>;
  /** Stops reading (for a file whose rows are not wanted) and releases the source. */
  close(): Promise<void>;
}

interface ParsedRecord {
  readonly fields: string[];
  /** Line on which the record ends, as csv-parse counts lines (see lineBreaks). */
  readonly endLine: number;
  /** A record csv-parse skipped because its number of values differs from the header's. */
  readonly wrongLength: boolean;
}

/**
 * csv-parse with each record paired with the line it ends on. Reading the parser's live line count as the
 * record is pushed costs nothing, where csv-parse's own `info`/`on_record` context copies an object per row.
 */
class LineNumberingParser extends Parser {
  override push(chunk: unknown, encoding?: BufferEncoding): boolean {
    if (!Array.isArray(chunk)) return super.push(chunk, encoding);
    const record: ParsedRecord = { fields: chunk as string[], endLine: this.info.lines, wrongLength: false };
    return super.push(record, encoding);
  }
}

/**
 * Line breaks inside a quoted value. csv-parse counts a CR LF inside quotes as two lines (a CR or LF
 * alone as one), so its line numbers run ahead by one for every CR LF in a value; `crlf` is that excess.
 */
function lineBreaks(value: string): { lines: number; crlf: number } {
  let lines = 0;
  let crlf = 0;
  for (let index = 0; index < value.length; index++) {
    const code = value.charCodeAt(index);
    if (code === 10) lines++;
    else if (code === 13) {
      lines++;
      if (value.charCodeAt(index + 1) === 10) {
        crlf++;
        index++;
      }
    }
  }
  return { lines, crlf };
}

const WRONG_DELIMITERS: readonly { char: string; name: string }[] = [
  { char: ';', name: 'semicolons (;)' },
  { char: '\t', name: 'tab characters' },
  { char: '|', name: 'vertical bars (|)' },
];

const DEFAULT_MAX_RECORD_CHARS = 1024 * 1024;

/**
 * Opens a CSV file: reads and checks its first row, recognises the table by its exact set of column
 * names, then streams the data rows. Blank rows (including rows of empty values such as ",,,,") are
 * skipped; row numbers count the header as row 1 and are the line on which each row starts.
 * Throws ReturnReadError when the file cannot be read as an SSDA903 table.
 */
export async function openCsvTable(source: ByteSource, options: CsvTableOptions): Promise<CsvTable> {
  const { fileName, schema } = options;
  const maxRecordChars = options.maxRecordChars ?? DEFAULT_MAX_RECORD_CHARS;
  let columnCount = 0;

  const parseOptions: CsvParseOptions = {
    delimiter: ',',
    skip_empty_lines: true,
    relax_column_count: false,
    skip_records_with_error: true,
    max_record_size: maxRecordChars,
    on_skip: (error: CsvError | undefined) => {
      if (!error) return;
      if (error.code === 'CSV_RECORD_INCONSISTENT_FIELDS_LENGTH') {
        // Passed on in order with the other records, to be reported once the table is known.
        const fields = (error as unknown as { record?: string[] }).record ?? [];
        const record: ParsedRecord = { fields, endLine: lineOf(error), wrongLength: true };
        parser.push(record);
        return;
      }
      parser.destroy(brokenCsv(fileName, error, seen.quote));
    },
  };
  const parser = new LineNumberingParser(parseOptions);

  // Whether the file has any double quote at all: a row that never ends is blamed on one only if it has.
  const seen = { quote: false };
  const decoded = decodeText(source, { fileName, onEncoding: options.onEncoding });
  const text = Readable.from(
    (async function* () {
      for await (const chunk of decoded) {
        if (!seen.quote && chunk.includes('"')) seen.quote = true;
        yield chunk;
      }
    })(),
    { objectMode: false },
  );
  const pumping = pipeline(text, parser).catch(() => {
    // The same error reaches the reader through the parser's iterator; nothing more to do here.
  });
  const next = async (): Promise<IteratorResult<ParsedRecord>> => {
    while (true) {
      const record = parser.read() as ParsedRecord | null;
      if (record !== null) return { done: false, value: record };
      if (parser.errored) throw asReadError(parser.errored, fileName, seen.quote);
      if (parser.readableEnded || parser.destroyed) return { done: true, value: undefined };
      await whenReadable(parser, fileName, seen);
    }
  };

  // Lines csv-parse has counted twice so far (CR LF inside quoted values).
  let drift = 0;
  const breaksIn = (fields: readonly string[]): { lines: number; crlf: number } => {
    let lines = 0;
    let crlf = 0;
    for (const field of fields) {
      if (field.indexOf('\n') === -1 && field.indexOf('\r') === -1) continue;
      const found = lineBreaks(field);
      lines += found.lines;
      crlf += found.crlf;
    }
    return { lines, crlf };
  };
  const startLine = (record: ParsedRecord): number => {
    const breaks = breaksIn(record.fields);
    drift += breaks.crlf;
    return record.endLine - drift - breaks.lines;
  };

  const close = async (): Promise<void> => {
    parser.destroy();
    await pumping;
  };

  let recognised: TableName;
  let columns: string[];
  let usedColumns: number;
  try {
    const first = await next();
    if (first.done || first.value.fields.every((field) => field.trim() === '')) throw emptyFile(fileName);
    const rawColumns = first.value.fields.map((field) => field.trim());
    // Spreadsheets sometimes add empty columns at the right-hand side; they carry nothing.
    usedColumns = rawColumns.length;
    while (usedColumns > 1 && rawColumns[usedColumns - 1] === '') usedColumns--;
    columns = rawColumns.slice(0, usedColumns);
    columnCount = rawColumns.length;
    recognised = recogniseHeader(columns, fileName, schema);
    startLine(first.value);
  } catch (error) {
    await close();
    throw error;
  }

  // Every column set to '' in file order: each row's values start as a copy of it, so all rows of the file
  // share one object shape (cheaper to fill, and faster for the checks and the store to read).
  const template: Record<string, string> = {};
  for (const column of columns) template[column] = '';

  async function* batches(): AsyncGenerator<Row[]> {
    try {
      for await (const records of recordBatches(parser, fileName, seen)) {
        const batch: Row[] = [];
        for (const record of records) {
          const { fields } = record;
          if (record.wrongLength) {
            reportWrongLength(record, startLine(record));
            continue;
          }
          let blank = true;
          let embedded = false;
          const values = { ...template };
          for (let index = 0; index < usedColumns; index++) {
            let value = fields[index]!;
            if (value.length > 0) {
              const first = value.charCodeAt(0);
              const last = value.charCodeAt(value.length - 1);
              if (first <= 32 || last <= 32 || first === 160 || last === 160) {
                embedded ||= value.indexOf('\n') !== -1 || value.indexOf('\r') !== -1;
                value = value.trim();
              }
              if (value.length > 0) {
                blank = false;
                embedded ||= value.indexOf('\n') !== -1 || value.indexOf('\r') !== -1;
              }
            }
            values[columns[index]!] = value;
          }
          const rowNumber = embedded ? startLine(record) : record.endLine - drift;
          if (!blank) batch.push({ table: recognised, rowNumber, values });
        }
        if (batch.length > 0) yield batch;
      }
    } finally {
      await close();
    }
  }

  const reportWrongLength = (record: ParsedRecord, rowNumber: number): void => {
    const fields = record.fields.map((field) => field.trim());
    if (fields.every((field) => field === '')) return;
    options.onBadRow?.({
      code: schemaCode('field-count'),
      table: recognised,
      rowNumber,
      field: '',
      value: `${fields.length} values; the first row has ${columnCount} columns`,
      child: fields[0] ?? '',
    });
  };

  const batchIterable = batches();
  async function* rows(): AsyncGenerator<Row> {
    for await (const batch of batchIterable) yield* batch;
  }

  return { table: recognised, columns, rows: rows(), batches: batchIterable, close };
}

/** Resolves when the stream may have more to read, has ended or closed; rejects when it fails. */
function whenReadable(stream: Readable, fileName: string, seen: { quote: boolean }): Promise<void> {
  return new Promise((resolve, reject) => {
    const settle = (): void => {
      stream.off('readable', settle);
      stream.off('end', settle);
      stream.off('close', settle);
      stream.off('error', fail);
      if (stream.errored) reject(asReadError(stream.errored, fileName, seen.quote));
      else resolve();
    };
    const fail = (): void => settle();
    stream.on('readable', settle);
    stream.on('end', settle);
    stream.on('close', settle);
    stream.on('error', fail);
  });
}

/** Drains whatever the parser has ready in one go, waiting only when it has nothing. */
async function* recordBatches(
  parser: Readable,
  fileName: string,
  seen: { quote: boolean },
): AsyncGenerator<ParsedRecord[]> {
  while (true) {
    const batch: ParsedRecord[] = [];
    while (batch.length < 4096) {
      const record = parser.read() as ParsedRecord | null;
      if (record === null) break;
      batch.push(record);
    }
    if (batch.length > 0) {
      yield batch;
      continue;
    }
    if (parser.errored) throw asReadError(parser.errored, fileName, seen.quote);
    if (parser.readableEnded || parser.destroyed) return;
    await whenReadable(parser, fileName, seen);
  }
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

function lineOf(error: CsvError): number {
  return typeof error.lines === 'number' ? error.lines : 0;
}

function brokenCsv(fileName: string, error: CsvError, sawQuote: boolean): ReturnReadError {
  if (error.code === 'CSV_MAX_RECORD_SIZE' && !sawQuote) {
    return new ReturnReadError(
      'csv-quotes',
      `"${fileName}" has a row of over a million characters from line ${lineOf(error).toLocaleString('en-GB')}: its ` +
        'rows are not separated by line breaks, or it is not a CSV file. Export the table again as "CSV UTF-8" and ' +
        'check that each row is on its own line.',
      fileName,
    );
  }
  if (error.code === 'CSV_MAX_RECORD_SIZE') {
    return new ReturnReadError(
      'csv-quotes',
      `"${fileName}" has a row that never ends, from line ${lineOf(error).toLocaleString('en-GB')}. This is usually a ` +
        'double quote (") that is opened and never closed.',
      fileName,
    );
  }
  return new ReturnReadError(
    'csv-quotes',
    `Line ${lineOf(error).toLocaleString('en-GB')} of "${fileName}" has a double quote (") in the wrong place. A value ` +
      'containing commas or quotes must be wrapped in double quotes, with any quote inside it written twice ("").',
    fileName,
  );
}

/**
 * The council-facing form of a failure that is about the file. Anything else (a storage read that failed,
 * a fault of ours) is passed on unchanged: it must fail the run so it is retried, not be reported to the
 * council as a problem with their file.
 */
function asReadError(error: unknown, fileName: string, sawQuote: boolean): unknown {
  if (error instanceof ReturnReadError) return error;
  const csvError = error as Partial<CsvError> | null;
  if (csvError && typeof csvError.code === 'string' && csvError.code.startsWith('CSV_')) {
    return brokenCsv(fileName, csvError as CsvError, sawQuote);
  }
  return error;
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
