import { describe, expect, it } from 'vitest';
import { parseUkDate } from '#domain/dates';
import { type AcceptedReturn, type InputFile, type RejectedReturn, readReturn } from '#domain/ssda903/engine';
import type { ChildRecord, Finding, Rule } from '#domain/ssda903/model';
import { chunked, windows1252 } from './helpers/streams.ts';
import { buildZip } from './helpers/zip-writer.ts';

const HEADER = [
  'CHILD,SEX,DOB,ETHNIC,UPN,MOTHER,MC_DOB',
  'C1,F,01/01/2010,WBRI,A123456789012,,',
  'C2,M,02/02/2011,WIRI,B123456789012,,',
].join('\r\n');
const EPISODES = [
  'CHILD,DECOM,RNE,LS,CIN,PLACE,PLACE_PROVIDER,DEC,REC,REASON_PLACE_CHANGE,HOME_POST,PL_POST,URN',
  'C1,01/04/2025,S,C2,N1,U1,PR1,01/06/2025,X1,CARPL,,,',
  'C1,01/06/2025,P,C2,N1,U2,PR1,,,,,,',
  'C2,05/05/2025,S,C2,N2,K2,PR2,01/05/2025,E11,,,,',
].join('\r\n');
const REVIEWS = 'CHILD,DOB,REVIEW,REVIEW_CODE\r\nC1,01/01/2010,01/07/2025,PN1\r\n';

const file = (name: string, text: string | Buffer): InputFile => ({ name, body: chunked(text) });
const YEAR = { collectionYear: 2026 };

async function accepted(files: InputFile[], options: Partial<Parameters<typeof readReturn>[1]> = {}) {
  const result = await readReturn(files, { ...YEAR, ...options });
  if (result.status !== 'accepted') throw new Error(`rejected: ${JSON.stringify(result.blocking)}`);
  return result as AcceptedReturn;
}

async function rejected(files: InputFile[], options: Partial<Parameters<typeof readReturn>[1]> = {}) {
  const result = await readReturn(files, { ...YEAR, ...options });
  expect(result.status).toBe('rejected');
  return result as RejectedReturn;
}

// Two small example rules, to prove the mechanism (the real registry comes from the rules module).
const episodeEndsBeforeItStarts: Rule = {
  code: 'EX1',
  description: 'An episode ends before it starts.',
  tables: ['Episodes'],
  fields: ['DEC'],
  check(child: ChildRecord): Finding[] {
    return (child.rows.Episodes ?? []).flatMap((row) => {
      const start = parseUkDate(row.values.DECOM ?? '');
      const end = parseUkDate(row.values.DEC ?? '');
      return start !== null && end !== null && end < start
        ? [
            {
              code: 'EX1',
              table: row.table,
              rowNumber: row.rowNumber,
              field: 'DEC',
              value: row.values.DEC!,
              child: child.child,
            },
          ]
        : [];
    });
  },
};
const reviewedChildNeedsEpisode: Rule = {
  code: 'EX2',
  description: 'A child with reviews has no episode.',
  tables: ['Reviews', 'Episodes'],
  fields: ['REVIEW'],
  check(child: ChildRecord): Finding[] {
    if ((child.rows.Episodes ?? []).length > 0) return [];
    return (child.rows.Reviews ?? []).map((row) => ({
      code: 'EX2',
      table: row.table,
      rowNumber: row.rowNumber,
      field: 'REVIEW',
      value: row.values.REVIEW ?? '',
      child: child.child,
    }));
  },
};

