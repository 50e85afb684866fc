// The uploads a council can get wrong, read through the whole engine: each must be refused with the right
// kind of blocking error and a message a data officer can act on (it names the file and says what to do).
// And the encodings and layouts found in the wild must all read the same.
import { SaxesParser } from 'saxes';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { dayFromParts } from '#domain/dates';
import type { BlockingError, BlockingKind } from '#domain/reading/issues';
import {
  type AcceptedReturn,
  type InputFile,
  type ReadReturnOptions,
  type RejectedReturn,
  readReturn,
} from '#domain/ssda903/engine';
import type { ChildRecord } from '#domain/ssda903/model';
import { chunked, inChunks, windows1252 } from './helpers/streams.ts';
import { buildZip } from './helpers/zip-writer.ts';

const HEADER_COLUMNS = 'CHILD,SEX,DOB,ETHNIC,UPN,MOTHER,MC_DOB';
const EPISODES_COLUMNS =
  'CHILD,DECOM,RNE,LS,CIN,PLACE,PLACE_PROVIDER,DEC,REC,REASON_PLACE_CHANGE,HOME_POST,PL_POST,URN';
const HEADER = [
  HEADER_COLUMNS,
  'C1,F,01/01/2010,WBRI,A123456789012,,',
  'C2,M,02/02/2011,WIRI,B123456789012,,',
];
const EPISODES = [
  EPISODES_COLUMNS,
  'C1,01/04/2025,S,C2,N1,U1,PR1,,,,,,',
  'C2,05/05/2025,S,C2,N2,K2,PR2,,,,,,',
];
const crlf = (lines: readonly string[]): string => `${lines.join('\r\n')}\r\n`;
const file = (name: string, body: string | Buffer): InputFile => ({ name, body: chunked(body) });
const goodEpisodes = (): InputFile => file('episodes.csv', crlf(EPISODES));
const goodHeader = (): InputFile => file('header.csv', crlf(HEADER));

/** Verbs that tell the council what to do next. */
const ACTION = /\b(save|upload|export|create|remove|add|put|correct|check)\b/i;
/** Words from code and libraries that mean nothing to a council. */
const JARGON =
  /\berror\b|exception|ENOENT|CSV_[A-Z]|undefined|\bnull\b|stack|saxes|yauzl|zlib|offset|0x[0-9a-f]/i;

async function refused(
  files: InputFile[],
  kind: BlockingKind,
  options: Partial<ReadReturnOptions> = {},
): Promise<BlockingError> {
  const result = await readReturn(files, { collectionYear: 2026, ...options });
  expect(result.status).toBe('rejected');
  const { blocking } = result as RejectedReturn;
  expect(blocking.map((error) => error.kind)).toEqual([kind]);
  return blocking[0]!;
}

/** The message names the file, says what to do, and speaks no code. */
function expectPlainWords(error: BlockingError, fileName: string): void {
  expect(error.file).toBe(fileName);
  expect(error.message).toContain(`"${fileName}"`);
  expect(error.message).toMatch(ACTION);
  expect(error.message).not.toMatch(JARGON);
}

/** Bytes from a fixed-seed generator, so the garbage is the same on every run. */
function garbage(length: number, seed: number, map: (byte: number) => number = (byte) => byte): Buffer {
  let state = seed;
  return Buffer.from(
    Array.from({ length }, () => {
      state = (state * 1_103_515_245 + 12_345) % 2_147_483_648;
      return map(state >>> 16) & 0xff;
    }),
  );
}

