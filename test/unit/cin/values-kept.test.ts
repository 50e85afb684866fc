// What a check keeps of each child for the whole return (rules 1520 and 8510 keep every UPN and LA child ID)
// must not keep the file's text alive with it. V8 may hold a string cut from a longer one as a slice of it, so
// a value taken from the XML parser's text would keep the whole chunk it was read in: keeping one identifier a
// child then kept the whole file in memory.

import { describe, expect, it } from 'vitest';
import { cinSchemaForYear } from '#domain/cin/schema';
import { readCinXml } from '#domain/cin/xml-reader';
import { ownText } from '#domain/reading/own-text';
import { heapAfterCollecting } from '../heap.ts';

const HEADER = `<Header><CollectionDetails><Collection>CIN</Collection><Year>2026</Year><ReferenceDate>2026-03-31</ReferenceDate></CollectionDetails><Source><SourceLevel>L</SourceLevel><LEA>886</LEA></Source></Header>`;
/** A child with identifiers long enough (13 characters or more) for V8 to slice rather than copy them. */
const child = (n: number) =>
  `<Child><ChildIdentifiers><LAchildID>LA${String(n).padStart(14, '0')}</LAchildID><UPN>A${String(n).padStart(12, '0')}</UPN>` +
  `<PersonBirthDate>2015-06-15</PersonBirthDate><Sex>M</Sex></ChildIdentifiers><ChildCharacteristics><Ethnicity>WBRI</Ethnicity>` +
  `</ChildCharacteristics>${'<!-- padding, as the rest of a real child record -->'.repeat(40)}</Child>`;

describe('identifiers kept from a CIN census', () => {
  it('hold only their own characters, not the text they were read from', async () => {
    const children = 8_000;
    const chunks = function* () {
      yield Buffer.from(`<?xml version="1.0" encoding="UTF-8"?>\n<Message>${HEADER}<Children>`);
      for (let n = 0; n < children; n += 100) {
        let text = '';
        for (let at = n; at < n + 100; at++) text += child(at);
        yield Buffer.from(text);
      }
      yield Buffer.from('</Children></Message>');
    };
    const fileBytes = 8_000 * child(0).length;
    const kept: string[] = [];
    const before = heapAfterCollecting();
    for await (const item of readCinXml(chunks(), { fileName: 'cin.xml', schema: cinSchemaForYear(2026) })) {
      if (item.kind === 'child') kept.push(item.child.laChildId, item.child.upn);
    }
    const held = heapAfterCollecting() - before;
    expect(kept).toHaveLength(2 * children);
    expect(kept[3]).toBe('A000000000001');
    expect(ownText('Zoë Ødegård-Smith 🙂')).toBe('Zoë Ødegård-Smith 🙂');
    // Some 40 bytes an identifier and the array: well under a tenth of the file.
    expect(held).toBeLessThan(fileBytes / 10);
  });
});
