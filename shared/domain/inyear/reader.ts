// Domain: reading an in-year core dataset file (format.ts) as a stream and checking every row and cell.
// A problem with one cell is a row-level finding and leaves that measure out for that month; a problem
// that makes the whole file untrustworthy (another council's file, another version, a month twice, a
// column we do not know) rejects it, so nothing is half-read.
import type { ByteSource } from '../reading/bytes.ts';
import { CsvSyntaxError, CsvTokenizer, fieldText } from '../reading/csv-tokenizer.ts';
import { decodeToUtf8 } from '../reading/decode.ts';
import { listInWords, ReturnReadError } from '../reading/issues.ts';
import { otherCouncilRefusal } from '../returns/council-claim.ts';
import { type Blocking, BlockingReadError, type CouncilNote, FindingCollector } from '../returns/report.ts';
import {
  decimalsOf,
  IDENTITY_COLUMNS,
  INYEAR_COLUMNS,
  INYEAR_FORMAT_VERSION,
  MAX_VALUE,
  MEASURE_BY_COLUMN,
  MEASURES,
  type Measure,
  monthsOfYear,
} from './format.ts';

/** One month's figures as sent: only the measures given (blank and invalid cells are absent). */
export interface MonthRow {
  readonly month: string;
  readonly rowNumber: number;
  readonly figures: Readonly<Record<string, number>>;
}

export type InyearReadResult =
  | { readonly status: 'rejected'; readonly blocking: Blocking; readonly notices: CouncilNote[] }
  | {
      readonly status: 'accepted';
      readonly rows: readonly MonthRow[];
      readonly findings: FindingCollector;
      readonly notices: CouncilNote[];
    };

const INYEAR_CHECKS: Readonly<Record<string, string>> = {
  'INYEAR:month': 'The month is not a month of the collection year written yyyy-mm.',
  'INYEAR:row-length': 'The row has a different number of cells from the header row.',
  'INYEAR:not-a-number': 'A measure is not a number.',
  'INYEAR:negative': 'A measure cannot be negative.',
  'INYEAR:decimals': 'A measure has more decimal places than it allows.',
  'INYEAR:too-large': 'A measure is larger than any council’s monthly figure could be.',
  'INYEAR:part-exceeds-whole': 'A part is larger than the whole it belongs to.',
};

const NUMBER = /^\d+(\.\d+)?$/;

export interface InyearReadOptions {
  readonly fileName: string;
  readonly collectionYear: number;
  readonly la: string;
  readonly maxListedFindings?: number;
}

function reject(kind: string, message: string, file: string): BlockingReadError {
  return new BlockingReadError(kind, message, file);
}

function asBlocking(error: ReturnReadError | BlockingReadError): Blocking {
  return { kind: error.kind, file: error.file, message: error.message };
}

/** The longest row we read; a longer one means the file has no line breaks or is not a CSV file. */
const MAX_RECORD_BYTES = 64 * 1024;

/** Why a CSV could not be read, in words: a double quote is named only when the file has one. */
function unreadableCsvMessage(fileName: string, error: CsvSyntaxError, sawQuote: boolean): string {
  const line = ` at line ${error.line.toLocaleString('en-GB')}`;
  if (error.fault === 'record-too-long' && !sawQuote)
    return `"${fileName}" has a row of over 65,000 characters${line}: its rows are not separated by line breaks, or it is not a CSV file. Save it again as "CSV UTF-8" with one month on each line.`;
  if (sawQuote)
    return `"${fileName}" could not be read as CSV${line}: a double quote (") is opened and never closed, or is in the middle of a value. Remove it or put the whole value in double quotes, then save it again as "CSV UTF-8".`;
  return `"${fileName}" could not be read as CSV${line}. Save it again as "CSV UTF-8" with one month on each line.`;
}