describe('readReturn: accepted returns', () => {
  it('runs the rules on each child and counts their findings with the schema findings', async () => {
    const result = await accepted(
      [
        file('header.csv', HEADER),
        file('episodes.csv', EPISODES),
        file('reviews.csv', REVIEWS.replace('C1,', 'C3,')),
      ],
      { rules: [episodeEndsBeforeItStarts, reviewedChildNeedsEpisode] },
    );
    expect(result.children).toBe(3);
    expect(result.tables).toEqual([
      { table: 'Header', file: 'header.csv', rows: 2 },
      { table: 'Episodes', file: 'episodes.csv', rows: 3 },
      { table: 'Reviews', file: 'reviews.csv', rows: 1 },
    ]);
    expect(result.findings).toEqual([
      { code: 'EX1', table: 'Episodes', rowNumber: 4, field: 'DEC', value: '01/05/2025', child: 'C2' },
      {
        code: 'SCHEMA:not-in-header',
        table: 'Reviews',
        rowNumber: 2,
        field: 'CHILD',
        value: 'C3',
        child: 'C3',
      },
      { code: 'EX2', table: 'Reviews', rowNumber: 2, field: 'REVIEW', value: '01/07/2025', child: 'C3' },
    ]);
    expect(result.counts).toEqual([
      { code: 'EX1', description: 'An episode ends before it starts.', count: 1 },
      { code: 'EX2', description: 'A child with reviews has no episode.', count: 1 },
      {
        code: 'SCHEMA:not-in-header',
        description:
          'This child is in this table but not in the Header table: every child needs a Header row.',
        count: 1,
      },
    ]);
  });

  it('does not run a rule on a table that is not in the upload', async () => {
    const result = await accepted([file('header.csv', HEADER), file('episodes.csv', EPISODES)], {
      rules: [
        episodeEndsBeforeItStarts,
        {
          ...reviewedChildNeedsEpisode,
          check: () => {
            throw new Error('a rule on Reviews ran without a Reviews table');
          },
        },
      ],
    });
    expect(result.counts.map((count) => count.code)).toEqual(['EX1']);
    expect(result.notices).toEqual([]);
  });

  it('gives rules the collection year and its reporting period', async () => {
    const seen: unknown[] = [];
    await accepted([file('header.csv', HEADER), file('episodes.csv', EPISODES)], {
      rules: [
        {
          ...episodeEndsBeforeItStarts,
          check: (_child, context) => {
            seen.push({ ...context, tablesPresent: [...context.tablesPresent].sort() });
            return [];
          },
        },
      ],
    });
    expect(seen[0]).toEqual({
      collectionYear: 2026,
      periodStart: parseUkDate('01/04/2025'),
      periodEnd: parseUkDate('31/03/2026'),
      tablesPresent: ['Episodes', 'Header'],
    });
  });

  it('reports a rule that fails as a council-level issue and carries on', async () => {
    const broken: Rule = {
      ...episodeEndsBeforeItStarts,
      code: 'EX9',
      check: () => {
        throw new Error('bug');
      },
    };
    const result = await accepted([file('header.csv', HEADER), file('episodes.csv', EPISODES)], {
      rules: [broken, episodeEndsBeforeItStarts],
    });
    expect(result.counts.map((count) => count.code)).toEqual(['EX1']);
    expect(result.notices).toEqual([
      {
        kind: 'rule-failed',
        severity: 'warning',
        file: null,
        message:
          'Check EX9 could not be completed for 2 children (first: CHILD C1). This is a fault on our side; the other checks ran.',
      },
    ]);
  });

  it('flags a child that appears twice in the Header table', async () => {
    const result = await accepted([
      file('header.csv', `${HEADER}\r\nC1,F,01/01/2010,WBRI,A123456789012,,`),
      file('episodes.csv', EPISODES),
    ]);
    expect(result.findings).toEqual([
      {
        code: 'SCHEMA:duplicate-child',
        table: 'Header',
        rowNumber: 4,
        field: 'CHILD',
        value: 'C1',
        child: 'C1',
      },
    ]);
  });

  it('lists findings up to the limit and counts the rest', async () => {
    const badSex = HEADER.replaceAll(',F,', ',X,').replaceAll(',M,', ',Y,');
    const result = await accepted([file('header.csv', badSex), file('episodes.csv', EPISODES)], {
      maxListedFindings: 1,
    });
    expect(result.totalFindings).toBe(2);
    expect(result.findings).toHaveLength(1);
    expect(result.notices.map((notice) => notice.message)).toEqual([
      '2 problems were found; the first 1 are listed row by row and all are counted.',
    ]);
  });

  it('hands every child to onChild with all its tables', async () => {
    const children: ChildRecord[] = [];
    await accepted(
      [file('header.csv', HEADER), file('episodes.csv', EPISODES), file('reviews.csv', REVIEWS)],
      {
        onChild: (child) => {
          children.push(child);
        },
      },
    );
    expect(children.map((child) => [child.child, Object.keys(child.rows).sort()])).toEqual([
      ['C1', ['Episodes', 'Header', 'Reviews']],
      ['C2', ['Episodes', 'Header']],
    ]);
    expect(children[0]!.rows.Episodes!.map((row) => row.rowNumber)).toEqual([2, 3]);
  });

  it('notes a file read as Windows-1252, and an optional table with no rows', async () => {
    const result = await accepted([
      file('header.csv', windows1252(HEADER.replace('C1', 'Zoë'))),
      file('episodes.csv', EPISODES),
      file('missing.csv', 'CHILD,DOB,MISSING,MIS_START,MIS_END\r\n'),
    ]);
    expect(result.notices.map((notice) => [notice.kind, notice.severity, notice.file])).toEqual([
      ['encoding-windows-1252', 'info', 'header.csv'],
      ['empty-table', 'info', 'missing.csv'],
    ]);
    expect(result.notices[1]!.message).toBe(
      '"missing.csv" has the column names of the Missing table but no rows; we have read it as an empty Missing table.',
    );
  });

  it('reads the CSV files from one ZIP', async () => {
    const zip = buildZip([
      { name: 'header.csv', data: HEADER },
      { name: 'episodes.csv', data: EPISODES },
      { name: 'notes.txt', data: 'x' },
    ]);
    const result = await accepted([file('return.zip', zip)], { rules: [episodeEndsBeforeItStarts] });
    expect(result.format).toBe('zip');
    expect(result.tables.map((table) => [table.table, table.file, table.rows])).toEqual([
      ['Header', 'return.zip/header.csv', 2],
      ['Episodes', 'return.zip/episodes.csv', 3],
    ]);
    expect(result.counts.map((count) => count.code)).toEqual(['EX1']);
    expect(result.notices.map((notice) => notice.kind)).toEqual(['ignored-file']);
  });

  it('reads one XML file, alone or in a ZIP', async () => {
    const xml = `<?xml version="1.0"?>
<EXPSSDA903>
  <CHILD>
    <HEADER><CHILDID>C1</CHILDID><UPN>A123456789012</UPN><SEX>F</SEX><DOB>01/01/2010</DOB><ETHNIC>WBRI</ETHNIC><UASC>0</UASC></HEADER>
    <EPISODE><DECOM>01/04/2025</DECOM><RNE>S</RNE><LS>C2</LS><CIN>N1</CIN><PL>U1</PL><DEC>01/03/2025</DEC><REC>E11</REC></EPISODE>
  </CHILD>
</EXPSSDA903>
`;
    const alone = await accepted([file('return.xml', xml)], { rules: [episodeEndsBeforeItStarts] });
    expect(alone.format).toBe('xml');
    expect(alone.findings).toEqual([
      {
        code: 'EX1',
        table: 'Episodes',
        rowNumber: 5,
        location: 'Child 1, Episode 1',
        field: 'DEC',
        value: '01/03/2025',
        child: 'C1',
      },
    ]);
    const zipped = await accepted([file('return.zip', buildZip([{ name: 'return.xml', data: xml }]))], {
      rules: [episodeEndsBeforeItStarts],
    });
    expect(zipped.findings).toEqual(alone.findings);
    expect(zipped.tables.find((table) => table.table === 'Episodes')).toEqual({
      table: 'Episodes',
      file: 'return.zip/return.xml',
      rows: 1,
    });
  });
});

