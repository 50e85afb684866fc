// Domain: reading a whole SSDA903 upload (CSV files, one ZIP, or one XML file), checking every field
// against the year's schema, grouping rows by child and running the year's rules on each child.
// Pure domain: streams in, a result out; no AWS. The ingest Lambda calls it with S3 object streams.
//
// Memory: rows (CSV or XML) are checked as they stream past, as bytes; only what child-level checks need is held
// (see child-store.ts for the layout, spilled to a local folder past a budget): the values of tables some
// rule reads (all tables when onChild is given), and the row number otherwise. Findings beyond
// maxListedFindings are counted, not kept.
// One file is read at a time; a ZIP is read entry by entry.
import { tmpdir } from 'node:os';
import { dayFromParts } from '../dates.ts';
import { type ByteSource, peekBytes, releaseSource } from '../reading/bytes.ts';
import type { TextEncodingName } from '../reading/decode.ts';
import { type BlockingError, listInWords, type Notice, plural, ReturnReadError } from '../reading/issues.ts';
import { AsideSpace } from './aside.ts';
import type { ByteRow } from './byte-row.ts';
import { ReturnStore } from './child-store.ts';
import { type CsvRowSink, headerOnlyMessage, openCsvTable } from './csv-reader.ts';
import {
  blanksReportedByFieldChecks,
  createByteRowChecker,
  type FindingSink,
  SCHEMA_DESCRIPTIONS,
  type SchemaKind,
  schemaCode,
} from './field-checks.ts';
import type { ChildRecord, Finding, Rule, RuleContext, TableName } from './model.ts';
import {
  isPreviousYearFile,
  PreviousYearReader,
  previousTablesRead,
  previousYearRunnable,
} from './previous-year.ts';
import { createRuleRunner } from './rules/runner.ts';
import { ALL_TABLES, REQUIRED_TABLES, schemaForYear, type YearSchema } from './schema.ts';
import type { SpillOptions } from './spill-log.ts';
import { type LocatedFinding, XmlPlaceLog } from './xml-places.ts';
import { readXmlRows, XML_TABLES, xmlColumnsOf } from './xml-reader.ts';
import { openZip, type ZipLimits } from './zip-reader.ts';

export interface InputFile {
  /** The file name as uploaded (used to tell the format and in messages). */
  readonly name: string;
  readonly body: ByteSource;
  /** Last year’s return, declared as such; names ending in "_last" are recognised without it. */
  readonly previousYear?: boolean;
}

/** The most a return may hold; beyond them it is refused (memory and time are sized for them: docs/operations.md). */
export interface ReturnLimits {
  /** Rows in any one table. */
  readonly maxRowsPerTable: number;
  /** Rows across all the tables: what the ingest function's timeout is sized for. */
  readonly maxRowsPerReturn: number;
  /** Different CHILD references across the return. */
  readonly maxChildren: number;
}

/**
 * A national-scale return is about 1,000,000 Episodes rows, 200,000 Header rows and 200,000 children; the
 * largest council's return is under 2% of that. The ingest function's timeout covers the largest return
 * these accept 3 times over (docs/operations.md, "Ingest sizing").
 */
export const RETURN_LIMITS: ReturnLimits = {
  maxRowsPerTable: 1_000_000,
  maxRowsPerReturn: 1_500_000,
  maxChildren: 250_000,
};

export interface ReadReturnOptions {
  /** The year the reporting period ends (2026 = April 2025 to March 2026). */
  readonly collectionYear: number;
  /** The year's rule registry; a rule runs only when every table it names is in the upload. */
  readonly rules?: readonly Rule[];
  /** The council the return is submitted for: an XML file whose header names another is refused. */
  readonly la?: string;
  readonly zipLimits?: Partial<ZipLimits>;
  /** Default RETURN_LIMITS. */
  readonly limits?: Partial<ReturnLimits>;
  /** Findings listed one by one in the result (all are counted). Default 100,000. */
  readonly maxListedFindings?: number;
  /**
   * Where rows go when a large return passes the store's memory budget (child-store.ts); default the
   * system's temporary folder. false keeps every row in memory.
   */
  readonly spill?: SpillOptions | false;
  /** Receives every child after its checks (for example to degrade and aggregate); all tables are then kept. */
  readonly onChild?: (child: ChildRecord, context: RuleContext) => void | Promise<void>;
}

