// SSDA903 ingestion with last year's return uploaded alongside: last year's rows feed the checks that compare
// the two years and nothing else. Everything stored (report, extracts, aggregates) is scanned for them.
import { describe, expect, it } from 'vitest';
import { ingestSsda903Files } from './ssda903-ingestion.ts';

const HEADER_COLUMNS = 'CHILD,SEX,DOB,ETHNIC,UPN,MOTHER,MC_DOB';
const EPISODE_COLUMNS =
  'CHILD,DECOM,RNE,LS,CIN,PLACE,PLACE_PROVIDER,DEC,REC,REASON_PLACE_CHANGE,HOME_POST,PL_POST,URN';
const FILES: Record<string, string> = {
  'header.csv': [
    HEADER_COLUMNS,
    'C1,F,01/01/2010,WBRI,A123456789012,,',
    'C2,M,02/02/2011,WIRI,B123456789012,,',
  ].join('\n'),
  'episodes.csv': [
    EPISODE_COLUMNS,
    'C1,10/06/2024,S,C2,N1,U1,PR1,,,,ME14 1XX,ME15 6YY,',
    'C2,05/05/2025,S,C2,N2,U4,PR2,,,,CT1 1AA,CT2 2BB,',
  ].join('\n'),
  // Last year: C1 open with another legal status, and a child (LY900) who is not in this year's return.
  'header_last.csv': [
    HEADER_COLUMNS,
    'C1,F,01/01/2010,WBRI,A123456789012,,',
    'LY900,M,07/07/2007,WOTH,Q999999999999,,',
  ].join('\n'),
  'episodes_last.csv': [
    EPISODE_COLUMNS,
    'C1,10/06/2024,S,C1,N1,U1,PR1,,,,ME14 1XX,ME15 6YY,',
    'LY900,17/03/2019,S,C2,N7,R2,PR4,19/02/2025,E8,,ZZ9 9ZZ,ZY8 8ZY,SC977977',
  ].join('\n'),
};
const LAST_YEAR_ONLY = [
  'LY900',
  'Q999999999999',
  '07/07/2007',
  '2007-07',
  'ZZ9',
  'ZY8',
  'SC977977',
  '17/03/2019',
  '2019-03',
  '19/02/2025',
  '2025-02-19',
];

describe('SSDA903 ingestion with last year’s return alongside', () => {
  it('runs the year-comparing checks and stores nothing of last year’s rows', async () => {
    const submissionId = 'SUB-20251020-LASTYEAR01';
    const { objects, aggregates, outcome } = await ingestSsda903Files(FILES, submissionId);

    expect(outcome.status).toBe('accepted_with_issues');
    expect(outcome.children).toBe(2);
    const report = JSON.parse(objects.objects.get(`uploads/${outcome.reportKeys!.json}`)!);
    expect(JSON.stringify(report)).toContain('503B');

    // Everything written by ingestion: the reports, the curated extracts and the aggregates.
    const written = [...objects.objects]
      .filter(
        ([key]) =>
          !key.startsWith(`uploads/uploads/886/ssda903/2026/${submissionId}/`) || key.includes('report'),
      )
      .map(([key, body]) => `${key}\n${body}`);
    expect(written.some((text) => text.startsWith('data/curated/'))).toBe(true);
    const stored = [...written, JSON.stringify(aggregates.history)].join('\n');
    for (const marker of LAST_YEAR_ONLY) expect(stored, marker).not.toContain(marker);
    expect(aggregates.history[0]!.children).toBe(2);
  });
});
