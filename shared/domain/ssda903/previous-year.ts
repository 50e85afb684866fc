// Domain: last year's return, uploaded beside this year's so that the checks comparing the two years can run
// (DfE's rules on "Episodes_last", "Header_last" and the like). See docs/adr/0008-last-years-return.md.
//
// Last year’s files are told apart by name: a name ending in "_last" (episodes_last.csv, return_last.xml,
// return_last.zip) or a file inside a folder named "previous" in the ZIP. They are read with the same readers
// under last year's schema, grouped by child in memory, and offered to the rules through the rule context.
// Nothing of them is checked field by field, stored, aggregated or listed in the report: a problem reading
// them is one notice, and this year's return is processed as usual.
import { type ByteSource, peekBytes, releaseSource } from '../reading/bytes.ts';
import { listInWords, type Notice, ReturnReadError } from '../reading/issues.ts';
import { openCsvTable } from './csv-reader.ts';
import type { PreviousYear, Row, Rule, TableName } from './model.ts';
import { schemaForYear, type YearSchema } from './schema.ts';
import { readXmlReturn } from './xml-reader.ts';
import { openZip, type ZipLimits } from './zip-reader.ts';

export { asPreviousYearName, isPreviousYearFile } from '../returns/previous-year-files.ts';

const NO_ROWS: readonly Row[] = Object.freeze([]);

function formatOf(name: string, head: Buffer): 'csv' | 'xml' | 'zip' {
  if (/\.zip$/i.test(name) || (head[0] === 0x50 && head[1] === 0x4b)) return 'zip';
  if (/\.xml$/i.test(name)) return 'xml';
  return 'csv';
}

/**
 * Reads last year's files, one at a time, into a per-child map of the tables the year-comparing rules read.
 * A file that cannot be read is reported once and left out; it never rejects this year's return.
 */
export class PreviousYearReader {
  readonly notices: Notice[] = [];
  private readonly schema: YearSchema;
  private readonly byChild = new Map<string, Partial<Record<TableName, Row[]>>>();
  private readonly present = new Map<TableName, string>();

  /**
   * @param collectionYear this year's collection year (last year's is the one before)
   * @param keep the tables whose rows some rule compares with; others are only noted as present
   */
  constructor(
    collectionYear: number,
    private readonly keep: ReadonlySet<TableName>,
    private readonly zipLimits?: Partial<ZipLimits>,
  ) {
    this.schema = schemaForYear(collectionYear - 1);
  }

  get collectionYear(): number {
    return this.schema.collectionYear;
  }

  async addFile(name: string, body: ByteSource): Promise<void> {
    const { head, chunks } = await peekBytes(body, 4);
    const format = formatOf(name, head);
    try {
      if (format === 'zip') await this.addZip(name, chunks);
      else if (format === 'xml') await this.addXml(name, chunks);
      else await this.addCsv(name, chunks);
    } catch (error) {
      if (!(error instanceof ReturnReadError)) throw error;
      releaseSource(body);
      this.unreadable(name, error.message);
    }
  }

  private async addZip(name: string, body: ByteSource): Promise<void> {
    const archive = await openZip(body, { fileName: name, limits: this.zipLimits });
    try {
      for (const entry of archive.entries) {
        const entryName = `${name}/${entry.name}`;
        try {
          const stream = await archive.open(entry);
          if (entry.kind === 'xml') await this.addXml(entryName, stream);
          else await this.addCsv(entryName, stream);
        } catch (error) {
          if (!(error instanceof ReturnReadError)) throw error;
          this.unreadable(entryName, error.message);
        }
      }
    } finally {
      await archive.close();
    }
  }

  /** Reads one of last year's entries from an archive opened by the engine. */
  async addEntry(name: string, kind: 'csv' | 'xml', open: () => Promise<ByteSource>): Promise<void> {
    try {
      const body = await open();
      if (kind === 'xml') await this.addXml(name, body);
      else await this.addCsv(name, body);
    } catch (error) {
      if (!(error instanceof ReturnReadError)) throw error;
      this.unreadable(name, error.message);
    }
  }

