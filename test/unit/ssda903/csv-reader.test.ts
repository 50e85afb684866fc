import { describe, expect, it } from 'vitest';
import type { ByteSource } from '#domain/reading/bytes';
import { ReturnReadError } from '#domain/reading/issues';
import { openCsvTable } from '#domain/ssda903/csv-reader';
import type { Finding, Row } from '#domain/ssda903/model';
import { schemaForYear } from '#domain/ssda903/schema';
import { chunked, inChunks, windows1252 } from './helpers/streams.ts';

const HEADER_COLUMNS = 'CHILD,SEX,DOB,ETHNIC,UPN,MOTHER,MC_DOB';
const REVIEWS_COLUMNS = 'CHILD,DOB,REVIEW,REVIEW_CODE';

async function readCsv(source: ByteSource, collectionYear = 2026, fileName = 'table.csv') {
  const badRows: Finding[] = [];
  const table = await openCsvTable(source, {
    fileName,
    schema: schemaForYear(collectionYear),
    onBadRow: (finding) => badRows.push(finding),
  });
  const rows: Row[] = [];
  for await (const row of table.rows) rows.push(row);
  return { table: table.table, columns: table.columns, rows, badRows };
}

async function refusal(
  source: ByteSource,
  collectionYear = 2026,
  fileName = 'table.csv',
): Promise<ReturnReadError> {
  try {
    await readCsv(source, collectionYear, fileName);
  } catch (error) {
    if (error instanceof ReturnReadError) return error;
    throw error;
  }
  throw new Error('expected the file to be refused');
}

describe('openCsvTable: recognising the table', () => {
  it('recognises a table by its set of columns, in any order, and keys values by column name', async () => {
    const { table, rows } = await readCsv('REVIEW_CODE,REVIEW,DOB,CHILD\nPN1,01/05/2025,02/03/2012,C1\n');
    expect(table).toBe('Reviews');
    expect(rows).toEqual([
      {
        table: 'Reviews',
        rowNumber: 2,
        values: { CHILD: 'C1', DOB: '02/03/2012', REVIEW: '01/05/2025', REVIEW_CODE: 'PN1' },
      },
    ]);
  });

  it('trims spaces around column names and values, and reads a header with a byte order mark', async () => {
    const { table, rows } = await readCsv(
      chunked([0xef, 0xbb, 0xbf], ` CHILD , DOB,REVIEW,REVIEW_CODE\n C1 ,02/03/2012, 01/05/2025 ,PN1\n`),
    );
    expect(table).toBe('Reviews');
    expect(rows[0]!.values).toEqual({
      CHILD: 'C1',
      DOB: '02/03/2012',
      REVIEW: '01/05/2025',
      REVIEW_CODE: 'PN1',
    });
  });

  it('ignores empty columns at the right-hand side that spreadsheets add', async () => {
    const { table, rows } = await readCsv(`${REVIEWS_COLUMNS},,\nC1,02/03/2012,01/05/2025,PN1,,\n`);
    expect(table).toBe('Reviews');
    expect(Object.keys(rows[0]!.values)).toEqual(['CHILD', 'DOB', 'REVIEW', 'REVIEW_CODE']);
  });

  it('recognises SWEpisodes from 2023/24 and DoLo from 2026/27, and refuses them before', async () => {
    const sw = 'CHILD,DOB,SW_ID,SW_DECOM,SW_DEC,SW_REASON\nC1,01/01/2010,SW1,01/04/2023,,\n';
    expect((await readCsv(sw, 2024)).table).toBe('SWEpisodes');
    const early = await refusal(sw, 2023, 'sw.csv');
    expect(early.kind).toBe('table-not-collected');
    expect(early.message).toBe(
      '"sw.csv" is the SWEpisodes table, which is collected only from 2023/24. It is not part of the 2022/23 return: remove it from the upload.',
    );
    const dolo = 'CHILD,DOB,DOLO_START,DOLO_END\nC1,01/01/2010,01/05/2026,\n';
    expect((await readCsv(dolo, 2027)).table).toBe('DoLo');
    expect((await refusal(dolo, 2026)).kind).toBe('table-not-collected');
  });
});