export type UploadFormat = 'csv' | 'xml' | 'zip';

export interface TableSummary {
  readonly table: TableName;
  readonly file: string;
  readonly rows: number;
}

export interface RuleCount {
  readonly code: string;
  readonly description: string;
  readonly count: number;
}

interface ResultBase {
  readonly collectionYear: number;
  readonly format: UploadFormat | null;
  readonly tables: readonly TableSummary[];
  /** Council-level observations (not blocking). */
  readonly notices: readonly Notice[];
}

export interface RejectedReturn extends ResultBase {
  readonly status: 'rejected';
  readonly blocking: readonly BlockingError[];
}

export interface AcceptedReturn extends ResultBase {
  readonly status: 'accepted';
  readonly children: number;
  /** Findings in the order found (schema findings while reading, then rule findings child by child), capped. */
  readonly findings: readonly LocatedFinding[];
  /** Every finding counted, by code. */
  readonly counts: readonly RuleCount[];
  readonly totalFindings: number;
}

export type ReturnReadResult = RejectedReturn | AcceptedReturn;

const DEFAULT_MAX_LISTED = 100_000;
const SNIFF_BYTES = 8;
const SPREADSHEET = /\.(xlsx|xlsm|xls|ods|numbers)$/i;
const DOCUMENT = /\.(pdf|docx?|odt|rtf)$/i;

interface DataSource {
  readonly name: string;
  open(): Promise<ByteSource>;
  /** Releases the original stream when reading stops early. */
  release?(): void;
}

/** A finding, and for an XML return where its row is by position ("Child 12, Episode 3"). */
export type { LocatedFinding } from './xml-places.ts';

/** Where spilled rows (and an XML return's row places) go, if anywhere. */
const spillOf = (options: ReadReturnOptions): SpillOptions | undefined =>
  options.spill === false ? undefined : (options.spill ?? { directory: tmpdir() });

/** Collects everything a read produces, whichever form the upload takes. */
class ReadSession {
  /** Where each row of an XML return is, to locate its findings once the checks have run. */
  xmlPlaces: XmlPlaceLog | null = null;
  readonly schema: YearSchema;
  readonly blocking: BlockingError[] = [];
  readonly notices: Notice[] = [];
  readonly tables: TableSummary[] = [];
  readonly findings: Finding[] = [];
  readonly counts = new Map<string, number>();
  totalFindings = 0;
  readonly store: ReturnStore;
  /** What the checks across children remember, spilled beside the rows (aside.ts). */
  readonly aside: AsideSpace;
  readonly limits: ReturnLimits;
  private readonly byteCheckers = new Map<TableName, ReturnType<typeof createByteRowChecker>>();
  readonly ruleCodes: ReadonlySet<string>;
  readonly sink: FindingSink;
  /** Last year’s files, read in a pass of their own for the rules that compare the two years. */
  readonly previous: PreviousYearReader;

  constructor(
    readonly options: ReadReturnOptions,
    keep: ReadonlySet<TableName>,
  ) {
    this.schema = schemaForYear(options.collectionYear);
    this.limits = { ...RETURN_LIMITS, ...options.limits };
    this.ruleCodes = new Set((options.rules ?? []).map((rule) => rule.code));
    const spill = spillOf(options);
    this.store = new ReturnStore(keep, spill);
    this.aside = new AsideSpace(spill);
    this.previous = new PreviousYearReader(
      options.collectionYear,
      previousTablesRead(options.rules ?? []),
      options.zipLimits,
    );
    const max = options.maxListedFindings ?? DEFAULT_MAX_LISTED;
    this.sink = (finding) => {
      this.totalFindings++;
      this.counts.set(finding.code, (this.counts.get(finding.code) ?? 0) + 1);
      if (this.findings.length < max) this.findings.push(finding);
    };
  }

  block(error: BlockingError | ReturnReadError): void {
    this.blocking.push(error instanceof ReturnReadError ? error.toBlockingError() : error);
  }