  private async addCsv(name: string, body: ByteSource): Promise<void> {
    const opened = await openCsvTable(body, { fileName: name, schema: this.schema });
    const earlier = this.present.get(opened.table);
    if (earlier !== undefined) {
      await opened.close();
      this.notices.push({
        kind: 'previous-year',
        severity: 'warning',
        file: name,
        message: `"${earlier}" and "${name}" both hold last year’s ${opened.table} table; only "${earlier}" was used.`,
      });
      return;
    }
    const rows: Row[] = [];
    const keep = this.keep.has(opened.table);
    // Rows of a table no rule compares with are still read through, so a broken file is reported alike.
    if (keep) for await (const row of opened.rows) rows.push(row);
    else for await (const _ of opened.read({ row: () => {}, refused: () => {} }));
    this.present.set(opened.table, name);
    this.addRows(rows);
  }

  private async addXml(name: string, body: ByteSource): Promise<void> {
    const rows: Row[] = [];
    const tables = new Set<TableName>();
    for await (const row of readXmlReturn(body, { fileName: name, schema: this.schema })) {
      tables.add(row.table);
      if (this.keep.has(row.table)) rows.push(row);
    }
    for (const table of tables) if (!this.present.has(table)) this.present.set(table, name);
    this.addRows(rows.filter((row) => this.present.get(row.table) === name));
  }

  private addRows(rows: readonly Row[]): void {
    for (const row of rows) {
      const child = row.values.CHILD ?? '';
      let tables = this.byChild.get(child);
      if (!tables) {
        tables = {};
        this.byChild.set(child, tables);
      }
      const list = tables[row.table];
      if (list) list.push(row);
      else tables[row.table] = [row];
    }
  }

  private unreadable(name: string, reason: string): void {
    this.notices.push({
      kind: 'previous-year',
      severity: 'warning',
      file: name,
      message: `Last year’s file "${name}" could not be read, so it was left out of the checks that compare the two years. ${reason}`,
    });
  }

  /** Last year’s return as the rules see it; undefined when no file of it could be read. */
  result(): PreviousYear | undefined {
    if (this.present.size === 0) return undefined;
    const byChild = this.byChild;
    return {
      collectionYear: this.schema.collectionYear,
      tablesPresent: new Set(this.present.keys()),
      rowsOf: (child, table) => byChild.get(child)?.[table] ?? NO_ROWS,
    };
  }
}

/** Tables of last year's return that some rule compares with. */
export function previousTablesRead(rules: readonly Rule[]): Set<TableName> {
  return new Set(rules.flatMap((rule) => rule.previousTables ?? []));
}

/**
 * The year-comparing rules that can run, and one notice naming those that cannot (last year's return absent,
 * or without a table they need): said once for the return, never child by child.
 */
export function previousYearRunnable(
  rules: readonly Rule[],
  previous: PreviousYear | undefined,
): { runnable: (rule: Rule) => boolean; notice: Notice | null } {
  const needsPrevious = rules.filter((rule) => (rule.previousTables ?? []).length > 0);
  const runnable = (rule: Rule): boolean =>
    (rule.previousTables ?? []).every((table) => previous?.tablesPresent.has(table) ?? false);
  const skipped = needsPrevious.filter((rule) => !runnable(rule)).map((rule) => rule.code);
  if (skipped.length === 0) return { runnable, notice: null };
  const codes = listInWords(skipped);
  const checks = skipped.length === 1 ? `check ${codes}, which compares` : `checks ${codes}, which compare`;
  let message: string;
  if (previous) {
    const missing = [
      ...new Set(
        needsPrevious.flatMap((rule) =>
          (rule.previousTables ?? []).filter((table) => !previous.tablesPresent.has(table)),
        ),
      ),
    ];
    message = `Last year’s files have no ${listInWords(missing)} ${missing.length === 1 ? 'table' : 'tables'}, so ${checks} this year with last year, did not run.`;
  } else {
    message =
      `Last year’s return was not uploaded with this one, so the ${skipped.length} checks that compare this year with last year did not run (${codes}). ` +
      'To run them, upload last year’s files too, named with "_last" at the end (for example episodes_last.csv), or put them in a folder named "previous" in the ZIP.';
  }
  return { runnable, notice: { kind: 'previous-year', severity: 'info', file: null, message } };
}
