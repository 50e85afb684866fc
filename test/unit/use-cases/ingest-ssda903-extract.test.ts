// The curated extract an SSDA903 return leaves under curated/: its bytes are pinned, so a faster way of
// writing it cannot change what the warehouse reads (column order, degraded values, quoting, line ends).
import { describe, expect, it } from 'vitest';
import { ingestSsda903Files, type MemoryObjects } from './ssda903-ingestion.ts';

const FILES: Record<string, string> = {
  'header.csv': [
    'CHILD,SEX,DOB,ETHNIC,UPN,MOTHER,MC_DOB',
    'C1,F,01/01/2010,WBRI,A123456789012,,',
    'C2,M,02/02/2011,WIRI,B123456789012,1,03/03/2028',
    'C3,F,29/02/2012,"WO,TH",C123456789012,,',
  ].join('\r\n'),
  'episodes.csv': [
    'CHILD,DECOM,RNE,LS,CIN,PLACE,PLACE_PROVIDER,DEC,REC,REASON_PLACE_CHANGE,HOME_POST,PL_POST,URN',
    'C1,10/06/2024,S,C2,N1,U1,PR1,01/08/2024,X1,,ME14 1XX,ME15 6YY,',
    'C1,01/08/2024,P,C2,N1,U4,PR2,,,"CA""RPL",ME14 1XX,CT2 2BB,SC123456',
    'C2,05/05/2025,S,C2,N2,U4,PR2,,,,CT1 1AA,"CT2 ""2BB""",',
    'C3,17/03/2019,S,V2,N7,R2,PR4,19/02/2025,E8,,ZZ9 9ZZ,ZY8 8ZY,SC977977',
  ].join('\r\n'),
};

async function ingested(): Promise<MemoryObjects> {
  const { objects, outcome } = await ingestSsda903Files(FILES, 'SUB-20251020-EXTRACT001');
  expect(outcome.status).not.toBe('rejected');
  return objects;
}

describe('the SSDA903 curated extract', () => {
  it('is written byte for byte as before, one file per table and nothing left under staging/', async () => {
    const objects = await ingested();
    const prefix = 'data/curated/886/ssda903/2026/SUB-20251020-EXTRACT001';
    const written = [...objects.objects.keys()].filter((key) => key.startsWith('data/')).sort();
    expect(written).toEqual([`${prefix}/Episodes.csv`, `${prefix}/Header.csv`]);
    // The pseudonymised CHILD is the council's HMAC of the reference; dates of birth keep month and year.
    const c1 = '3fedb327fe8f29dae3d61c2bc96f2173';
    const c2 = 'ba570e5284cc9a41bf945392e1ca5213';
    const c3 = '67df89aed50aede4120cf1211bfd70a8';
    expect(objects.objects.get(`${prefix}/Header.csv`)).toBe(
      [
        'CHILD,SEX,DOB,ETHNIC,MOTHER',
        `${c1},F,01/01/2010,WBRI,`,
        `${c2},M,01/02/2011,WIRI,1`,
        `${c3},F,01/02/2012,"WO,TH",`,
        '',
      ].join('\r\n'),
    );
    expect(objects.objects.get(`${prefix}/Episodes.csv`)).toBe(
      [
        'CHILD,DECOM,RNE,LS,CIN,PLACE,PLACE_PROVIDER,DEC,REC,REASON_PLACE_CHANGE,HOME_POST,PL_POST,URN',
        `${c1},10/06/2024,S,C2,N1,U1,PR1,01/08/2024,X1,,ME14,ME15,`,
        `${c1},01/08/2024,P,C2,N1,U4,PR2,,,"CA""RPL",ME14,CT2,SC123456`,
        `${c2},05/05/2025,S,C2,N2,U4,PR2,,,,CT1,,`,
        `${c3},17/03/2019,S,V2,N7,R2,PR4,19/02/2025,E8,,ZZ9,ZY8,SC977977`,
        '',
      ].join('\r\n'),
    );
  });
});
