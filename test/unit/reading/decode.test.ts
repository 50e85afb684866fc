import { describe, expect, it } from 'vitest';
import { decodeText, type TextEncodingName } from '#domain/reading/decode';
import { ReturnReadError } from '#domain/reading/issues';
import { chunked, collectText, inChunks, windows1252 } from '../ssda903/helpers/streams.ts';

async function decode(
  source: Parameters<typeof decodeText>[0],
  sniffBytes?: number,
): Promise<{ text: string; encoding: TextEncodingName | undefined }> {
  let encoding: TextEncodingName | undefined;
  const text = await collectText(
    decodeText(source, { fileName: 'header.csv', sniffBytes, onEncoding: (found) => (encoding = found) }),
  );
  return { text, encoding };
}

async function failure(
  source: Parameters<typeof decodeText>[0],
  sniffBytes?: number,
): Promise<ReturnReadError> {
  try {
    await decode(source, sniffBytes);
  } catch (error) {
    if (error instanceof ReturnReadError) return error;
    throw error;
  }
  throw new Error('expected the file to be refused');
}

describe('decodeText', () => {
  it('strips a UTF-8 byte order mark and reads the rest as UTF-8', async () => {
    const { text, encoding } = await decode(chunked([0xef, 0xbb, 0xbf], 'CHILD,ETHNIC\r\nZoë,WBRI\r\n'));
    expect(text).toBe('CHILD,ETHNIC\r\nZoë,WBRI\r\n');
    expect(encoding).toBe('utf-8');
  });

  it('reads UTF-8 without a byte order mark, with a character split across chunks', async () => {
    const bytes = Buffer.from('CHILD\nRenée\n', 'utf8');
    const split = bytes.indexOf(0xc3) + 1; // between the two bytes of é
    const { text, encoding } = await decode(chunked(bytes.subarray(0, split), bytes.subarray(split)));
    expect(text).toBe('CHILD\nRenée\n');
    expect(encoding).toBe('utf-8');
  });

  it('reads Windows-1252, including the characters Latin-1 lacks (€ and curly quotes)', async () => {
    const { text, encoding } = await decode(windows1252('CHILD,NOTE\r\n1,“Zoë” paid €5 – ok\r\n'));
    expect(text).toBe('CHILD,NOTE\r\n1,“Zoë” paid €5 – ok\r\n');
    expect(encoding).toBe('windows-1252');
  });

  it('decides on the first non-ASCII bytes even when they come long after the first chunk', async () => {
    const ascii = 'CHILD,DOB\r\n'.padEnd(5000, 'x');
    const bytes = Buffer.concat([Buffer.from(ascii), windows1252('\r\nChloë\r\n')]);
    const { text, encoding } = await decode(inChunks(bytes, 100), 64);
    expect(text).toBe(`${ascii}\r\nChloë\r\n`);
    expect(encoding).toBe('windows-1252');
  });

  it('does not mistake a Windows-1252 letter at the very end of a chunk for the start of a UTF-8 character', async () => {
    // 0xE9 (é) is also how a three-byte UTF-8 character starts; the next chunk shows it is not one.
    const { text, encoding } = await decode(chunked('CHILD\nRen', [0xe9], 'e\n'), 4);
    expect(text).toBe('CHILD\nRenée\n');
    expect(encoding).toBe('windows-1252');
  });

  it('reads pure ASCII and reports it as UTF-8', async () => {
    expect(await decode('CHILD\n1\n')).toEqual({ text: 'CHILD\n1\n', encoding: 'utf-8' });
  });

  it('yields nothing for an empty file', async () => {
    expect((await decode(Buffer.alloc(0))).text).toBe('');
  });

  it('refuses a file that starts as UTF-8 and later has bytes of another encoding', async () => {
    const bytes = Buffer.concat([Buffer.from('CHILD\nRenée\n'.padEnd(300, 'x')), windows1252('\nChloë\n')]);
    const error = await failure(inChunks(bytes, 64), 64);
    expect(error.kind).toBe('encoding');
    expect(error.message).toMatch(/starts as UTF-8 text but has characters in another encoding/);
    expect(error.message).toMatch(/CSV UTF-8/);
  });

  it('refuses a file with zero bytes in it, even after the part it first looks at', async () => {
    const early = await failure(Buffer.from('CHILD\n\u0000\u0001\n'));
    expect(early.kind).toBe('binary');
    expect(early.message).toBe(
      '"header.csv" is a binary file (it contains zero bytes), not a text file. Save each table from your system as a CSV file (in Excel: File > Save As > "CSV UTF-8 (Comma delimited)") and upload those.',
    );
    const late = await failure(chunked('CHILD\n'.padEnd(200, 'y'), [0x41, 0x00, 0x42]), 16);
    expect(late.kind).toBe('binary');
  });

  it('refuses a file full of control characters', async () => {
    const junk = Buffer.from(Array.from({ length: 400 }, (_, index) => (index % 3 === 0 ? 0x07 : 0x41)));
    const error = await failure(junk);
    expect(error.kind).toBe('binary');
    expect(error.message).toMatch(/full of control characters/);
  });

  it('names an Excel workbook uploaded instead of a CSV file', async () => {
    const error = await failure(Buffer.from([0x50, 0x4b, 0x03, 0x04, 0x14, 0x00, 0x06, 0x00]));
    expect(error.kind).toBe('binary');
    expect(error.message).toMatch(
      /^"header.csv" is an Excel workbook \(\.xlsx\) or a ZIP file, not a text file/,
    );
  });

  it('explains UTF-16 ("Unicode text") files, with or without a byte order mark', async () => {
    const withMark = await failure(
      Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from('CHILD,DOB\r\n', 'utf16le')]),
    );
    expect(withMark.kind).toBe('encoding');
    expect(withMark.message).toMatch(/"Unicode" \(UTF-16\)/);
    const withoutMark = await failure(Buffer.from('CHILD,DOB\r\n1,01/01/2010\r\n', 'utf16le'));
    expect(withoutMark.kind).toBe('encoding');
  });
});
