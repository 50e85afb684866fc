// One rule for every return type: a return that says it belongs to another council is refused, in the same
// words, and nothing of it is recorded; a return that names the submitting council (or none) is read.
import { describe, expect, it } from 'vitest';
import { readCinReturn } from '../../../shared/domain/cin/engine.ts';
import { readInyearCsv } from '../../../shared/domain/inyear/reader.ts';
import { otherCouncilRefusal } from '../../../shared/domain/returns/council-claim.ts';
import { readReturn } from '../../../shared/domain/ssda903/engine.ts';
import { readCswwXml } from '../../../shared/domain/workforce/csww-reader.ts';

const KENT = '886';
const SAYS_OTHER =
  /says it is the return of council .*\(212\).*but this submission is for council Kent \(886\)/;

const cin = (lea: string) =>
  `<?xml version="1.0" encoding="UTF-8"?>
<Message><Header><CollectionDetails><Collection>CIN</Collection><Year>2025</Year><ReferenceDate>2025-03-31</ReferenceDate></CollectionDetails><Source><SourceLevel>L</SourceLevel><LEA>${lea}</LEA></Source></Header>
<Children><Child><ChildIdentifiers><LAchildID>C1</LAchildID><PersonBirthDate>2015-06-15</PersonBirthDate><Sex>M</Sex></ChildIdentifiers>
<ChildCharacteristics><Ethnicity>WBRI</Ethnicity></ChildCharacteristics>
<CINdetails><CINreferralDate>2024-05-01</CINreferralDate><ReferralSource>1A</ReferralSource><ReferralNFA>0</ReferralNFA></CINdetails></Child></Children></Message>`;

const csww = (lea: string) =>
  `<?xml version="1.0" encoding="UTF-8"?>
<Message><Header><CollectionDetails><Collection>CSWW</Collection><Year>2025</Year><ReferenceDate>2025-09-30</ReferenceDate></CollectionDetails><Source><SourceLevel>L</SourceLevel><LEA>${lea}</LEA></Source></Header>
<LALevelVacancies><NumberOfVacancies>1.00</NumberOfVacancies><NoAgencyFTE>0.00</NoAgencyFTE><NoAgencyHeadcount>0</NoAgencyHeadcount></LALevelVacancies>
<CSWWWorker><AgencyWorker>0</AgencyWorker><SWENo>SW1234567890</SWENo><FTE>1.000000</FTE></CSWWWorker></Message>`;

const ssda903 = (council: string) =>
  `<?xml version="1.0" encoding="UTF-8"?>
<EXPSSDA903>${council}<CHILD><HEADER><CHILDID>C1</CHILDID><SEX>M</SEX><DOB>15/06/2015</DOB><ETHNIC>WBRI</ETHNIC></HEADER>
<EPISODE><DECOM>01/05/2025</DECOM><RNE>S</RNE><LS>C2</LS><CIN>N1</CIN><PL>U1</PL></EPISODE></CHILD></EXPSSDA903>`;

const inyear = (la: string) =>
  `version,la,month,referrals,re_referrals,assessments_completed,assessments_within_45_days,sw_fte_in_post\n1,${la},2025-04,1,0,1,1,1\n`;

async function blockingOfEach(la: string) {
  const cinResult = await readCinReturn([{ name: 'cin.xml', body: cin(la) }], {
    collectionYear: 2025,
    la: KENT,
  });
  const cswwResult = await readCswwXml(Buffer.from(csww(la)), {
    fileName: 'csww.xml',
    collectionYear: 2025,
    la: KENT,
    onWorker: () => {},
  });
  const ssda903Result = await readReturn(
    [{ name: 'ssda903.xml', body: ssda903(`<Header><Source><LEA>${la}</LEA></Source></Header>`) }],
    { collectionYear: 2026, la: KENT },
  );
  const inyearResult = await readInyearCsv(Buffer.from(inyear(la)), {
    fileName: 'inyear.csv',
    collectionYear: 2026,
    la: KENT,
  });
  return {
    cin: cinResult.status === 'rejected' ? cinResult.blocking : [],
    csww: cswwResult.status === 'rejected' ? [cswwResult.blocking] : [],
    ssda903: ssda903Result.status === 'rejected' ? ssda903Result.blocking : [],
    inyear: inyearResult.status === 'rejected' ? [inyearResult.blocking] : [],
  };
}

describe('a return that says it belongs to another council', () => {
  it('is refused for every return type, in the same words', async () => {
    const refused = await blockingOfEach('212');
    for (const [type, blocking] of Object.entries(refused)) {
      expect(
        blocking.map((item) => item.kind),
        type,
      ).toEqual(['wrong-council']);
      expect(blocking[0]!.message, type).toMatch(SAYS_OTHER);
      expect(blocking[0]!.message, type).toContain('no figures were recorded');
    }
  });

  it('is read when it names the council it is submitted for', async () => {
    const read = await blockingOfEach(KENT);
    for (const [type, blocking] of Object.entries(read))
      expect(
        blocking.filter((item) => item.kind === 'wrong-council'),
        type,
      ).toEqual([]);
  });

  it('an SSDA903 XML file that names no council is taken as the submitter’s', async () => {
    const result = await readReturn([{ name: 'ssda903.xml', body: ssda903('') }], {
      collectionYear: 2026,
      la: KENT,
    });
    expect(result.status).toBe('accepted');
  });

  it('names an unknown council code as written', () => {
    expect(otherCouncilRefusal('x.xml', '999', KENT, 'its <LEA>')?.message).toMatch(
      /council "999" \(its <LEA>\)/,
    );
    expect(otherCouncilRefusal('x.xml', ' 886 ', KENT, 'its <LEA>')).toBeNull();
    expect(otherCouncilRefusal('x.xml', '', KENT, 'its <LEA>')).toBeNull();
  });
});