  encodingNotice(file: string): (encoding: TextEncodingName) => void {
    return (encoding) => {
      if (encoding !== 'windows-1252') return;
      this.notices.push({
        kind: 'encoding-windows-1252',
        severity: 'info',
        file,
        message: /\.xml$/i.test(file)
          ? `"${file}" is not saved as UTF-8, as an XML file should be unless it says otherwise; we read it as Windows-1252. Check that accented letters in the report look right, and save the XML file as UTF-8 next time.`
          : `"${file}" is not saved as UTF-8; we read it as Windows-1252 (the usual Excel "CSV" encoding). Check that accented letters in the report look right.`,
      });
    };
  }

  /** Rows read so far across the return's tables. */
  rowsRead = 0;

  /** Refuses a table or a return past the limits; throws ReturnReadError. */
  checkLimits(file: string, table: TableName, rows: number): void {
    const { maxRowsPerTable, maxRowsPerReturn, maxChildren } = this.limits;
    if (this.rowsRead > maxRowsPerReturn) {
      throw new ReturnReadError(
        'too-many-rows',
        `The return has more than ${maxRowsPerReturn.toLocaleString('en-GB')} rows in all by the time "${file}" is ` +
          "read, the most one return may have. Check that the files hold one council's return for one year; if " +
          'they do, contact us.',
        file,
      );
    }
    if (rows > maxRowsPerTable) {
      throw new ReturnReadError(
        'too-many-rows',
        `"${file}" has more than ${maxRowsPerTable.toLocaleString('en-GB')} rows in its ${table} table, the most one ` +
          "table of a return may have. Check that it holds one council's return for one year; if it does, contact us.",
        file,
      );
    }
    if (this.store.childCount > maxChildren) {
      throw new ReturnReadError(
        'too-many-children',
        `The return has more than ${maxChildren.toLocaleString('en-GB')} different children (CHILD references) by ` +
          `the time "${file}" is read, the most one return may have. Check that the files hold one council's ` +
          'return for one year; if they do, contact us.',
        file,
      );
    }
  }

  /** What takes the rows of one CSV table as they are read: field checks, then the store. */
  csvRows(table: TableName): CsvRowAcceptor {
    let check = this.byteCheckers.get(table);
    if (!check) {
      check = createByteRowChecker(this.schema.tables.get(table)!, this.ruleCodes);
      this.byteCheckers.set(table, check);
    }
    return new CsvRowAcceptor(check, this.store, this.sink);
  }

  /** What takes the rows of an XML return as they are read: field checks, then the store. */
  xmlRows(file: string): XmlRowAcceptor {
    const checkers = XML_TABLES.map((table) => {
      let check = this.byteCheckers.get(table);
      if (!check) {
        check = createByteRowChecker(this.schema.tables.get(table)!, this.ruleCodes);
        this.byteCheckers.set(table, check);
      }
      return check;
    });
    return new XmlRowAcceptor(this, file, checkers);
  }
}

/**
 * Checks and stores each row of an XML return as the reader hands it over, counting them by table. A return
 * past the limits is noted (refusal) and read no further: the reader is told between slices of the file, so
 * that a fault found in the same slice is reported first, as it would be were the rows handed over after it.
 */
class XmlRowAcceptor {
  refusal: ReturnReadError | null = null;
  /** Rows read so far, by table (in XML_TABLES' order). */
  private readonly rows = new Int32Array(XML_TABLES.length);
  private lastTable: TableName | null = null;
  private lastIndex = 0;

  constructor(
    private readonly session: ReadSession,
    private readonly file: string,
    /** The field checks of each table, in XML_TABLES' order. */
    private readonly checkers: readonly ReturnType<typeof createByteRowChecker>[],
  ) {}

  /** Rows read, by table. */
  get counts(): ReadonlyMap<TableName, number> {
    return new Map(XML_TABLES.map((table, index) => [table, this.rows[index]!]));
  }