export async function readInyearCsv(
  source: ByteSource,
  options: InyearReadOptions,
): Promise<InyearReadResult> {
  const { fileName, collectionYear, la } = options;
  const findings = new FindingCollector(INYEAR_CHECKS, options.maxListedFindings);
  const notices: CouncilNote[] = [];
  const yearMonths = new Set(monthsOfYear(collectionYear));
  const rows: MonthRow[] = [];
  const monthRows = new Map<string, number>();
  let header: string[] | null = null;

  const decoded = decodeToUtf8(source, {
    fileName,
    onEncoding: (encoding) => {
      if (encoding === 'windows-1252')
        notices.push({
          kind: 'encoding-windows-1252',
          severity: 'info',
          file: fileName,
          message: `"${fileName}" is not saved as UTF-8; we read it as Windows-1252.`,
        });
    },
  });

  // Each record is read as the tokenizer finds it; a refusal thrown here stops the reading.
  const onRecord = (tokenizer: CsvTokenizer): void => {
    const record: string[] = [];
    for (let index = 0; index < tokenizer.fieldCount; index++)
      record.push(fieldText(tokenizer, index).trim());
    const rowNumber = tokenizer.line;
    if (record.every((cell) => cell === '')) return;
    if (header === null) {
      header = record.map((cell) => cell.toLowerCase());
      checkHeader(header, fileName);
      const absent = MEASURES.filter((measure) => !header!.includes(measure.column)).map((m) => m.column);
      if (absent.length > 0)
        notices.push({
          kind: 'measures-not-sent',
          severity: 'info',
          file: fileName,
          message: `These measures are not in the file and are treated as not collected: ${listInWords(absent)}.`,
        });
      return;
    }
    if (record.length !== header.length) {
      findings.add({
        code: 'INYEAR:row-length',
        record: `Row ${rowNumber}`,
        rowNumber,
        field: '',
        value: '',
        message: `Row ${rowNumber} has ${record.length} cells but the header row has ${header.length}, so the row was not read. Check for a stray comma.`,
      });
      return;
    }
    const cells = new Map(header.map((column, index) => [column, record[index]!]));
    const version = cells.get('version')!;
    if (version !== String(INYEAR_FORMAT_VERSION))
      throw reject(
        'wrong-version',
        `Row ${rowNumber} of "${fileName}" says format version "${version}"; we read version ${INYEAR_FORMAT_VERSION} of the in-year dataset (see docs/inyear-format.md). Set the version column to ${INYEAR_FORMAT_VERSION}.`,
        fileName,
      );
    const rowLa = cells.get('la')!;
    const refusal = otherCouncilRefusal(fileName, rowLa, la, `the la column of row ${rowNumber}`);
    if (refusal) throw refusal;
    const month = cells.get('month')!;
    if (!yearMonths.has(month)) {
      findings.add({
        code: 'INYEAR:month',
        record: `Row ${rowNumber}`,
        rowNumber,
        field: 'month',
        value: month,
        message: /^\d{4}-(0[1-9]|1[0-2])$/.test(month)
          ? `Row ${rowNumber}: ${month} is not in the ${collectionYear - 1}/${String(collectionYear % 100).padStart(2, '0')} collection year (${monthsOfYear(collectionYear)[0]} to ${monthsOfYear(collectionYear)[11]}), so the row was not read. Send it with the submission for its own year.`
          : `Row ${rowNumber}: the month "${month}" is not written yyyy-mm (for example 2025-10), so the row was not read.`,
      });
      return;
    }
    const earlier = monthRows.get(month);
    if (earlier !== undefined)
      throw reject(
        'duplicate-month',
        `"${fileName}" gives ${month} twice (rows ${earlier} and ${rowNumber}). Send each month once; to correct a month, send its row again in a later submission.`,
        fileName,
      );
    monthRows.set(month, rowNumber);
    rows.push({ month, rowNumber, figures: readFigures(cells, month, rowNumber, findings) });
  };

  // Whether the file has any double quote at all: a CSV that cannot be read is blamed on one only if it has.
  let sawQuote = false;
  const tokenizer = new CsvTokenizer(onRecord, MAX_RECORD_BYTES, true);
  try {
    for await (const chunk of decoded) {
      if (!sawQuote && chunk.indexOf(0x22) !== -1) sawQuote = true;
      tokenizer.push(chunk);
    }
    tokenizer.finish();
  } catch (error) {
    if (error instanceof ReturnReadError || error instanceof BlockingReadError)
      return { status: 'rejected', blocking: asBlocking(error), notices };
    if (error instanceof CsvSyntaxError)
      return {
        status: 'rejected',
        blocking: asBlocking(reject('csv-quotes', unreadableCsvMessage(fileName, error, sawQuote), fileName)),
        notices,
      };
    throw error;
  }
  if (header === null)
    return {
      status: 'rejected',
      blocking: asBlocking(
        reject('empty-file', `"${fileName}" is empty. Export the in-year dataset again.`, fileName),
      ),
      notices,
    };
  if (rows.length === 0 && findings.total === 0)
    return {
      status: 'rejected',
      blocking: asBlocking(
        reject(
          'no-records',
          `"${fileName}" has a header row but no months. Add one row per month.`,
          fileName,
        ),
      ),
      notices,
    };
  const note = findings.truncationNote();
  if (note) notices.push(note);
  return { status: 'accepted', rows, findings, notices };
}

