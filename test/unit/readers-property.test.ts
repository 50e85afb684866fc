// Property-based tests over every reader: random files, and valid files damaged at random (bytes changed,
// cut short, bytes inserted), never crash a reader. Each run ends in a result (accepted or rejected), and a
// rejection gives at least one reason in words (it names the file, and no library's wording). Bounded runs
// with fixed seeds, so the unit project stays fast and a failure can be replayed.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { readCinReturn } from '../../shared/domain/cin/engine.ts';
import { readInyearCsv } from '../../shared/domain/inyear/reader.ts';
import { readReturn } from '../../shared/domain/ssda903/engine.ts';
import { readCswwXml } from '../../shared/domain/workforce/csww-reader.ts';
import { buildZip } from './ssda903/helpers/zip-writer.ts';
import { generateCensus } from './workforce/helpers/csww-generator.ts';

const RUNS = 40;
const JARGON = /exception|ENOENT|CSV_[A-Z]|undefined|saxes|yauzl|zlib|stack|TypeError|RangeError|\[object/;

const SSDA903_HEADER =
  'CHILD,SEX,DOB,ETHNIC,UPN,MOTHER,MC_DOB\r\nC1,1,01/01/2010,WBRI,A123456789012,,\r\nC2,2,02/02/2011,WIRI,,,\r\n';
const SSDA903_EPISODES =
  'CHILD,DECOM,RNE,LS,CIN,PLACE,PLACE_PROVIDER,DEC,REC,REASON_PLACE_CHANGE,HOME_POST,PL_POST,URN\r\n' +
  'C1,01/04/2025,S,C2,N1,U1,PR1,,,,ME14 1XQ,ME15 6AA,SC123456\r\nC2,05/05/2025,S,C2,N2,K2,PR2,,,,,,\r\n';
const SSDA903_XML =
  '<?xml version="1.0"?><EXPSSDA903><CHILD><HEADER><CHILDID>C1</CHILDID><SEX>1</SEX><DOB>01/01/2010</DOB>' +
  '</HEADER><EPISODE><DECOM>01/04/2025</DECOM><RNE>S</RNE><LS>C2</LS><CIN>N1</CIN><PL>U1</PL></EPISODE></CHILD></EXPSSDA903>';
const CIN_XML = `<?xml version="1.0" encoding="UTF-8"?>
<Message><Header><CollectionDetails><Collection>CIN</Collection><Year>2025</Year><ReferenceDate>2025-03-31</ReferenceDate></CollectionDetails><Source><SourceLevel>L</SourceLevel><LEA>886</LEA></Source></Header><Children><Child>
  <ChildIdentifiers><LAchildID>C1</LAchildID><UPN>A886123456789</UPN><PersonBirthDate>2015-06-15</PersonBirthDate><Sex>M</Sex></ChildIdentifiers>
  <ChildCharacteristics><Ethnicity>WBRI</Ethnicity><Disabilities><Disability>NONE</Disability></Disabilities></ChildCharacteristics>
  <CINdetails><CINreferralDate>2024-05-01</CINreferralDate><ReferralSource>1A</ReferralSource><PrimaryNeedCode>N1</PrimaryNeedCode><ReferralNFA>0</ReferralNFA></CINdetails>
</Child></Children></Message>`;
const INYEAR_CSV =
  'version,la,month,referrals,re_referrals,sw_fte_in_post,sw_leavers_fte\n1,886,2025-04,100,20,200,2\n1,886,2025-05,120,30,202,1\n';

/** A valid file damaged at random: bytes changed, the file cut short, or bytes inserted. */
function damaged(valid: Buffer): fc.Arbitrary<Buffer> {
  const at = fc.nat({ max: Math.max(0, valid.length - 1) });
  const byte = fc.integer({ min: 0, max: 255 });
  return fc.oneof(
    fc.array(fc.tuple(at, byte), { minLength: 1, maxLength: 8 }).map((changes) => {
      const copy = Buffer.from(valid);
      for (const [position, value] of changes) copy[position] = value;
      return copy;
    }),
    at.map((length) => valid.subarray(0, length)),
    fc
      .tuple(at, fc.uint8Array({ minLength: 1, maxLength: 64 }))
      .map(([position, bytes]) =>
        Buffer.concat([valid.subarray(0, position), bytes, valid.subarray(position)]),
      ),
  );
}

/** Random bytes, text-like noise, or a valid file damaged. */
function files(valid: Buffer): fc.Arbitrary<Buffer> {
  return fc.oneof(
    fc.uint8Array({ maxLength: 2048 }).map((bytes) => Buffer.from(bytes)),
    fc.string({ maxLength: 512 }).map((text) => Buffer.from(text)),
    damaged(valid),
  );
}

function expectResultOrClearRefusal(
  result: { status: string; blocking?: readonly { message: string }[] | { message: string } },
  fileName: string,
): void {
  expect(['accepted', 'accepted_with_issues', 'rejected']).toContain(result.status);
  if (result.status !== 'rejected') return;
  const blocking = Array.isArray(result.blocking) ? result.blocking : [result.blocking];
  expect(blocking.length).toBeGreaterThan(0);
  for (const reason of blocking as { message: string }[]) {
    expect(reason.message.length).toBeGreaterThan(15);
    expect(reason.message).not.toMatch(JARGON);
  }
  expect(blocking.map((reason) => (reason as { message: string }).message).join(' ')).toContain(fileName);
}

const property = (valid: Buffer, check: (file: Buffer) => Promise<void>, seed: number) =>
  fc.assert(fc.asyncProperty(files(valid), check), { numRuns: RUNS, seed, endOnFailure: true });

describe('every reader, given random or damaged files, gives a result or a clear refusal', () => {
  it('SSDA903 CSV tables', async () => {
    await property(
      Buffer.from(SSDA903_EPISODES),
      async (episodes) => {
        const result = await readReturn(
          [
            { name: 'header.csv', body: Buffer.from(SSDA903_HEADER) },
            { name: 'episodes.csv', body: episodes },
          ],
          { collectionYear: 2026 },
        );
        expect(['accepted', 'accepted_with_issues', 'rejected']).toContain(result.status);
        if (result.status === 'rejected')
          for (const reason of result.blocking) expect(reason.message).not.toMatch(JARGON);
      },
      1,
    );
  }, 60_000);

  it('SSDA903 XML', async () => {
    await property(
      Buffer.from(SSDA903_XML),
      async (xml) => {
        const result = await readReturn([{ name: 'return.xml', body: xml }], { collectionYear: 2026 });
        expectResultOrClearRefusal(result, 'return.xml');
      },
      2,
    );
  }, 60_000);

  it('SSDA903 ZIP', async () => {
    const zip = buildZip([
      { name: 'header.csv', data: SSDA903_HEADER },
      { name: 'episodes.csv', data: SSDA903_EPISODES },
    ]);
    await property(
      zip,
      async (archive) => {
        const result = await readReturn([{ name: 'return.zip', body: archive }], { collectionYear: 2026 });
        expectResultOrClearRefusal(result, 'return.zip');
      },
      3,
    );
  }, 60_000);

  it('CIN census XML', async () => {
    await property(
      Buffer.from(CIN_XML),
      async (xml) => {
        const result = await readCinReturn([{ name: 'cin.xml', body: xml }], { collectionYear: 2025 });
        expect(['accepted', 'rejected']).toContain(result.status);
        if (result.status === 'rejected') {
          expect(result.blocking.length).toBeGreaterThan(0);
          for (const reason of result.blocking) expect(reason.message).not.toMatch(JARGON);
        }
      },
      4,
    );
  }, 60_000);

  it('workforce census XML', async () => {
    await property(
      Buffer.from(generateCensus({ seed: 3 }).xml),
      async (xml) => {
        const result = await readCswwXml(xml, {
          fileName: 'csww.xml',
          collectionYear: 2025,
          la: '886',
          onWorker: () => {},
        });
        expectResultOrClearRefusal(result as never, 'csww.xml');
      },
      5,
    );
  }, 60_000);

  it('in-year CSV', async () => {
    await property(
      Buffer.from(INYEAR_CSV),
      async (csv) => {
        const result = await readInyearCsv(csv, { fileName: 'inyear.csv', collectionYear: 2026, la: '886' });
        expectResultOrClearRefusal(result as never, 'inyear.csv');
      },
      6,
    );
  }, 60_000);
});