  readonly row = (row: ByteRow): void => {
    if (this.refusal) return;
    const { session } = this;
    if (row.table !== this.lastTable) {
      this.lastTable = row.table;
      this.lastIndex = XML_TABLES.indexOf(row.table);
    }
    const rows = ++this.rows[this.lastIndex]!;
    session.rowsRead++;
    this.checkers[this.lastIndex]!(row, session.sink);
    session.store.addRow(row);
    try {
      session.checkLimits(this.file, row.table, rows);
    } catch (error) {
      if (!(error instanceof ReturnReadError)) throw error;
      this.refusal = error;
    }
  };
}

/** Checks and stores each row of a CSV table as the reader hands it over, counting those kept. */
class CsvRowAcceptor implements CsvRowSink {
  kept = 0;

  constructor(
    private readonly check: ReturnType<typeof createByteRowChecker>,
    private readonly store: ReturnStore,
    private readonly findings: FindingSink,
  ) {}

  row(row: ByteRow): void {
    this.check(row, this.findings);
    this.store.addRow(row);
    this.kept++;
  }

  refused(finding: Finding): void {
    this.findings(finding);
  }
}

function extensionOf(name: string): string {
  const dot = name.lastIndexOf('.');
  return dot === -1 ? '' : name.slice(dot + 1).toLowerCase();
}

type Detected = UploadFormat | 'unsupported';

function detectFormat(name: string, head: Buffer): Detected {
  const extension = extensionOf(name);
  if (SPREADSHEET.test(name) || DOCUMENT.test(name)) return 'unsupported';
  if (extension === 'zip') return 'zip';
  if (extension === 'xml') return 'xml';
  if (extension === 'csv' || extension === 'txt') return 'csv';
  if (head[0] === 0x50 && head[1] === 0x4b && head[2] === 0x03 && head[3] === 0x04) return 'zip';
  const text = head
    .toString('latin1')
    .replace(/^\uFEFF|^\u00EF\u00BB\u00BF/, '')
    .trimStart();
  return text.startsWith('<') ? 'xml' : 'csv';
}

function unsupported(name: string): BlockingError {
  const what = SPREADSHEET.test(name) ? 'a spreadsheet workbook' : 'a document';
  return {
    kind: 'unsupported-file',
    file: name,
    message: `"${name}" is ${what}. Upload the return as CSV files (one per table), one XML file, or one ZIP of the CSV files.`,
  };
}

const MIXED: BlockingError = {
  kind: 'mixed-upload',
  file: null,
  message:
    'Upload the return in one form only: the CSV files of its tables, or one XML file, or one ZIP file holding the CSV files.',
};

/**
 * Reads a whole SSDA903 upload. Either rejects it with blocking errors (unreadable files, unknown tables,
 * missing mandatory columns, Header or Episodes missing, a table given twice) or accepts it, with schema
 * findings and the findings of the rules. Streams are consumed (or released) before it returns.
 */
export async function readReturn(
  uploaded: readonly InputFile[],
  options: ReadReturnOptions,
): Promise<ReturnReadResult> {
  const rules = options.rules ?? [];
  const keep = new Set<TableName>(options.onChild ? ALL_TABLES : rules.flatMap((rule) => rule.tables));
  const session = new ReadSession(options, keep);
  try {
    return await readInto(session, uploaded, options, rules);
  } finally {
    // Spilled rows are removed whether the return was accepted, rejected or failed.
    session.store.release();
    session.aside.release();
    session.xmlPlaces?.release();
  }
}