describe('bad CSV files', () => {
  it('an empty file', async () => {
    const error = await refused([goodHeader(), file('episodes.csv', '')], 'empty-file');
    expectPlainWords(error, 'episodes.csv');
    expect(error.message).toMatch(/is empty/);
  });

  it('a required table with its column names only', async () => {
    const error = await refused(
      [goodHeader(), file('episodes.csv', crlf([EPISODES_COLUMNS]))],
      'header-only',
    );
    expectPlainWords(error, 'episodes.csv');
    expect(error.message).toMatch(/column names of the Episodes table but no rows/);
  });

  it('an optional table with its column names only is read as empty, with a notice', async () => {
    const result = await readReturn(
      [goodHeader(), goodEpisodes(), file('missing.csv', 'CHILD,DOB,MISSING,MIS_START,MIS_END\r\n\r\n')],
      { collectionYear: 2026 },
    );
    expect(result.status).toBe('accepted');
    expect(result.notices.map((notice) => [notice.kind, notice.file])).toEqual([
      ['empty-table', 'missing.csv'],
    ]);
  });

  it.each([
    ['semicolons', ';', /separated by semicolons/],
    ['tabs', '\t', /separated by tab characters/],
  ])('a file separated by %s instead of commas', async (_name, delimiter, words) => {
    const text = crlf(HEADER.map((line) => line.replaceAll(',', delimiter)));
    const error = await refused([file('header.csv', text), goodEpisodes()], 'wrong-delimiter');
    expectPlainWords(error, 'header.csv');
    expect(error.message).toMatch(words);
    expect(error.message).toMatch(/Comma delimited/);
  });

  it('binary garbage with zero bytes in it', async () => {
    const error = await refused([file('header.csv', garbage(4096, 7)), goodEpisodes()], 'binary');
    expectPlainWords(error, 'header.csv');
    expect(error.message).toMatch(/not a text file/);
  });

  it('binary garbage without zero bytes', async () => {
    // Control characters and high bytes only: no zero byte to give it away.
    const junk = garbage(4096, 11, (byte) => (byte % 2 === 0 ? 1 + (byte % 31) : 0x80 | byte));
    expect(junk.includes(0)).toBe(false);
    const error = await refused([file('header.csv', junk), goodEpisodes()], 'binary');
    expectPlainWords(error, 'header.csv');
  });

  it('a column named twice', async () => {
    const text = crlf([`${HEADER_COLUMNS},DOB`, 'C1,F,01/01/2010,WBRI,A123456789012,,,01/01/2010']);
    const error = await refused([file('header.csv', text), goodEpisodes()], 'duplicate-column');
    expectPlainWords(error, 'header.csv');
    expect(error.message).toMatch(/names the column DOB more than once/);
  });

  it('an unknown table: names the closest table and the columns that differ', async () => {
    const text = crlf([
      HEADER_COLUMNS.replace('ETHNIC', 'ETHNICITY').replace(',UPN', ''),
      'C1,F,01/01/2010,WBRI,,',
    ]);
    const error = await refused([file('header.csv', text), goodEpisodes()], 'unknown-table');
    expectPlainWords(error, 'header.csv');
    expect(error.message).toBe(
      'The columns of "header.csv" do not match any SSDA903 table for 2025/26. The closest is the Header table, ' +
        'but it lacks ETHNIC and UPN, and it has a column the table does not have: ETHNICITY. Correct the first ' +
        'row so that it names exactly the columns of the Header table.',
    );
  });
});

