// The fake return in shared/demo/ssda903 (2,675 children, invalid values planted on purpose),
// read whole as CSV files, as a ZIP and as XML.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { openCsvTable } from '#domain/ssda903/csv-reader';
import { type AcceptedReturn, type LocatedFinding, readReturn } from '#domain/ssda903/engine';
import type { Row, TableName } from '#domain/ssda903/model';
import { rulesFor } from '#domain/ssda903/rules/registry';
import { schemaForYear } from '#domain/ssda903/schema';
import { readXmlReturn, XML_TABLES, type XmlRowPlace, xmlRowLocation } from '#domain/ssda903/xml-reader';
import {
  readSampleTable,
  SAMPLE_DIR,
  sampleAsXml,
  sampleAsZip,
  sampleFileNames,
  sampleInputs,
  XML_SAMPLE_FILES,
} from './helpers/sample.ts';

const LATEST = 2027; // DoLo is collected from 2026/27, and the sample has a DoLo table

async function csvRows(year: number, names = sampleFileNames()): Promise<Map<TableName, Row[]>> {
  const tables = new Map<TableName, Row[]>();
  for (const name of names) {
    const table = await openCsvTable(readFileSync(join(SAMPLE_DIR, name)), {
      fileName: name,
      schema: schemaForYear(year),
    });
    const rows: Row[] = [];
    for await (const row of table.rows) rows.push(row);
    tables.set(table.table, rows);
  }
  return tables;
}

/**
 * The XML form's rows, with the Header's UASC status (which only the XML form carries) taken out so the rows can
 * be compared with the CSV tables'; the statuses are in `uascStatus` by child.
 */
async function xmlRows(
  xml: string,
  year: number,
): Promise<Map<TableName, Row[]> & { uascStatus: Map<string, string> }> {
  const tables = Object.assign(new Map<TableName, Row[]>(), { uascStatus: new Map<string, string>() });
  for await (const read of readXmlReturn(xml, { fileName: 'return.xml', schema: schemaForYear(year) })) {
    let row = read;
    if (row.table === 'Header') {
      const { UASC, ...values } = row.values;
      tables.uascStatus.set(values.CHILD ?? '', UASC ?? '(none)');
      row = { ...row, values };
    }
    const list = tables.get(row.table) ?? [];
    list.push(row);
    tables.set(row.table, list);
  }
  return tables;
}

/** Rows of a table by child, in order, without row numbers. */
function byChild(rows: readonly Row[] = []): Map<string, Readonly<Record<string, string>>[]> {
  const grouped = new Map<string, Readonly<Record<string, string>>[]>();
  for (const row of rows) {
    const child = row.values.CHILD ?? '';
    grouped.set(child, [...(grouped.get(child) ?? []), row.values]);
  }
  return grouped;
}

const XML_FILES = sampleFileNames().filter((name) => name in XML_SAMPLE_FILES);