function checkHeader(header: readonly string[], fileName: string): void {
  const seen = new Set<string>();
  for (const column of header) {
    if (column === '')
      throw reject(
        'blank-column-name',
        `"${fileName}" has a column with no name in its header row. Every column needs one of the names in docs/inyear-format.md.`,
        fileName,
      );
    if (seen.has(column))
      throw reject('duplicate-column', `"${fileName}" has the column "${column}" twice. Keep one.`, fileName);
    seen.add(column);
  }
  const unknown = header.filter((column) => !INYEAR_COLUMNS.includes(column));
  if (unknown.length > 0)
    throw reject(
      'unknown-column',
      `"${fileName}" has ${unknown.length === 1 ? 'a column' : 'columns'} that version ${INYEAR_FORMAT_VERSION} of the in-year dataset does not have: ${listInWords(unknown.map((c) => `"${c}"`))}. Check the spelling against docs/inyear-format.md; nothing was read, so nothing is lost.`,
      fileName,
    );
  const missing = IDENTITY_COLUMNS.filter((column) => !header.includes(column));
  if (missing.length > 0)
    throw reject(
      'missing-column',
      `"${fileName}" has no ${listInWords(missing.map((c) => `"${c}"`))} column. Every in-year file needs version, la and month.`,
      fileName,
    );
}

function readFigures(
  cells: ReadonlyMap<string, string>,
  month: string,
  rowNumber: number,
  findings: FindingCollector,
): Record<string, number> {
  const figures: Record<string, number> = {};
  const record = `Month ${month}`;
  for (const [column, raw] of cells) {
    const measure = MEASURE_BY_COLUMN.get(column);
    if (!measure || raw === '') continue;
    const problem = cellProblem(measure, raw);
    if (problem) {
      findings.add({
        code: problem.code,
        record,
        rowNumber,
        field: column,
        value: raw,
        message: `${record}, ${column}: ${problem.message} It is treated as not collected for the month.`,
      });
      continue;
    }
    figures[column] = Number(raw);
  }
  for (const measure of MEASURES) {
    if (!measure.atMost) continue;
    const part = figures[measure.column];
    const whole = figures[measure.atMost];
    if (part === undefined || whole === undefined || part <= whole) continue;
    findings.add({
      code: 'INYEAR:part-exceeds-whole',
      record,
      rowNumber,
      field: measure.column,
      value: String(part),
      message: `${record}: ${measure.column} (${part}) is larger than ${measure.atMost} (${whole}), which it is part of. ${measure.column} is treated as not collected for the month.`,
    });
    delete figures[measure.column];
  }
  return figures;
}

function cellProblem(measure: Measure, raw: string): { code: string; message: string } | null {
  if (/^-\d/.test(raw))
    return { code: 'INYEAR:negative', message: `"${raw}" is negative; it must be 0 or more.` };
  if (!NUMBER.test(raw))
    return {
      code: 'INYEAR:not-a-number',
      message: `"${raw}" is not a number (write digits only, with no commas or units).`,
    };
  const decimals = raw.split('.')[1]?.length ?? 0;
  const allowed = decimalsOf(measure.kind);
  if (decimals > allowed)
    return {
      code: 'INYEAR:decimals',
      message:
        allowed === 0
          ? `"${raw}" is not a whole number; this measure counts children or events.`
          : `"${raw}" has more than ${allowed} decimal places.`,
    };
  if (Number(raw) > MAX_VALUE)
    return {
      code: 'INYEAR:too-large',
      message: `"${raw}" is larger than ${MAX_VALUE.toLocaleString('en-GB')}, more than any council’s monthly figure.`,
    };
  return null;
}