describe('bad ZIP files', () => {
  const zipOf = (entries: Parameters<typeof buildZip>[0]) => buildZip(entries);
  const tables = [
    { name: 'header.csv', data: crlf(HEADER) },
    { name: 'episodes.csv', data: crlf(EPISODES) },
  ];

  it('a truncated ZIP, arriving as a stream', async () => {
    const zip = zipOf(tables);
    const error = await refused(
      [{ name: 'return.zip', body: inChunks(zip.subarray(0, zip.length - 40), 16) }],
      'zip-damaged',
    );
    expectPlainWords(error, 'return.zip');
    expect(error.message).toMatch(/incomplete or damaged/);
  });

  it('a ZIP whose compressed data is damaged', async () => {
    const data = crlf([
      ...EPISODES,
      ...Array.from({ length: 200 }, (_, index) => EPISODES[1]!.replace('C1', `C${index}`)),
    ]);
    const zip = zipOf([tables[0]!, { name: 'episodes.csv', data }]);
    const at = zip.indexOf('episodes.csv') + 'episodes.csv'.length + 40;
    for (let index = at; index < at + 64; index++) zip[index] = zip[index]! ^ 0x5a;
    const error = await refused([file('return.zip', zip)], 'zip-damaged');
    expectPlainWords(error, 'return.zip');
    expect(error.message).toMatch(/"episodes.csv"/);
  });

  it('a password-protected ZIP', async () => {
    const zip = zipOf([tables[0]!, { ...tables[1]!, encrypted: true }]);
    const error = await refused([file('return.zip', zip)], 'zip-encrypted');
    expectPlainWords(error, 'return.zip');
    expect(error.message).toMatch(/"episodes.csv" in "return.zip" is protected with a password/);
  });

  it('a ZIP bomb by number of entries', async () => {
    const many = Array.from({ length: 30 }, (_, index) => ({ name: `t${index}.csv`, data: 'x' }));
    const error = await refused([file('return.zip', zipOf([...tables, ...many]))], 'zip-entries');
    expectPlainWords(error, 'return.zip');
    expect(error.message).toMatch(/holds 32 files and folders; at most 20 are accepted/);
  });

  it('a ZIP bomb by total size', async () => {
    const big = crlf([EPISODES_COLUMNS, ...Array.from({ length: 5000 }, () => EPISODES[1]!)]);
    const zip = zipOf([tables[0]!, { name: 'episodes.csv', data: big }]);
    const error = await refused([file('return.zip', zip)], 'zip-too-large', {
      zipLimits: { maxTotalBytes: 100_000 },
    });
    expectPlainWords(error, 'return.zip');
  });

  it('a ZIP that understates its sizes is stopped at the size it declares', async () => {
    const big = crlf([EPISODES_COLUMNS, ...Array.from({ length: 5000 }, () => EPISODES[1]!)]);
    const zip = zipOf([tables[0]!, { name: 'episodes.csv', data: big, declaredSize: 1000 }]);
    const error = await refused([file('return.zip', zip)], 'zip-damaged', {
      zipLimits: { maxTotalBytes: 100_000 },
    });
    expectPlainWords(error, 'return.zip');
    expect(error.message).toMatch(/"episodes.csv" is larger than the ZIP says it is/);
  });

  it('a ZIP bomb by compression ratio, caught while the data is read', async () => {
    // Valid CSV text repeated: it deflates far beyond 200:1, so the ratio trips before the file is read.
    const bomb = crlf([EPISODES_COLUMNS, ...Array.from({ length: 60_000 }, () => EPISODES[1]!)]);
    const zip = zipOf([tables[0]!, { name: 'episodes.csv', data: bomb }]);
    const error = await refused([file('return.zip', zip)], 'zip-ratio');
    expectPlainWords(error, 'return.zip');
    expect(error.message).toMatch(
      /"episodes.csv" in "return.zip" unzips to more than 200 times its compressed size/,
    );
  });
});

describe('XML with a document type declaration', () => {
  afterEach(() => {
    vi.restoreAllMocks();
  });

  const XXE =
    '<?xml version="1.0"?>\n<!DOCTYPE EXPSSDA903 [<!ENTITY xxe SYSTEM "file:///etc/passwd">]>\n' +
    '<EXPSSDA903><CHILD><HEADER><CHILDID>&xxe;</CHILDID></HEADER></CHILD></EXPSSDA903>\n';
  const BILLION_LAUGHS = [
    '<?xml version="1.0"?>',
    '<!DOCTYPE lolz [',
    ' <!ENTITY lol "lol">',
    ...Array.from(
      { length: 9 },
      (_, level) => ` <!ENTITY lol${level + 1} "${`&lol${level === 0 ? '' : level};`.repeat(10)}">`,
    ),
    ']>',
    '<EXPSSDA903><CHILD><HEADER><CHILDID>&lol9;</CHILDID></HEADER></CHILD></EXPSSDA903>',
  ].join('\n');
  const HIDDEN = `<?xml version="1.0"?><!-- <EXPSSDA903> --><!ENTITY a "b"><EXPSSDA903/>`;
  const VALID =
    '<?xml version="1.0"?><EXPSSDA903><CHILD><HEADER><CHILDID>C1</CHILDID><SEX>F</SEX><DOB>01/01/2010</DOB>' +
    '</HEADER><EPISODE><DECOM>01/04/2025</DECOM><RNE>S</RNE><LS>C2</LS><CIN>N1</CIN><PL>U1</PL></EPISODE></CHILD></EXPSSDA903>';

  it('reaches the XML parser when there is none (the spy below sees the parser)', async () => {
    const write = vi.spyOn(SaxesParser.prototype, 'write');
    const result = await readReturn([file('return.xml', VALID)], { collectionYear: 2026 });
    expect(result.status).toBe('accepted');
    expect(write).toHaveBeenCalled();
  });

  it.each([
    ['an external entity (XXE)', XXE],
    ['nested entities ("billion laughs")', BILLION_LAUGHS],
    ['an entity after a comment that looks like the root', HIDDEN],
  ])('refuses %s before the XML parser sees any of it', async (_name, xml) => {
    const write = vi.spyOn(SaxesParser.prototype, 'write');
    const error = await refused([file('return.xml', xml)], 'xml-doctype');
    expectPlainWords(error, 'return.xml');
    expect(write).not.toHaveBeenCalled();
  });

  it('refuses a declaration that arrives split across small chunks, inside a ZIP', async () => {
    const write = vi.spyOn(SaxesParser.prototype, 'write');
    const zip = buildZip([{ name: 'return.xml', data: BILLION_LAUGHS }]);
    const error = await refused([{ name: 'return.zip', body: inChunks(zip, 7) }], 'xml-doctype');
    expect(error.file).toBe('return.zip/return.xml');
    expect(error.message).toMatch(/^"return.zip\/return.xml" starts with a document type declaration/);
    expect(write).not.toHaveBeenCalled();
  });

  it('refuses text that is not XML in an .xml file, saying what it should start with', async () => {
    const error = await refused([file('return.xml', crlf(HEADER))], 'xml-malformed');
    expectPlainWords(error, 'return.xml');
    expect(error.message).toMatch(/should start with <\?xml …\?> or <EXPSSDA903>/);
  });
});