describe('openCsvTable: rows', () => {
  it('reads Windows line endings, quoted fields and doubled quotes', async () => {
    const text = `${REVIEWS_COLUMNS}\r\n"C,1","02/03/2012","01/05/2025","PN""1"\r\nC2,02/03/2012,01/06/2025,PN2\r\n`;
    const { rows } = await readCsv(text);
    expect(rows.map((row) => [row.rowNumber, row.values.CHILD, row.values.REVIEW_CODE])).toEqual([
      [2, 'C,1', 'PN"1'],
      [3, 'C2', 'PN2'],
    ]);
  });

  it('numbers a row by the line it starts on when a quoted value spans lines', async () => {
    const text = `${HEADER_COLUMNS}\r\nC1,1,01/01/2010,WBRI,"A12\r\n345",,\r\nC2,2,01/01/2011,WBRI,B1,,\r\n`;
    const { rows } = await readCsv(text);
    expect(rows.map((row) => [row.rowNumber, row.values.CHILD])).toEqual([
      [2, 'C1'],
      [4, 'C2'],
    ]);
    expect(rows[0]!.values.UPN).toBe('A12\r\n345');
  });

  it('skips blank rows, including trailing rows of empty values, but keeps counting lines', async () => {
    const text = `${REVIEWS_COLUMNS}\r\nC1,02/03/2012,01/05/2025,PN1\r\n\r\nC2,02/03/2012,01/06/2025,PN2\r\n,,,\r\n,,\r\n\r\n\r\n`;
    const { rows, badRows } = await readCsv(text);
    expect(rows.map((row) => [row.rowNumber, row.values.CHILD])).toEqual([
      [2, 'C1'],
      [4, 'C2'],
    ]);
    expect(badRows).toEqual([]);
  });

  it('reports rows with the wrong number of values and carries on with the rest', async () => {
    const text = `${REVIEWS_COLUMNS}\nC1,02/03/2012,01/05/2025,PN1\nC2,02/03/2012,PN2\nC3,02/03/2012,01/05/2025,PN1,extra\nC4,02/03/2012,01/05/2025,PN4\n`;
    const { rows, badRows } = await readCsv(text);
    expect(rows.map((row) => row.values.CHILD)).toEqual(['C1', 'C4']);
    expect(badRows).toEqual([
      {
        code: 'SCHEMA:field-count',
        table: 'Reviews',
        rowNumber: 3,
        field: '',
        value: '3 values; the first row has 4 columns',
        child: 'C2',
      },
      {
        code: 'SCHEMA:field-count',
        table: 'Reviews',
        rowNumber: 4,
        field: '',
        value: '5 values; the first row has 4 columns',
        child: 'C3',
      },
    ]);
  });

  it('trims values as trim() does and undoes doubled quotes, whatever the order of the columns and the chunks', async () => {
    const text =
      'REVIEW_CODE,DOB,CHILD,REVIEW\r\n' +
      ' PN1\t,02/03/2012,\u00a0C1\u00a0,01/05/2025\r\n' +
      '"PN""2 ",02/03/2012,"C2",\u00a0 01/06/2025\r\n' +
      ' , ,\u00a0, \r\n' +
      'PN3,02/03/2012,C3,01/07/2025\r\n';
    const expected = [
      [2, 'C1', '02/03/2012', '01/05/2025', 'PN1'],
      [3, 'C2', '02/03/2012', '01/06/2025', 'PN"2'],
      [5, 'C3', '02/03/2012', '01/07/2025', 'PN3'],
    ];
    for (const size of [1, 5, 17, 4096]) {
      const { rows } = await readCsv(inChunks(Buffer.from(text, 'utf8'), size));
      expect(
        rows.map(({ rowNumber, values }) => [
          rowNumber,
          values.CHILD,
          values.DOB,
          values.REVIEW,
          values.REVIEW_CODE,
        ]),
      ).toEqual(expected);
      expect(Object.keys(rows[0]!.values)).toEqual(['REVIEW_CODE', 'DOB', 'CHILD', 'REVIEW']);
    }
  });

  it("reads the columns in the table's own order as in any other, trimmed, blank or quoted", async () => {
    const rows = [
      ['C1', '02/03/2012', '01/05/2025', 'PN1'],
      [' C2 ', '\t02/03/2012', '01/06/2025  ', ' PN2'],
      [' C3', '02/03/2012', '01/07/2025', '\u00a0PN3 '],
      ['\u00a0C4', '02/03/2012', '01/08/2025', 'PN4'],
      [' ', '', '\u00a0', '\t'],
      ['"C""5"', '02/03/2012', '01/09/2025', 'PN5'],
      ['C6', '', '01/10/2025', ''],
    ];
    const columns = ['CHILD', 'DOB', 'REVIEW', 'REVIEW_CODE'];
    const fileIn = (order: readonly number[]): string =>
      [order.map((column) => columns[column]), ...rows.map((row) => order.map((column) => row[column]))]
        .map((fields) => `${fields.join(',')}\r\n`)
        .join('');
    const valuesOf = async (text: string, size: number) =>
      (await readCsv(inChunks(Buffer.from(text, 'utf8'), size))).rows.map(({ rowNumber, values }) => [
        rowNumber,
        ...columns.map((column) => values[column]),
      ]);
    for (const size of [3, 4096]) {
      const inOrder = await valuesOf(fileIn([0, 1, 2, 3]), size);
      expect(inOrder).toEqual([
        [2, 'C1', '02/03/2012', '01/05/2025', 'PN1'],
        [3, 'C2', '02/03/2012', '01/06/2025', 'PN2'],
        [4, 'C3', '02/03/2012', '01/07/2025', 'PN3'],
        [5, 'C4', '02/03/2012', '01/08/2025', 'PN4'],
        [7, 'C"5', '02/03/2012', '01/09/2025', 'PN5'],
        [8, 'C6', '', '01/10/2025', ''],
      ]);
      expect(await valuesOf(fileIn([3, 1, 0, 2]), size)).toEqual(inOrder);
    }
  });

  it('reads a Windows-1252 file in small chunks', async () => {
    const bytes = windows1252(`${HEADER_COLUMNS}\r\nZoë,1,01/01/2010,WBRI,A1,,\r\n`);
    const { rows } = await readCsv(inChunks(bytes, 7));
    expect(rows[0]!.values.CHILD).toBe('Zoë');
  });

  it('reads a file that ends without a line break, after its column names or after a row', async () => {
    expect((await readCsv(REVIEWS_COLUMNS)).rows).toEqual([]);
    for (const size of [1, 3, 1000]) {
      const { rows } = await readCsv(inChunks(`${REVIEWS_COLUMNS}\nC1,02/03/2012,01/05/2025,PN1`, size));
      expect(rows.map((row) => [row.rowNumber, row.values.CHILD, row.values.REVIEW_CODE])).toEqual([
        [2, 'C1', 'PN1'],
      ]);
    }
  });

  it('yields no rows for a file with only its column names', async () => {
    const { table, rows } = await readCsv(`${REVIEWS_COLUMNS}\r\n\r\n`);
    expect(table).toBe('Reviews');
    expect(rows).toEqual([]);
  });
});

