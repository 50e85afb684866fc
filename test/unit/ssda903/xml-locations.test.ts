// An SSDA903 XML return written on one line (as case-management exports often are) still says where each
// problem is: by the child's position and the element's place among its like, with the line only as an extra.
// CSV returns keep their row numbers.
import { describe, expect, it } from 'vitest';
import { readReturn } from '#domain/ssda903/engine';
import { buildReport, renderReportCsv } from '#domain/ssda903/report';

const episode = (decom: string, place: string) =>
  `<EPISODE><DECOM>${decom}</DECOM><RNE>${decom === '01/05/2025' ? 'S' : 'P'}</RNE><LS>C2</LS><CIN>N1</CIN><PL>${place}</PL><PLACE_PROVIDER>PR1</PLACE_PROVIDER></EPISODE>`;
const child = (id: string, episodes: string) =>
  `<CHILD><HEADER><CHILDID>${id}</CHILDID><SEX>M</SEX><DOB>15/06/2015</DOB><ETHNIC>WBRI</ETHNIC></HEADER>${episodes}</CHILD>`;
const oneLine = `<?xml version="1.0" encoding="UTF-8"?><EXPSSDA903>${child('C1', episode('01/05/2025', 'U1'))}${child('C2', episode('01/05/2025', 'U1') + episode('01/07/2025', 'XX9'))}</EXPSSDA903>`;

describe('locating problems in an SSDA903 XML return written on one line', () => {
  it('names the child and the element by position, and gives the line as well', async () => {
    expect(oneLine).not.toContain('\n');
    const result = await readReturn([{ name: 'return.xml', body: oneLine }], { collectionYear: 2026 });
    const report = buildReport(result);
    const badPlace = report.rows.filter((row) => row.field === 'PLACE' && row.code === 'SCHEMA:code');
    expect(badPlace.map((row) => [row.location, row.child, row.rowNumber])).toEqual([
      ['Child 2, Episode 2', 'C2', 1],
    ]);
    expect(renderReportCsv(report)).toContain(',line 1,"Child 2, Episode 2",PLACE,XX9,C2,');
  });

  it('keeps the row numbers of a CSV return, with no location', async () => {
    const header = 'CHILD,SEX,DOB,ETHNIC,UPN,MOTHER,MC_DOB\nC1,M,15/06/2015,WBRI,A123456789012,,\n';
    const episodes =
      'CHILD,DECOM,RNE,LS,CIN,PLACE,PLACE_PROVIDER,REC,REASON_PLACE_CHANGE,HOME_POST,PL_POST,URN,DEC\nC1,01/05/2025,S,C2,N1,XX9,PR1,,,,,,\n';
    const result = await readReturn(
      [
        { name: 'header.csv', body: header },
        { name: 'episodes.csv', body: episodes },
      ],
      { collectionYear: 2026 },
    );
    const report = buildReport(result);
    const badPlace = report.rows.filter((row) => row.field === 'PLACE' && row.code === 'SCHEMA:code');
    expect(badPlace.map((row) => [row.location, row.rowNumber])).toEqual([[null, 2]]);
  });
});
