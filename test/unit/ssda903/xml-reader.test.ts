import { describe, expect, it } from 'vitest';
import type { ByteSource } from '#domain/reading/bytes';
import { ReturnReadError } from '#domain/reading/issues';
import type { Row } from '#domain/ssda903/model';
import { schemaForYear } from '#domain/ssda903/schema';
import { readXmlReturn, type XmlRowPlace, xmlRowLocation } from '#domain/ssda903/xml-reader';
import { inChunks } from './helpers/streams.ts';

/** Where each row read was, by its row number. */
const places = new Map<number, XmlRowPlace>();

async function readXml(source: ByteSource, unknown: string[] = []): Promise<Row[]> {
  const rows: Row[] = [];
  places.clear();
  for await (const row of readXmlReturn(source, {
    fileName: 'return.xml',
    schema: schemaForYear(2026),
    onRowPlace: (rowNumber, place) => places.set(rowNumber, place),
    onUnknownElement: (path) => unknown.push(path),
  })) {
    rows.push(row);
  }
  return rows;
}

async function refusal(source: ByteSource): Promise<ReturnReadError> {
  try {
    await readXml(source);
  } catch (error) {
    if (error instanceof ReturnReadError) return error;
    throw error;
  }
  throw new Error('expected the file to be refused');
}

const ONE_CHILD = `<?xml version="1.0" encoding="UTF-8"?>
<EXPSSDA903>
  <CHILD>
    <HEADER>
      <CHILDID>C1</CHILDID>
      <UPN>A123456789012</UPN>
      <SEX>F</SEX>
      <DOB>2010-05-04</DOB>
      <ETHNIC>WBRI</ETHNIC>
      <UASC>1</UASC>
      <DUC>04/05/2028</DUC>
      <IN_TOUCH>YES</IN_TOUCH>
      <ACTIV>F1</ACTIV>
      <ACCOM>B1</ACCOM>
      <AREVIEW>
        <REVIEW>01/06/2025</REVIEW>
        <REVIEW_CODE>PN1</REVIEW_CODE>
      </AREVIEW>
      <AREVIEW><REVIEW>01/12/2025</REVIEW><REVIEW_CODE>PN2</REVIEW_CODE></AREVIEW>
      <MOTHER/>
      <MC_DOB></MC_DOB>
      <OC2><SDQ_SCORE>12</SDQ_SCORE><CONVICTED>0</CONVICTED></OC2>
    </HEADER>
    <EPISODE>
      <DECOM>01/04/2025</DECOM>
      <RNE>S</RNE>
      <LS>C2</LS>
      <CIN>N1</CIN>
      <PL>U1</PL>
      <PL_POST>AB1 2CD</PL_POST>
      <DEC/>
      <REC/>
    </EPISODE>
  </CHILD>
</EXPSSDA903>
`;