describe('what files in the wild look like', () => {
  // The same two tables, with a name that is not ASCII and values that need quoting when written as CSV.
  const header = (quote: (value: string) => string): string[] => [
    HEADER_COLUMNS,
    ['Zoë', 'F', '01/01/2010', 'WBRI', 'A123456789012', '', ''].map(quote).join(','),
    ['C2', 'M', '02/02/2011', 'WIRX', 'B123456789012', '', ''].map(quote).join(','),
  ];
  const episodes = (quote: (value: string) => string): string[] => [
    EPISODES_COLUMNS,
    ['Zoë', '01/04/2025', 'S', 'C2', 'N1', 'U1', 'PR1', '', '', '', 'AB1 2CD', 'EF3 4GH', '']
      .map(quote)
      .join(','),
    ['C2', '05/05/2025', 'S', 'C2', 'N2', 'K2', 'PR2', '', '', '', '', '', ''].map(quote).join(','),
  ];
  const plain = (value: string) => value;
  const quoted = (value: string) => `"${value}"`;
  const utf8 = (text: string) => Buffer.from(text, 'utf8');
  const bom = (text: string) => Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), utf8(text)]);

  const variants: [string, string, Buffer, Buffer][] = [
    [
      'UTF-8 without BOM, LF',
      'utf-8',
      utf8(`${header(plain).join('\n')}\n`),
      utf8(`${episodes(plain).join('\n')}\n`),
    ],
    ['UTF-8 with BOM, CRLF', 'utf-8', bom(crlf(header(plain))), bom(crlf(episodes(plain)))],
    [
      'Windows-1252, CRLF',
      'windows-1252',
      windows1252(crlf(header(plain))),
      windows1252(crlf(episodes(plain))),
    ],
    [
      'trailing blank rows',
      'utf-8',
      utf8(`${crlf(header(plain))}\r\n,,,,,,\r\n\r\n`),
      utf8(`${crlf(episodes(plain))},,,,,,,,,,,,\r\n\r\n\r\n`),
    ],
    ['every field quoted', 'utf-8', utf8(crlf(header(quoted))), utf8(crlf(episodes(quoted)))],
  ];

  async function children(headerBytes: Buffer, episodeBytes: Buffer) {
    const seen: ChildRecord[] = [];
    const result = await readReturn([file('header.csv', headerBytes), file('episodes.csv', episodeBytes)], {
      collectionYear: 2026,
      onChild: (child) => {
        seen.push(child);
      },
    });
    expect(result.status).toBe('accepted');
    return { result: result as AcceptedReturn, seen };
  }

  it.each(variants)('%s is read exactly', async (_name, encoding, headerBytes, episodeBytes) => {
    const { result, seen } = await children(headerBytes, episodeBytes);
    expect(seen.map((child) => child.child)).toEqual(['Zoë', 'C2']);
    expect(seen[0]!.rows.Header).toEqual([
      {
        table: 'Header',
        rowNumber: 2,
        values: {
          CHILD: 'Zoë',
          SEX: 'F',
          DOB: '01/01/2010',
          ETHNIC: 'WBRI',
          UPN: 'A123456789012',
          MOTHER: '',
          MC_DOB: '',
        },
        days: { DOB: dayFromParts(2010, 1, 1), MC_DOB: null },
      },
    ]);
    expect(seen[0]!.rows.Episodes!.map((row) => [row.rowNumber, row.values.PL_POST, row.values.DEC])).toEqual(
      [[2, 'EF3 4GH', '']],
    );
    expect(result.tables.map((table) => table.rows)).toEqual([2, 2]);
    const encodingNotices = result.notices.filter((notice) => notice.kind === 'encoding-windows-1252');
    expect(encodingNotices.map((notice) => notice.file)).toEqual(
      encoding === 'windows-1252' ? ['header.csv', 'episodes.csv'] : [],
    );
  });

  it('gives the same findings whichever way the file was saved', async () => {
    const findings = [];
    for (const [, , headerBytes, episodeBytes] of variants) {
      findings.push((await children(headerBytes, episodeBytes)).result.findings);
    }
    expect(findings[0]!.length).toBeGreaterThan(0);
    for (const other of findings.slice(1)) expect(other).toEqual(findings[0]);
  });

  it('keeps commas, doubled quotes and line breaks inside quoted values', async () => {
    const text = crlf([
      HEADER_COLUMNS,
      '"C,1",F,01/01/2010,WBRI,"A12""3",,',
      'C2,M,02/02/2011,WIRI,"B1\r\n2",,',
    ]);
    const { seen } = await children(
      utf8(text),
      utf8(crlf([EPISODES_COLUMNS, 'C2,05/05/2025,S,C2,N2,K2,PR2,,,,,,'])),
    );
    const values = seen.map((child) => [
      child.child,
      child.rows.Header![0]!.values.UPN,
      child.rows.Header![0]!.rowNumber,
    ]);
    expect(values).toEqual([
      ['C,1', 'A12"3', 2],
      ['C2', 'B1\r\n2', 3],
    ]);
  });
});

