// The XML reader hands its rows over as bytes (readXmlRows), each value written once into a buffer used again
// for every child: what the field checks and the row store read. These pin what the bytes hold.
import { describe, expect, it } from 'vitest';
import type { ByteSource } from '#domain/reading/bytes';
import type { ByteRow } from '#domain/ssda903/byte-row';
import { readReturn } from '#domain/ssda903/engine';
import { schemaForYear } from '#domain/ssda903/schema';
import { readXmlRows, xmlColumnsOf } from '#domain/ssda903/xml-reader';
import { inChunks } from './helpers/streams.ts';

const schema = schemaForYear(2026);

/** Each row handed over, as its table and its values by column (copied while the row is valid). */
async function byteRows(
  source: ByteSource,
  unknown: string[] = [],
): Promise<{ table: string; rowNumber: number; values: Record<string, string> }[]> {
  const rows: { table: string; rowNumber: number; values: Record<string, string> }[] = [];
  const take = (row: ByteRow): void => {
    const columns = xmlColumnsOf(schema, row.table);
    expect(row.starts).toHaveLength(columns.length);
    const values: Record<string, string> = {};
    columns.forEach((column, index) => {
      values[column] = row.bytes.toString('utf8', row.starts[index]!, row.ends[index]!);
    });
    rows.push({ table: row.table, rowNumber: row.rowNumber, values });
  };
  const options = { fileName: 'return.xml', schema, onUnknownElement: (path: string) => unknown.push(path) };
  for await (const _ of readXmlRows(source, options, take)) {
    // Rows are handed over as the file is read.
  }
  return rows;
}

const wrap = (children: string) =>
  `<?xml version="1.0" encoding="UTF-8"?>\n<EXPSSDA903>${children}</EXPSSDA903>\n`;

describe('readXmlRows', () => {
  it('writes each value once as UTF-8: trimmed, dates as dd/mm/yyyy, accents, entities and CDATA', async () => {
    const rows = await byteRows(
      wrap(
        '<CHILD><HEADER><CHILDID> Zoë-1 </CHILDID><DOB>2010-05-04T00:00:00Z</DOB><MC_DOB>2010-5-04</MC_DOB>' +
          '<SEX><![CDATA[2]]></SEX></HEADER><EPISODE><DECOM>2025-04-01</DECOM><PL_POST>AB1 &amp; 2CD</PL_POST>' +
          '<HOME_POST>\u00a0€12 3\u00a0</HOME_POST><RNE>S</RNE></EPISODE></CHILD>',
      ),
    );
    expect(rows.map((row) => [row.table, row.rowNumber])).toEqual([
      ['Header', 1],
      ['Episodes', 2],
    ]);
    expect(rows[0]!.values).toMatchObject({
      CHILD: 'Zoë-1',
      DOB: '04/05/2010',
      MC_DOB: '2010-5-04',
      SEX: '2',
    });
    expect(rows[1]!.values).toMatchObject({
      CHILD: 'Zoë-1',
      DECOM: '01/04/2025',
      PL_POST: 'AB1 & 2CD',
      HOME_POST: '€12 3',
      RNE: 'S',
      DEC: '',
    });
  });

  it('keeps the values of a child larger than its first buffer', async () => {
    const episodes = Array.from(
      { length: 3000 },
      (_, at) => `<EPISODE><DECOM>2025-04-01</DECOM><PL_POST>${'P'.repeat(20)}${at}</PL_POST></EPISODE>`,
    ).join('');
    const rows = await byteRows(
      inChunks(wrap(`<CHILD><HEADER><CHILDID>C1</CHILDID></HEADER>${episodes}</CHILD>`), 4093),
    );
    const posts = rows.filter((row) => row.table === 'Episodes').map((row) => row.values.PL_POST);
    expect(posts).toHaveLength(3000);
    expect(posts.every((post, at) => post === `${'P'.repeat(20)}${at}`)).toBe(true);
    expect(rows.every((row) => row.values.CHILD === 'C1')).toBe(true);
  });

  it('reports elements named like properties of every object as unknown, rather than failing', async () => {
    const unknown: string[] = [];
    const rows = await byteRows(
      wrap(
        '<CHILD><HEADER><CHILDID>C1</CHILDID><constructor>1</constructor><toString/></HEADER>' +
          '<EPISODE><DECOM>2025-04-01</DECOM><hasOwnProperty>x</hasOwnProperty></EPISODE></CHILD>',
      ),
      unknown,
    );
    expect(rows.map((row) => row.table)).toEqual(['Header', 'Episodes']);
    expect(rows[1]!.values.DECOM).toBe('01/04/2025');
    expect(unknown).toEqual(['HEADER/constructor', 'HEADER/toString', 'EPISODE/hasOwnProperty']);
  });
});

describe('an XML return past the limits', () => {
  const episode = '<EPISODE><DECOM>2025-04-01</DECOM><RNE>S</RNE></EPISODE>';

  it('is refused, naming the table', async () => {
    const xml = wrap(`<CHILD><HEADER><CHILDID>C1</CHILDID></HEADER>${episode.repeat(3)}</CHILD>`);
    const result = await readReturn([{ name: 'return.xml', body: xml }], {
      collectionYear: 2026,
      limits: { maxRowsPerTable: 2 },
    });
    expect(result.status).toBe('rejected');
    if (result.status !== 'rejected') return;
    expect(result.blocking.map((error) => error.message)).toEqual([
      '"return.xml" has more than 2 rows in its Episodes table, the most one table of a return may have. Check that it holds one council\'s return for one year; if it does, contact us.',
    ]);
  });

  it('is refused as broken XML when the fault comes in the same part of the file as the row past the limit', async () => {
    const xml = wrap(
      `<CHILD><HEADER><CHILDID>C1</CHILDID></HEADER>${episode.repeat(3)}</CHILD><CHILD></HEADER>`,
    );
    const result = await readReturn([{ name: 'return.xml', body: xml }], {
      collectionYear: 2026,
      limits: { maxRowsPerTable: 2 },
    });
    expect(result.status).toBe('rejected');
    if (result.status !== 'rejected') return;
    expect(result.blocking.map((error) => error.kind)).toEqual(['xml-malformed']);
  });
});
