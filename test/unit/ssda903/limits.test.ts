// A return past the configured limits is refused, naming the limit, before it can exhaust the function.
import { describe, expect, it } from 'vitest';
import { type InputFile, type RejectedReturn, readReturn } from '#domain/ssda903/engine';
import { chunked } from './helpers/streams.ts';

const header = (children: number): string =>
  [
    'CHILD,SEX,DOB,ETHNIC,UPN,MOTHER,MC_DOB',
    ...Array.from({ length: children }, (_, index) => `C${index},F,01/01/2010,WBRI,A123456789012,,`),
  ].join('\r\n');
const episodes = (rows: number): string =>
  [
    'CHILD,DECOM,RNE,LS,CIN,PLACE,PLACE_PROVIDER,DEC,REC,REASON_PLACE_CHANGE,HOME_POST,PL_POST,URN',
    ...Array.from({ length: rows }, (_, index) => `C${index % 3},01/04/2025,S,C2,N1,U1,PR1,,,,,,`),
  ].join('\r\n');

const files = (children: number, rows: number): InputFile[] => [
  { name: 'header.csv', body: chunked(header(children)) },
  { name: 'episodes.csv', body: chunked(episodes(rows)) },
];

describe('return limits', () => {
  it('refuses a table with more rows than one table may have, naming the file and the limit', async () => {
    const result = (await readReturn(files(3, 11), {
      collectionYear: 2026,
      limits: { maxRowsPerTable: 10 },
    })) as RejectedReturn;
    expect(result.status).toBe('rejected');
    expect(result.blocking).toEqual([
      {
        kind: 'too-many-rows',
        file: 'episodes.csv',
        message: expect.stringMatching(
          /^"episodes.csv" has more than 10 rows in its Episodes table, the most one table of a return may have\./,
        ),
      },
    ]);
  });

  it('refuses a return with more rows in all than one return may have', async () => {
    const result = (await readReturn(files(5, 6), {
      collectionYear: 2026,
      limits: { maxRowsPerReturn: 10 },
    })) as RejectedReturn;
    expect(result.blocking.map((error) => [error.kind, error.file])).toEqual([
      ['too-many-rows', 'episodes.csv'],
    ]);
    expect(result.blocking[0]!.message).toMatch(
      /^The return has more than 10 rows in all by the time "episodes.csv"/,
    );
  });

  it('refuses a return with more children than one return may have, naming the limit', async () => {
    const result = (await readReturn(files(1001, 3), {
      collectionYear: 2026,
      limits: { maxChildren: 1000 },
    })) as RejectedReturn;
    expect(result.status).toBe('rejected');
    expect(result.blocking.map((error) => [error.kind, error.file])).toEqual([
      ['too-many-children', 'header.csv'],
    ]);
    expect(result.blocking[0]!.message).toMatch(/more than 1,000 different children \(CHILD references\)/);
  });

  it('accepts a return at the limits', async () => {
    const result = await readReturn(files(1000, 10), {
      collectionYear: 2026,
      limits: { maxRowsPerTable: 1000, maxRowsPerReturn: 1010, maxChildren: 1000 },
    });
    expect(result.status).toBe('accepted');
  });
});