describe('readXmlReturn', () => {
  it('gives the same rows as the CSV tables (CHILDID is CHILD, PL is PLACE, dates dd/mm/yyyy), and the Header its UASC status', async () => {
    const rows = await readXml(ONE_CHILD);
    const byTable = (table: string) => rows.filter((row) => row.table === table);
    expect(byTable('Header')).toEqual([
      {
        table: 'Header',
        rowNumber: 1,
        values: {
          CHILD: 'C1',
          SEX: 'F',
          DOB: '04/05/2010',
          ETHNIC: 'WBRI',
          UPN: 'A123456789012',
          MOTHER: '',
          MC_DOB: '',
          UASC: '1',
        },
      },
    ]);
    expect(byTable('UASC').map((row) => row.values)).toEqual([
      { CHILD: 'C1', SEX: 'F', DOB: '04/05/2010', DUC: '04/05/2028' },
    ]);
    expect(byTable('OC3').map((row) => row.values)).toEqual([
      { CHILD: 'C1', DOB: '04/05/2010', IN_TOUCH: 'YES', ACTIV: 'F1', ACCOM: 'B1' },
    ]);
    expect(byTable('AD1')).toEqual([]);
    expect(places.get(1)).toEqual({ child: 1, index: 1, line: 4 });
    expect(
      byTable('Reviews').map((row) => [
        xmlRowLocation('Reviews', places.get(row.rowNumber)!),
        places.get(row.rowNumber)!.line,
        row.values.REVIEW,
        row.values.DOB,
      ]),
    ).toEqual([
      ['Child 1, Review 1', 15, '01/06/2025', '04/05/2010'],
      ['Child 1, Review 2', 19, '01/12/2025', '04/05/2010'],
    ]);
    expect(places.get(rows.length)).toEqual({ child: 1, index: 1, line: 24 });
    // Rows are numbered in document order, one number each.
    expect(rows.map((row) => row.rowNumber)).toEqual(rows.map((_, index) => index + 1));
    expect(byTable('OC2').map((row) => row.values.SDQ_SCORE)).toEqual(['12']);
    expect(byTable('Episodes')).toEqual([
      {
        table: 'Episodes',
        rowNumber: rows.length,
        values: {
          CHILD: 'C1',
          DECOM: '01/04/2025',
          RNE: 'S',
          LS: 'C2',
          CIN: 'N1',
          PLACE: 'U1',
          PLACE_PROVIDER: '',
          DEC: '',
          REC: '',
          REASON_PLACE_CHANGE: '',
          HOME_POST: '',
          PL_POST: 'AB1 2CD',
          URN: '',
        },
      },
    ]);
  });

  it('reads the same rows whatever the chunk size', async () => {
    const whole = await readXml(ONE_CHILD);
    expect(await readXml(inChunks(ONE_CHILD, 7))).toEqual(whole);
  });

  it('reports elements it does not know and carries on', async () => {
    const unknown: string[] = [];
    const rows = await readXml(
      ONE_CHILD.replace('<RNE>S</RNE>', '<RNE>S</RNE><COLOUR>red</COLOUR>'),
      unknown,
    );
    expect(unknown).toEqual(['EPISODE/COLOUR']);
    expect(rows.find((row) => row.table === 'Episodes')!.values.RNE).toBe('S');
  });

  it('refuses a DOCTYPE before parsing anything: it is found even where the XML parser would not get to it', async () => {
    // The declaration is never closed, so a parser would only report broken XML; the prolog scan names it.
    const error = await refusal(
      '<?xml version="1.0"?>\n<!DOCTYPE EXPSSDA903 [\n<!ENTITY x SYSTEM "file:///etc/passwd">\n',
    );
    expect(error.kind).toBe('xml-doctype');
    expect(error.message).toBe(
      '"return.xml" starts with a document type declaration (<!DOCTYPE …> or <!ENTITY …>). For security we do not accept XML files that contain one. Export the return again without it, or ask your system supplier.',
    );
  });

  it('refuses an ENTITY declaration split across chunks, after a comment', async () => {
    const text = '<?xml version="1.0"?><!-- exported --><!ENTITY lol "lol"><EXPSSDA903/>';
    const error = await refusal(inChunks(text, 5));
    expect(error.kind).toBe('xml-doctype');
    expect(error.message).toMatch(/^"return.xml" starts with a document type declaration/);
  });

  it('refuses XML that is not well-formed, with the line', async () => {
    const error = await refusal('<EXPSSDA903>\n  <CHILD>\n    <HEADER>\n  </CHILD>\n</EXPSSDA903>\n');
    expect(error.kind).toBe('xml-malformed');
    expect(error.message).toMatch(/^"return.xml" is not well-formed XML \(line 4: /);
  });

  it('says when the XML is some other return', async () => {
    const error = await refusal('<?xml version="1.0"?>\n<Message><Header/></Message>\n');
    expect(error.kind).toBe('xml-root');
    expect(error.message).toBe(
      '"return.xml" is XML but not an SSDA903 return: its top element is <Message>, and an SSDA903 return starts with <EXPSSDA903>. It looks like a CIN census or workforce census file.',
    );
  });

  it('refuses an empty file', async () => {
    const error = await refusal('  \n');
    expect(error.kind).toBe('empty-file');
    expect(error.message).toBe('"return.xml" is empty. Export the return again from your system.');
  });
});