async function readInto(
  session: ReadSession,
  uploaded: readonly InputFile[],
  options: ReadReturnOptions,
  rules: readonly Rule[],
): Promise<ReturnReadResult> {
  let format: UploadFormat | null = null;
  let files = uploaded;

  const lastYear = files.filter((file) => file.previousYear || isPreviousYearFile(file.name));
  for (const file of lastYear) await session.previous.addFile(file.name, file.body);
  if (lastYear.length > 0) files = files.filter((file) => !lastYear.includes(file));
  if (files.length === 0) {
    const message =
      lastYear.length > 0
        ? 'Only last year’s files (names ending in "_last") were uploaded. Upload this year’s return with them.'
        : 'No files were uploaded.';
    session.block({ kind: 'no-files', file: null, message });
    return rejected(session, format);
  }

  const peeked = await Promise.all(
    files.map(async (file) => {
      const { head, chunks } = await peekBytes(file.body, SNIFF_BYTES);
      return { file, head, chunks, format: detectFormat(file.name, head) };
    }),
  );
  const releaseAll = (): void => {
    for (const item of peeked) releaseSource(item.file.body);
  };
  const bad = peeked.filter((item) => item.format === 'unsupported');
  if (bad.length > 0) {
    for (const item of bad) session.block(unsupported(item.file.name));
    releaseAll();
    return rejected(session, format);
  }
  const singles = peeked.filter((item) => item.format !== 'csv');
  if (singles.length > 0 && peeked.length > 1) {
    session.block(MIXED);
    releaseAll();
    return rejected(session, format);
  }

  const only = peeked[0]!;
  let tablesPresent: ReadonlySet<TableName>;
  if (only.format === 'xml' && peeked.length === 1) {
    format = 'xml';
    tablesPresent = await readXml(session, only.file.name, only.chunks);
  } else if (only.format === 'zip') {
    format = 'zip';
    let archive: Awaited<ReturnType<typeof openZip>>;
    try {
      archive = await openZip(only.chunks, { fileName: only.file.name, limits: options.zipLimits });
    } catch (error) {
      if (!(error instanceof ReturnReadError)) throw error;
      session.block(error);
      return rejected(session, format);
    }
    try {
      tablesPresent = await readArchive(session, only.file.name, archive);
    } finally {
      await archive.close();
    }
  } else {
    format = 'csv';
    tablesPresent = await readCsvFiles(
      session,
      peeked.map((item) => ({
        name: item.file.name,
        open: async () => item.chunks,
        release: () => releaseSource(item.file.body),
      })),
    );
  }

  if (session.blocking.length === 0) {
    const missing = REQUIRED_TABLES.filter((table) => !tablesPresent.has(table));
    if (missing.length > 0) {
      session.block({
        kind: 'missing-table',
        file: null,
        message:
          `The upload has no ${listInWords(missing)} table. Every SSDA903 return needs the Header and Episodes tables; ` +
          'check that all the files were uploaded and that their first rows hold the column names.',
      });
    }
  }
  if (session.blocking.length > 0) return rejected(session, format);
  return await checkChildren(session, format, tablesPresent, rules);
}

async function readArchive(
  session: ReadSession,
  zipName: string,
  archive: Awaited<ReturnType<typeof openZip>>,
): Promise<ReadonlySet<TableName>> {
  if (archive.ignored.length > 0) {
    session.notices.push({
      kind: 'ignored-file',
      severity: 'warning',
      file: zipName,
      message: `These files in "${zipName}" are not CSV or XML files and were not read: ${listInWords(archive.ignored)}.`,
    });
  }
  const entries = archive.entries.filter((entry) => !isPreviousYearFile(entry.name));
  for (const entry of archive.entries) {
    if (entries.includes(entry)) continue;
    await session.previous.addEntry(`${zipName}/${entry.name}`, entry.kind, () => archive.open(entry));
  }
  const xml = entries.filter((entry) => entry.kind === 'xml');
  const csv = entries.filter((entry) => entry.kind === 'csv');
  if (xml.length + csv.length === 0) {
    session.block({
      kind: 'zip-no-data',
      file: zipName,
      message: `"${zipName}" holds no CSV or XML files. Put the CSV files of the return directly in the ZIP.`,
    });
    return new Set();
  }
  if (xml.length > 0 && (xml.length > 1 || csv.length > 0)) {
    session.block({ ...MIXED, file: zipName });
    return new Set();
  }
  if (xml.length === 1) {
    const entry = xml[0]!;
    let body: ByteSource;
    try {
      body = await archive.open(entry);
    } catch (error) {
      if (!(error instanceof ReturnReadError)) throw error;
      session.block(error);
      return new Set();
    }
    return readXml(session, `${zipName}/${entry.name}`, body);
  }
  return readCsvFiles(
    session,
    csv.map((entry) => ({ name: `${zipName}/${entry.name}`, open: () => archive.open(entry) })),
  );
}