describe('the sample return', () => {
  it('reads every table with the number of rows its file has', async () => {
    const result = (await readReturn(sampleInputs(), { collectionYear: LATEST })) as AcceptedReturn;
    expect(result.status).toBe('accepted');
    const expected = sampleFileNames().map((name) => [name, readSampleTable(name).rows.length]);
    expect(result.tables.map((table) => [table.file, table.rows])).toEqual(expected);
    expect(result.tables).toHaveLength(12);
    const children = new Set(
      sampleFileNames().flatMap((name) => readSampleTable(name).rows.map((row) => row.CHILD)),
    );
    expect(result.children).toBe(children.size);
  });

  it('finds the planted values that are not allowed, including codes changed by year', async () => {
    const result = (await readReturn(sampleInputs(), { collectionYear: LATEST })) as AcceptedReturn;
    const episodes = readSampleTable('episodes.csv').rows;
    // H5 and P2 were withdrawn in 2024/25; Z1 in 2025/26, replaced by Z11–Z14.
    const dropped = episodes.filter((row) => ['H5', 'P2', 'Z1'].includes(row.PLACE ?? '')).length;
    expect(dropped).toBeGreaterThan(0);
    const placeFindings = result.findings.filter((finding) => finding.field === 'PLACE');
    expect(placeFindings).toHaveLength(dropped);
    // The sample uses the old SEX codes 1 and 2, which are not codes from 2024/25.
    const sexFindings = result.findings.filter((finding) => finding.field === 'SEX');
    expect(sexFindings).toHaveLength(
      readSampleTable('header.csv').rows.length + readSampleTable('uasc.csv').rows.length,
    );
    // The planted SW_REASON "SWLAZY" and the child CHILD10 who has no Header row.
    expect(result.findings).toContainEqual({
      code: 'SCHEMA:code',
      table: 'SWEpisodes',
      rowNumber: 2,
      field: 'SW_REASON',
      value: 'SWLAZY',
      child: 'CHILD10',
    });
    expect(result.findings.filter((finding) => finding.code === 'SCHEMA:not-in-header')).toEqual([
      {
        code: 'SCHEMA:not-in-header',
        table: 'DoLo',
        rowNumber: 2,
        field: 'CHILD',
        value: 'CHILD10',
        child: 'CHILD10',
      },
      {
        code: 'SCHEMA:not-in-header',
        table: 'SWEpisodes',
        rowNumber: 2,
        field: 'CHILD',
        value: 'CHILD10',
        child: 'CHILD10',
      },
    ]);
  });

  it('accepts the old codes in the year they were valid', async () => {
    const result = (await readReturn(sampleInputs(XML_FILES), { collectionYear: 2023 })) as AcceptedReturn;
    expect(result.status).toBe('accepted');
    expect(result.findings.filter((finding) => finding.field === 'SEX' || finding.field === 'PLACE')).toEqual(
      [],
    );
  });

  it('is rejected for a year before DoLo was collected, saying so', async () => {
    const result = await readReturn(sampleInputs(), { collectionYear: 2026 });
    expect(result.status).toBe('rejected');
    if (result.status !== 'rejected') return;
    expect(result.blocking).toEqual([
      {
        kind: 'table-not-collected',
        file: 'DoLo.csv',
        message:
          '"DoLo.csv" is the DoLo table, which is collected only from 2026/27. It is not part of the 2025/26 return: remove it from the upload.',
      },
    ]);
  });

  it('gives the same result from a ZIP of its files', async () => {
    const zip = sampleAsZip();
    const fromZip = (await readReturn([{ name: 'return.zip', body: zip }], {
      collectionYear: LATEST,
    })) as AcceptedReturn;
    const fromCsv = (await readReturn(sampleInputs(), { collectionYear: LATEST })) as AcceptedReturn;
    expect(fromZip.status).toBe('accepted');
    expect(fromZip.findings).toEqual(fromCsv.findings);
    expect(fromZip.tables.map((table) => table.rows)).toEqual(fromCsv.tables.map((table) => table.rows));
  });
});

// Reading the whole sample several times over takes seconds, not milliseconds.
describe('the sample return as XML', { timeout: 30_000 }, () => {
  it('yields the same rows as the CSV files, table by table and child by child', async () => {
    const csv = await csvRows(LATEST, XML_FILES);
    const xml = await xmlRows(sampleAsXml(), LATEST);
    expect([...xml.keys()].sort()).toEqual([...XML_TABLES].sort());
    for (const table of XML_TABLES) {
      expect(xml.get(table)!.length, table).toBe(csv.get(table)!.length);
      expect(byChild(xml.get(table)), table).toEqual(byChild(csv.get(table)));
    }
    // The Header's UASC status is 1 exactly for the children with a UASC row.
    const uascChildren = new Set(csv.get('UASC')!.map((row) => row.values.CHILD));
    expect(uascChildren.size).toBeGreaterThan(0);
    for (const [child, status] of xml.uascStatus)
      expect(status, child).toBe(uascChildren.has(child) ? '1' : '0');
  });

  it('turns ISO dates back into dd/mm/yyyy', async () => {
    const csv = await csvRows(LATEST, XML_FILES);
    const xml = await xmlRows(sampleAsXml({ isoDates: true }), LATEST);
    for (const table of XML_TABLES) expect(byChild(xml.get(table)), table).toEqual(byChild(csv.get(table)));
  });

  it('places each row at its element: the child, its place among its like, and the line', async () => {
    const text = sampleAsXml();
    const episodeLines = text
      .split('\n')
      .flatMap((line, index) => (line.trim() === '<EPISODE>' ? [index + 1] : []));
    const places = new Map<number, XmlRowPlace>();
    const episodes: Row[] = [];
    for await (const row of readXmlReturn(text, {
      fileName: 'return.xml',
      schema: schemaForYear(LATEST),
      onRowPlace: (rowNumber, place) => places.set(rowNumber, place),
    }))
      if (row.table === 'Episodes') episodes.push(row);
    expect(episodes.map((row) => places.get(row.rowNumber)!.line)).toEqual(episodeLines);
    const first = places.get(episodes[0]!.rowNumber)!;
    expect(xmlRowLocation('Episodes', first)).toBe('Child 1, Episode 1');
  });

  it('gives the same findings as the CSV files, apart from row numbers', async () => {
    const strip = (findings: readonly LocatedFinding[]) =>
      findings.map(({ rowNumber: _rowNumber, location: _location, ...rest }) => JSON.stringify(rest)).sort();
    const fromXml = (await readReturn([{ name: 'return.xml', body: sampleAsXml() }], {
      collectionYear: LATEST,
    })) as AcceptedReturn;
    const fromCsv = (await readReturn(sampleInputs(XML_FILES), { collectionYear: LATEST })) as AcceptedReturn;
    expect(fromXml.status).toBe('accepted');
    expect(fromXml.children).toBe(fromCsv.children);
    expect(fromXml.totalFindings).toBeGreaterThan(0);
    expect(strip(fromXml.findings)).toEqual(strip(fromCsv.findings));
    expect(fromXml.counts).toEqual(fromCsv.counts);
  });
});