describe('readReturn: blocking errors', () => {
  it('rejects an upload without the Header or Episodes table', async () => {
    const result = await rejected([file('episodes.csv', EPISODES)]);
    expect(result.blocking).toEqual([
      {
        kind: 'missing-table',
        file: null,
        message:
          'The upload has no Header table. Every SSDA903 return needs the Header and Episodes tables; check that all the files were uploaded and that their first rows hold the column names.',
      },
    ]);
    const neither = await rejected([file('reviews.csv', REVIEWS)]);
    expect(neither.blocking[0]!.message).toMatch(/^The upload has no Header and Episodes table\./);
  });

  it('rejects the same table given twice', async () => {
    const result = await rejected([
      file('header.csv', HEADER),
      file('episodes.csv', EPISODES),
      file('copy.csv', HEADER),
    ]);
    expect(result.blocking).toEqual([
      {
        kind: 'duplicate-table',
        file: 'copy.csv',
        message:
          '"header.csv" and "copy.csv" both hold the Header table. Upload each table once, in one file.',
      },
    ]);
  });

  it('rejects a required table with no rows', async () => {
    const result = await rejected([
      file('header.csv', HEADER),
      file('episodes.csv', EPISODES.split('\r\n')[0]!),
    ]);
    expect(result.blocking).toEqual([
      {
        kind: 'header-only',
        file: 'episodes.csv',
        message:
          '"episodes.csv" has the column names of the Episodes table but no rows. The Episodes table is required, so the return cannot be processed without its rows: export the table again with its rows and upload it again.',
      },
    ]);
  });

  it('reports every file that cannot be read, not just the first', async () => {
    const result = await rejected([
      file('header.csv', HEADER.replace('MC_DOB', 'MCDOB')),
      file('episodes.csv', EPISODES.replaceAll(',', ';')),
      file('reviews.csv', REVIEWS),
      file('blank.csv', ''),
    ]);
    expect(result.blocking.map((error) => [error.kind, error.file])).toEqual([
      ['unknown-table', 'header.csv'],
      ['wrong-delimiter', 'episodes.csv'],
      ['empty-file', 'blank.csv'],
    ]);
  });

  it('rejects a missing mandatory column', async () => {
    const result = await rejected([
      file('header.csv', HEADER.replace(',MC_DOB', '').replaceAll(',,', ',')),
      file('episodes.csv', EPISODES),
    ]);
    expect(result.blocking.map((error) => error.kind)).toEqual(['missing-column']);
    expect(result.blocking[0]!.message).toMatch(/the mandatory column MC_DOB is missing/);
  });

  it('rejects binary files and spreadsheets with their own messages', async () => {
    const binary = await rejected([
      file('header.csv', Buffer.from([0x00, 0x01, 0x02, 0x03, 0x00, 0x00, 0x41, 0x42])),
      file('episodes.csv', EPISODES),
    ]);
    expect(binary.blocking.map((error) => [error.kind, error.file])).toEqual([['binary', 'header.csv']]);
    const workbook = await rejected([file('return.xlsx', Buffer.from([0x50, 0x4b, 0x03, 0x04]))]);
    expect(workbook.blocking).toEqual([
      {
        kind: 'unsupported-file',
        file: 'return.xlsx',
        message:
          '"return.xlsx" is a spreadsheet workbook. Upload the return as CSV files (one per table), one XML file, or one ZIP of the CSV files.',
      },
    ]);
  });

  it('rejects a mix of forms, and an empty upload', async () => {
    const zip = buildZip([{ name: 'header.csv', data: HEADER }]);
    const mixed = await rejected([file('return.zip', zip), file('episodes.csv', EPISODES)]);
    expect(mixed.blocking.map((error) => error.kind)).toEqual(['mixed-upload']);
    expect(mixed.blocking[0]!.message).toBe(
      'Upload the return in one form only: the CSV files of its tables, or one XML file, or one ZIP file holding the CSV files.',
    );
    const none = await rejected([]);
    expect(none.blocking).toEqual([{ kind: 'no-files', file: null, message: 'No files were uploaded.' }]);
  });

  it('rejects a ZIP that breaks a limit', async () => {
    const zip = buildZip([{ name: 'header.csv', data: HEADER, encrypted: true }]);
    const result = await rejected([file('return.zip', zip)]);
    expect(result.blocking.map((error) => [error.kind, error.file])).toEqual([
      ['zip-encrypted', 'return.zip'],
    ]);
  });

  it('rejects an XML file that declares a DOCTYPE', async () => {
    const result = await rejected([file('return.xml', '<!DOCTYPE x [<!ENTITY a "b">]><EXPSSDA903/>')]);
    expect(result.blocking.map((error) => error.kind)).toEqual(['xml-doctype']);
  });
});