async function readCsvFiles(
  session: ReadSession,
  sources: readonly DataSource[],
): Promise<ReadonlySet<TableName>> {
  const seen = new Map<TableName, string>();
  for (const source of sources) {
    let body: ByteSource | null = null;
    try {
      body = await source.open();
      const opened = await openCsvTable(body, {
        fileName: source.name,
        schema: session.schema,
        onEncoding: session.encodingNotice(source.name),
      });
      const earlier = seen.get(opened.table);
      if (earlier !== undefined) {
        session.block({
          kind: 'duplicate-table',
          file: source.name,
          message: `"${earlier}" and "${source.name}" both hold the ${opened.table} table. Upload each table once, in one file.`,
        });
        await opened.close();
        continue;
      }
      seen.set(opened.table, source.name);
      if (session.blocking.length > 0) {
        // Already rejected: keep checking the other files' column names, skip their rows.
        await opened.close();
        continue;
      }
      session.store.declareTable(opened.table, session.schema.tables.get(opened.table)!.columns);
      let rows = 0;
      const accept = session.csvRows(opened.table);
      for await (const _ of opened.read(accept)) {
        session.rowsRead += accept.kept - rows;
        rows = accept.kept;
        session.checkLimits(source.name, opened.table, rows);
      }
      session.tables.push({ table: opened.table, file: source.name, rows });
      if (rows === 0) {
        const required = REQUIRED_TABLES.includes(opened.table);
        const message = headerOnlyMessage(source.name, opened.table, required);
        if (required) session.block({ kind: 'header-only', file: source.name, message });
        else session.notices.push({ kind: 'empty-table', severity: 'info', file: source.name, message });
      }
    } catch (error) {
      if (!(error instanceof ReturnReadError)) throw error;
      session.block(error);
      if (body !== null) releaseSource(body);
      source.release?.();
    }
  }
  return new Set(seen.keys());
}

async function readXml(
  session: ReadSession,
  name: string,
  body: ByteSource,
): Promise<ReadonlySet<TableName>> {
  const unknown: string[] = [];
  for (const table of XML_TABLES) session.store.declareTable(table, xmlColumnsOf(session.schema, table));
  const places = new XmlPlaceLog(spillOf(session.options));
  session.xmlPlaces = places;
  const accept = session.xmlRows(name);
  try {
    for await (const _ of readXmlRows(
      body,
      {
        fileName: name,
        schema: session.schema,
        la: session.options.la,
        onRowPlace: (rowNumber, place) => places.add(rowNumber, place),
        onEncoding: session.encodingNotice(name),
        onUnknownElement: (path) => unknown.push(path),
      },
      accept.row,
    )) {
      if (accept.refusal) throw accept.refusal;
    }
    if (accept.refusal) throw accept.refusal;
  } catch (error) {
    if (!(error instanceof ReturnReadError)) throw error;
    session.block(error);
    releaseSource(body);
    return new Set(XML_TABLES);
  }
  const counts = accept.counts;
  for (const table of XML_TABLES) session.tables.push({ table, file: name, rows: counts.get(table) ?? 0 });
  if (unknown.length > 0) {
    session.notices.push({
      kind: 'ignored-xml-element',
      severity: 'warning',
      file: name,
      message: `"${name}" has elements that are not part of the SSDA903 XML format; their contents were not read: ${listInWords(unknown)}.`,
    });
  }
  if ((counts.get('Header') ?? 0) === 0) {
    session.block({
      kind: 'missing-table',
      file: name,
      message: `"${name}" holds no <CHILD> records, so there is nothing to check.`,
    });
  }
  return new Set(XML_TABLES);
}

function rejected(session: ReadSession, format: UploadFormat | null): RejectedReturn {
  return {
    status: 'rejected',
    collectionYear: session.schema.collectionYear,
    format,
    tables: session.tables,
    notices: session.notices,
    blocking: session.blocking,
  };
}

function childFinding(kind: SchemaKind, table: TableName, rowNumber: number, child: string): Finding {
  return { code: schemaCode(kind), table, rowNumber, field: 'CHILD', value: child, child };
}