describe('openCsvTable: files that cannot be read', () => {
  it('refuses an empty file', async () => {
    for (const empty of ['', '\r\n\r\n', ',,,\r\n']) {
      const error = await refusal(empty, 2026, 'episodes.csv');
      expect(error.kind).toBe('empty-file');
      expect(error.message).toBe(
        '"episodes.csv" is empty. Export the table again from your system: the first row must hold the column names.',
      );
    }
  });

  it.each([
    [';', 'semicolons (;)'],
    ['\t', 'tab characters'],
    ['|', 'vertical bars (|)'],
  ])('names the wrong delimiter %j', async (delimiter, words) => {
    const error = await refusal(
      `${REVIEWS_COLUMNS.replaceAll(',', delimiter)}\nC1${delimiter}x\n`,
      2026,
      'reviews.csv',
    );
    expect(error.kind).toBe('wrong-delimiter');
    expect(error.message).toBe(
      `The first row of "reviews.csv" is one long column separated by ${words}, not commas. Save the file as "CSV UTF-8 (Comma delimited)" so that the columns are separated by commas.`,
    );
  });

  it('refuses a column named twice', async () => {
    const error = await refusal('CHILD,DOB,DOB,REVIEW,REVIEW_CODE\n', 2026, 'reviews.csv');
    expect(error.kind).toBe('duplicate-column');
    expect(error.message).toBe(
      'The first row of "reviews.csv" names the column DOB more than once. Each column may appear only once; remove the extra column.',
    );
  });

  it('refuses a column without a name between named ones', async () => {
    const error = await refusal('CHILD,,REVIEW,REVIEW_CODE\n', 2026, 'reviews.csv');
    expect(error.kind).toBe('blank-column-name');
    expect(error.message).toMatch(/^Column 2 in the first row of "reviews.csv" has no name/);
  });

  it('names the closest table and the columns that differ for an unknown table', async () => {
    const error = await refusal(
      'CHILD,DECOM,RNE,LS,CIN,PLACEMENT,PLACE_PROVIDER,DEC,REC,REASON_PLACE_CHANGE,HOME_POST,PL_POST,URN\n',
      2026,
      'episodes.csv',
    );
    expect(error.kind).toBe('unknown-table');
    expect(error.message).toBe(
      'The columns of "episodes.csv" do not match any SSDA903 table for 2025/26. The closest is the Episodes table, but it lacks PLACE, and it has a column the table does not have: PLACEMENT. Correct the first row so that it names exactly the columns of the Episodes table.',
    );
  });

  it('says when the first row holds no column names at all', async () => {
    const error = await refusal('566910,2,27/03/2008,WROM,D051910639385,,\n', 2026, 'header.csv');
    expect(error.kind).toBe('unknown-table');
    expect(error.message).toMatch(/^The first row of "header.csv" has no SSDA903 column names/);
  });

  it('names the mandatory columns that are missing', async () => {
    const error = await refusal(
      'CHILD,DECOM,RNE,LS,CIN,PLACE,PLACE_PROVIDER,DEC,REC,REASON_PLACE_CHANGE,HOME_POST,PL_POST\n',
      2026,
      'episodes.csv',
    );
    expect(error.kind).toBe('missing-column');
    expect(error.message).toBe(
      '"episodes.csv" looks like the Episodes table but the mandatory column URN is missing. Add the missing column (it may be left blank where the field is optional).',
    );
  });

  it('asks for capital letters when only the case of the column names is wrong', async () => {
    const error = await refusal('child,dob,review,review_code\n', 2026, 'reviews.csv');
    expect(error.kind).toBe('column-case');
    expect(error.message).toMatch(
      /^"reviews.csv" has the columns of the Reviews table, but not all in capital letters/,
    );
  });

  it('refuses a quote in the wrong place, naming the line', async () => {
    const error = await refusal(
      `${REVIEWS_COLUMNS}\nC1,02/03/2012,01/05/2025,PN1\nC2,"02/03"2012,01/05/2025,PN1\n`,
    );
    expect(error.kind).toBe('csv-quotes');
    expect(error.message).toMatch(/^Line 3 of "table.csv" has a double quote \("\) in the wrong place/);
  });

  it('refuses a quote that is never closed', async () => {
    const error = await refusal(
      `${REVIEWS_COLUMNS}\nC1,"02/03/2012,01/05/2025,PN1\n${'C2,x,y,z\n'.repeat(50)}`,
    );
    expect(error.kind).toBe('csv-quotes');
    expect(error.message).toMatch(
      /^Line \d+ of "table.csv" has a double quote|^"table.csv" has a row that never ends/,
    );
  });
});