describe('refusals that name the real cause', () => {
  it('a long single-line file with no double quote is not blamed on a double quote', async () => {
    // The whole file on one line (row separators lost), over a megabyte.
    const line = `${EPISODES_COLUMNS},${'C1,01/04/2025,S,C2,N1,U1,PR1,1,2,3,4,5,6,'.repeat(40_000)}`;
    const error = await refused([goodHeader(), file('episodes.csv', line)], 'csv-quotes', {});
    expectPlainWords(error, 'episodes.csv');
    expect(error.message).not.toMatch(/quote/i);
    expect(error.message).toMatch(/line break/i);
  }, 20_000);

  it('a row that never ends because of an opened double quote still says so', async () => {
    const line = `${EPISODES_COLUMNS}\r\nC1,"01/04/2025,S,C2,N1,U1,PR1,,,,,,\r\n${'C2,01/04/2025,S,C2,N1,U1,PR1,,,,,,\r\n'.repeat(2000)}`;
    const error = await refused([goodHeader(), file('episodes.csv', line)], 'csv-quotes', {});
    expect(error.message).toMatch(/double quote/);
  }, 20_000);

  it('an XML file that is not UTF-8 is not called the usual Excel CSV encoding', async () => {
    const VALID =
      '<?xml version="1.0"?><EXPSSDA903><CHILD><HEADER><CHILDID>C1</CHILDID><SEX>F</SEX><DOB>01/01/2010</DOB>' +
      '</HEADER><EPISODE><DECOM>01/04/2025</DECOM><RNE>S</RNE><LS>C2</LS><CIN>N1</CIN><PL>U1</PL><HOME_POST>Bégin</HOME_POST></EPISODE></CHILD></EXPSSDA903>';
    const result = await readReturn([file('return.xml', windows1252(VALID))], { collectionYear: 2026 });
    const notice = result.notices.find((each) => each.kind === 'encoding-windows-1252');
    expect(notice?.message).toBeDefined();
    expect(notice!.message).not.toMatch(/CSV/);
    expect(notice!.message).toMatch(/XML/);
  });
});
