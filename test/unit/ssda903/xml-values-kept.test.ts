// What is kept of an SSDA903 XML return once it has been read (its findings, with the CHILD reference and
// the value of each) must not keep the file's text alive with it. V8 may hold a string cut from a longer one as
// a slice of it, so a value taken from the XML parser's text would keep the whole chunk it was read in.
import { describe, expect, it } from 'vitest';
import { readReturn } from '#domain/ssda903/engine';
import { heapAfterCollecting } from '../heap.ts';

/** A child whose reference is long enough (13 characters or more) for V8 to slice rather than copy it. */
const child = (n: number) =>
  `<CHILD><HEADER><CHILDID>CHILD${String(n).padStart(10, '0')}</CHILDID><SEX>Q</SEX><DOB>2015-06-15</DOB>` +
  `<ETHNIC>WBRI</ETHNIC><UPN>A${String(n).padStart(12, '0')}</UPN></HEADER>${'<!-- the rest of a real record -->'.repeat(200)}` +
  '<EPISODE><DECOM>2025-05-01</DECOM><RNE>S</RNE><LS>C2</LS><CIN>N1</CIN><PL>U1</PL><PLACE_PROVIDER>PR1</PLACE_PROVIDER></EPISODE></CHILD>';

describe('findings kept from an SSDA903 XML return', () => {
  it('hold only their own characters, not the text they were read from', async () => {
    const children = 5_000;
    const chunks = function* () {
      yield Buffer.from('<?xml version="1.0" encoding="UTF-8"?>\n<EXPSSDA903>');
      for (let n = 0; n < children; n += 100) {
        let text = '';
        for (let at = n; at < n + 100; at++) text += child(at);
        yield Buffer.from(text);
      }
      yield Buffer.from('</EXPSSDA903>');
    };
    const fileBytes = children * child(0).length;
    const before = heapAfterCollecting();
    const result = await readReturn([{ name: 'return.xml', body: chunks() }], {
      collectionYear: 2026,
      spill: false,
    });
    const held = heapAfterCollecting() - before;
    if (result.status !== 'accepted') throw new Error(JSON.stringify(result.blocking));
    const sex = result.findings.filter((finding) => finding.field === 'SEX');
    expect(sex).toHaveLength(children);
    expect(sex[1]).toMatchObject({ child: 'CHILD0000000001', location: 'Child 2, Header' });
    // Three findings a child (its reference is too long, its SEX not a code), some 500 bytes each: well
    // under a quarter of the file.
    expect(held).toBeLessThan(fileBytes / 4);
  });
});