describe('the sample return in every form', { timeout: 60_000 }, () => {
  interface Outcome {
    readonly result: AcceptedReturn;
    /** Every child handed to onChild, its rows without row numbers, by child. */
    readonly children: Map<string, Partial<Record<TableName, Readonly<Record<string, string>>[]>>>;
  }

  async function read(files: Parameters<typeof readReturn>[0]): Promise<Outcome> {
    const children: Outcome['children'] = new Map();
    const result = await readReturn(files, {
      collectionYear: LATEST,
      rules: rulesFor(LATEST),
      onChild: (child) => {
        const rows: Partial<Record<TableName, Readonly<Record<string, string>>[]>> = {};
        for (const [table, list] of Object.entries(child.rows)) {
          rows[table as TableName] = (list ?? []).map((row) => row.values);
        }
        children.set(child.child, rows);
      },
    });
    if (result.status !== 'accepted') throw new Error(`rejected: ${JSON.stringify(result.blocking)}`);
    return { result, children };
  }

  /** The children's rows without the Header's UASC status, which only the XML form carries. */
  const withoutUascStatus = (children: Outcome['children']): Outcome['children'] =>
    new Map(
      [...children].map(([child, rows]) => [
        child,
        { ...rows, Header: rows.Header?.map(({ UASC: _status, ...values }) => values) },
      ]),
    );

  const rowsByTable = (result: AcceptedReturn) =>
    Object.fromEntries(result.tables.map((table) => [table.table, table.rows]));
  const withoutRowNumbers = (findings: readonly LocatedFinding[]) =>
    findings.map(({ rowNumber: _rowNumber, location: _location, ...rest }) => JSON.stringify(rest)).sort();

  it('gives identical results as CSV files, a ZIP of them and one XML file', async () => {
    const csv = await read(sampleInputs(XML_FILES));
    const zip = await read([{ name: 'return.zip', body: sampleAsZip(XML_FILES) }]);
    const xml = await read([{ name: 'return.xml', body: sampleAsXml() }]);

    // The rules found something, so the comparisons below compare something.
    expect(csv.result.counts.some((count) => !count.code.startsWith('SCHEMA:'))).toBe(true);
    expect(csv.children.size).toBe(readSampleTable('header.csv').rows.length);

    // A ZIP holds the same files: everything is the same, row numbers and order included.
    expect(zip.result.findings).toEqual(csv.result.findings);
    expect(zip.result.counts).toEqual(csv.result.counts);
    expect(zip.children).toEqual(csv.children);

    // The XML form locates rows by position (and line) in the XML file and lists children in its own order.
    expect(xml.result.children).toBe(csv.result.children);
    expect(rowsByTable(xml.result)).toEqual(rowsByTable(csv.result));
    expect(xml.result.totalFindings).toBe(csv.result.totalFindings);
    expect(xml.result.counts).toEqual(csv.result.counts);
    expect(withoutRowNumbers(xml.result.findings)).toEqual(withoutRowNumbers(csv.result.findings));
    expect(withoutUascStatus(xml.children)).toEqual(csv.children);
  });
});
