// Test helper: byte sources cut into chosen chunks, to exercise chunk boundaries.
import { Readable } from 'node:stream';

/** A Readable that delivers the given pieces as separate chunks. */
export function chunked(...pieces: (string | Buffer | number[])[]): Readable {
  const buffers = pieces.map((piece) =>
    typeof piece === 'string'
      ? Buffer.from(piece, 'utf8')
      : Buffer.isBuffer(piece)
        ? piece
        : Buffer.from(piece),
  );
  return Readable.from(buffers, { objectMode: false });
}

/** A Readable that delivers a buffer in chunks of `size` bytes. */
export function inChunks(data: Buffer | string, size: number): Readable {
  const buffer = typeof data === 'string' ? Buffer.from(data, 'utf8') : data;
  const pieces: Buffer[] = [];
  for (let offset = 0; offset < buffer.length; offset += size)
    pieces.push(buffer.subarray(offset, offset + size));
  return Readable.from(pieces, { objectMode: false });
}

/** Text encoded as Windows-1252 (enough of it for tests: ASCII plus the characters listed). */
export function windows1252(text: string): Buffer {
  const special: Record<string, number> = {
    '€': 0x80,
    '‘': 0x91,
    '’': 0x92,
    '“': 0x93,
    '”': 0x94,
    '–': 0x96,
  };
  return Buffer.from(
    [...text].map((char) => {
      const code = special[char] ?? char.codePointAt(0)!;
      if (code > 0xff) throw new Error(`No Windows-1252 byte for ${char}`);
      return code;
    }),
  );
}

export async function collectText(source: AsyncIterable<string>): Promise<string> {
  let text = '';
  for await (const chunk of source) text += chunk;
  return text;
}
