import { describe, expect, it } from 'vitest';
import { readReturn } from '#domain/ssda903/engine';
import { rulesFor } from '#domain/ssda903/rules/registry';
import { chunked } from './helpers/streams.ts';

// A value outside a field's code list is one problem: the field check and the DfE rule on the same field must not
// both report it.
const HEADER = 'CHILD,SEX,DOB,ETHNIC,UPN,MOTHER,MC_DOB\r\nC1,X,01/01/2010,WBRI,A123456789012,,\r\n';
const EPISODES = [
  'CHILD,DECOM,RNE,LS,CIN,PLACE,PLACE_PROVIDER,DEC,REC,REASON_PLACE_CHANGE,HOME_POST,PL_POST,URN',
  'C1,01/04/2025,S,C2,N1,U1,PR1,,,,,,',
].join('\r\n');

async function sexFindings(collectionYear: number, rules = rulesFor(collectionYear)): Promise<string[]> {
  const result = await readReturn(
    [
      { name: 'header.csv', body: chunked(HEADER) },
      { name: 'episodes.csv', body: chunked(EPISODES) },
    ],
    { collectionYear, rules },
  );
  if (result.status !== 'accepted') throw new Error('the return should be accepted');
  return result.findings.filter((f) => f.table === 'Header' && f.field === 'SEX').map((f) => f.code);
}

describe('one finding per problem', () => {
  it.each([2024, 2025, 2026, 2027])('reports a Header sex outside the code list once in %i', async (year) => {
    expect(await sexFindings(year)).toEqual(['101']);
  });

  it('keeps the field check when rule 101 does not run, so nothing is lost', async () => {
    expect(await sexFindings(2027, [])).toEqual(['SCHEMA:code']);
  });
});