async function checkChildren(
  session: ReadSession,
  format: UploadFormat,
  tablesPresent: ReadonlySet<TableName>,
  rules: readonly Rule[],
): Promise<AcceptedReturn> {
  const year = session.schema.collectionYear;
  const thisYear: RuleContext = {
    collectionYear: year,
    periodStart: dayFromParts(year - 1, 4, 1)!,
    periodEnd: dayFromParts(year, 3, 31)!,
    tablesPresent,
  };
  // Last year’s rows reach the rules only: onChild (degrade, aggregates) gets this year's context.
  const previousYear = session.previous.result();
  const context: RuleContext = previousYear ? { ...thisYear, previousYear } : thisYear;
  session.notices.push(...session.previous.notices);
  const lastYear = previousYearRunnable(rules, previousYear);
  if (lastYear.notice) session.notices.push(lastYear.notice);
  const runnable = rules.filter(
    (rule) => rule.tables.every((table) => tablesPresent.has(table)) && lastYear.runnable(rule),
  );
  const failures = new Map<string, { count: number; first: string }>();
  const failed = (code: string, child: string): void => {
    const failure = failures.get(code) ?? { count: 0, first: child };
    failure.count++;
    failures.set(code, failure);
  };
  // One problem, one finding: a blank the field checks have already reported is not reported again by a rule.
  const runRules = createRuleRunner(
    runnable,
    context,
    blanksReportedByFieldChecks(session.schema, session.ruleCodes),
  );
  // Checks that compare children with each other get a fresh tally for this return, remembering aside.
  const tallies = runnable.flatMap((rule) =>
    rule.acrossChildren ? [{ code: rule.code, tally: rule.acrossChildren(session.aside) }] : [],
  );
  let children = 0;

  for (const { number, record, rowNumbers } of session.store.children()) {
    children++;
    const headerRows = rowNumbers.Header ?? [];
    if (headerRows.length === 0) {
      for (const [table, numbers] of Object.entries(rowNumbers) as [TableName, number[]][]) {
        for (const rowNumber of numbers)
          session.sink(childFinding('not-in-header', table, rowNumber, record.child));
      }
    }
    for (let at = 1; at < headerRows.length; at++) {
      session.sink(childFinding('duplicate-child', 'Header', headerRows[at]!, record.child));
    }
    runRules(record, session.sink, failed);
    for (const { code, tally } of tallies) {
      try {
        tally.see(record, context, number);
      } catch {
        failed(code, record.child);
      }
    }
    if (session.options.onChild) {
      // Awaited only when it is asynchronous: a turn of the event loop per child adds up at national scale.
      const handled = session.options.onChild(record, thisYear);
      if (handled) await handled;
    }
  }
  const referenceOf = (number: number) => session.store.referenceOf(number);
  for (const { tally } of tallies) for (const found of tally.findings(referenceOf)) session.sink(found);

  for (const [code, failure] of failures) {
    session.notices.push({
      kind: 'rule-failed',
      severity: 'warning',
      file: null,
      message: `Check ${code} could not be completed for ${plural(failure.count, 'child', 'children')} (first: CHILD ${failure.first}). This is a fault on our side; the other checks ran.`,
    });
  }
  if (session.totalFindings > session.findings.length) {
    session.notices.push({
      kind: 'findings-truncated',
      severity: 'info',
      file: null,
      message: `${plural(session.totalFindings, 'problem')} were found; the first ${session.findings.length.toLocaleString('en-GB')} are listed row by row and all are counted.`,
    });
  }

  const descriptions = new Map<string, string>(
    (Object.keys(SCHEMA_DESCRIPTIONS) as SchemaKind[]).map((kind) => [
      schemaCode(kind),
      SCHEMA_DESCRIPTIONS[kind],
    ]),
  );
  for (const rule of rules) descriptions.set(rule.code, rule.description);
  const counts = [...session.counts]
    .map(([code, count]) => ({ code, description: descriptions.get(code) ?? '', count }))
    .sort((a, b) => b.count - a.count || a.code.localeCompare(b.code));

  return {
    status: 'accepted',
    collectionYear: year,
    format,
    tables: session.tables,
    notices: session.notices,
    children,
    findings: session.xmlPlaces ? session.xmlPlaces.locateAll(session.findings) : session.findings,
    counts,
    totalFindings: session.totalFindings,
  };
}
