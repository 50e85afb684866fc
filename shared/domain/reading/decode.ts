// Domain: turning an uploaded file's bytes into text, whatever the council's software saved it as.
// UTF-8 (with or without a byte order mark) or Windows-1252; anything that is not text is refused.
import { isAscii, isUtf8 } from 'node:buffer';
import { StringDecoder } from 'node:string_decoder';
import { TextDecoder } from 'node:util';
import { type ByteSource, byteChunks } from './bytes.ts';
import { ReturnReadError } from './issues.ts';

export type TextEncodingName = 'utf-8' | 'windows-1252';

export interface DecodeOptions {
  /** Named in messages. */
  readonly fileName: string;
  /** How many bytes to look at before deciding the file is text (default 64 KiB). */
  readonly sniffBytes?: number;
  /** Called once, when the encoding has been decided (a file that is pure ASCII reports 'utf-8'). */
  readonly onEncoding?: (encoding: TextEncodingName) => void;
}

const DEFAULT_SNIFF_BYTES = 64 * 1024;

/** Share of control characters (other than tab, CR, LF, form feed) above which a file is not text. */
const MAX_CONTROL_SHARE = 0.01;

interface Signature {
  readonly bytes: readonly number[];
  readonly what: string;
}

// Files councils upload by mistake, recognised by their first bytes so the message can say what they are.
const BINARY_SIGNATURES: readonly Signature[] = [
  { bytes: [0x50, 0x4b, 0x03, 0x04], what: 'an Excel workbook (.xlsx) or a ZIP file' },
  { bytes: [0xd0, 0xcf, 0x11, 0xe0], what: 'an old-style Excel workbook (.xls) or Word document' },
  { bytes: [0x25, 0x50, 0x44, 0x46], what: 'a PDF document' },
  { bytes: [0x1f, 0x8b], what: 'a compressed (gzip) file' },
];

function startsWith(buffer: Buffer, bytes: readonly number[]): boolean {
  return buffer.length >= bytes.length && bytes.every((byte, index) => buffer[index] === byte);
}

function notText(fileName: string, what: string): ReturnReadError {
  return new ReturnReadError(
    'binary',
    `"${fileName}" is ${what}, not a text file. Save each table from your system as a CSV file ` +
      '(in Excel: File > Save As > "CSV UTF-8 (Comma delimited)") and upload those.',
    fileName,
  );
}

function utf16(fileName: string): ReturnReadError {
  return new ReturnReadError(
    'encoding',
    `"${fileName}" is saved as "Unicode" (UTF-16) text, which we cannot read. Save it again as ` +
      '"CSV UTF-8 (Comma delimited)" and upload it again.',
    fileName,
  );
}

/** Refuses what is clearly not a text file; throws ReturnReadError. */
function assertLooksLikeText(sample: Buffer, fileName: string): void {
  if (startsWith(sample, [0xff, 0xfe]) || startsWith(sample, [0xfe, 0xff])) throw utf16(fileName);
  for (const signature of BINARY_SIGNATURES) {
    if (startsWith(sample, signature.bytes)) throw notText(fileName, signature.what);
  }
  let nuls = 0;
  let oddNuls = 0;
  let controls = 0;
  for (let index = 0; index < sample.length; index++) {
    const byte = sample[index]!;
    if (byte === 0) {
      nuls++;
      if (index % 2 === 1) oddNuls++;
    } else if (
      (byte < 0x20 && byte !== 0x09 && byte !== 0x0a && byte !== 0x0d && byte !== 0x0c) ||
      byte === 0x7f
    ) {
      controls++;
    }
  }
  // UTF-16 without a byte order mark: every other byte of ASCII text is zero.
  if (nuls > sample.length / 4 && (oddNuls > nuls * 0.9 || oddNuls < nuls * 0.1)) throw utf16(fileName);
  if (nuls > 0) throw notText(fileName, 'a binary file (it contains zero bytes)');
  if (controls > Math.max(4, sample.length * MAX_CONTROL_SHARE)) {
    throw notText(fileName, 'a binary file (it is full of control characters)');
  }
}

function mixedEncoding(fileName: string, offset: number): ReturnReadError {
  return new ReturnReadError(
    'encoding',
    `"${fileName}" starts as UTF-8 text but has characters in another encoding about ${offset.toLocaleString('en-GB')} ` +
      'bytes in. Open it in your spreadsheet program and save it again as "CSV UTF-8 (Comma delimited)".',
    fileName,
  );
}

/** True when the chunk is valid UTF-8 except for a character cut off at its very end. */
function endsInPartialUtf8(chunk: Buffer): boolean {
  try {
    new TextDecoder('utf-8', { fatal: true }).decode(chunk, { stream: true });
    return true;
  } catch {
    return false;
  }
}

/**
 * Decodes a byte stream to text chunks (see decodeToUtf8, which does the work and the checks).
 */
export async function* decodeText(source: ByteSource, options: DecodeOptions): AsyncGenerator<string> {
  // The UTF-8 chunks may cut a character in two; the string decoder joins it up again.
  const text = new StringDecoder('utf8');
  for await (const chunk of decodeToUtf8(source, options)) {
    const part = text.write(chunk);
    if (part.length > 0) yield part;
  }
  const tail = text.end();
  if (tail.length > 0) yield tail;
}

/** True when the chunk ends part-way through a UTF-8 character (it must then be checked with the next). */
function endsMidCharacter(chunk: Buffer): boolean {
  for (let back = 1; back <= 3 && back <= chunk.length; back++) {
    const byte = chunk[chunk.length - back]!;
    if (byte < 0x80) return false;
    if (byte >= 0xc0) {
      const length = byte >= 0xf0 ? 4 : byte >= 0xe0 ? 3 : 2;
      return length > back;
    }
  }
  return false;
}

/**
 * Decodes a byte stream to UTF-8 byte chunks (a character may be cut between two chunks). The decision
 * between UTF-8 and Windows-1252 is made on the first bytes that are not ASCII (pure ASCII reads the same
 * in both), so a file whose first accented letter is far down is still read correctly. UTF-8 input is
 * checked and passed on as it is, without being turned into text; Windows-1252 is converted. A byte order
 * mark is removed. Throws ReturnReadError (kind 'binary' or 'encoding') for files that are not text.
 *
 * Note: TextDecoder('windows-1252') in Node 20 maps 0x80–0x9F correctly (€, curly quotes) only in
 * streaming mode, so every call passes { stream: true } and the decoder is flushed at the end.
 */
export async function* decodeToUtf8(source: ByteSource, options: DecodeOptions): AsyncGenerator<Buffer> {
  const { fileName } = options;
  const sniffBytes = options.sniffBytes ?? DEFAULT_SNIFF_BYTES;
  const iterator = byteChunks(source)[Symbol.asyncIterator]();

  // 1. Gather a sample large enough to judge the file by.
  const sampleChunks: Buffer[] = [];
  let sampleLength = 0;
  let ended = false;
  while (sampleLength < sniffBytes) {
    const next = await iterator.next();
    if (next.done) {
      ended = true;
      break;
    }
    sampleChunks.push(next.value);
    sampleLength += next.value.length;
  }
  let sample = Buffer.concat(sampleChunks, sampleLength);
  if (sample.length === 0) return;
  assertLooksLikeText(sample, fileName);

  let encoding: TextEncodingName | null = null;
  let decoder: TextDecoder | null = null;
  let offset = 0;
  const decide = (chosen: TextEncodingName): void => {
    encoding = chosen;
    decoder = new TextDecoder(chosen, chosen === 'utf-8' ? { fatal: true } : {});
    options.onEncoding?.(chosen);
  };
  if (startsWith(sample, [0xef, 0xbb, 0xbf])) {
    sample = sample.subarray(3);
    offset = 3;
    decide('utf-8');
    // A text decoder drops a second mark too, as it reads the start of its stream.
    if (startsWith(sample, [0xef, 0xbb, 0xbf])) sample = sample.subarray(3);
  }

  // Bytes held back while undecided because they end in what may be the start of a UTF-8 character.
  let pending: Buffer | null = null;
  // Whether the last UTF-8 chunk ended part-way through a character, so the next must be checked with it.
  let midCharacter = false;
  const decodeChunk = (input: Buffer): Buffer | null => {
    if (input.indexOf(0) !== -1) throw notText(fileName, 'a binary file (it contains zero bytes)');
    let chunk = input;
    if (encoding === null) {
      if (pending) {
        chunk = Buffer.concat([pending, chunk]);
        pending = null;
      }
      if (isAscii(chunk)) return chunk;
      if (isUtf8(chunk)) {
        decide('utf-8');
        return chunk;
      }
      if (endsInPartialUtf8(chunk)) {
        pending = chunk;
        return null;
      }
      decide('windows-1252');
    }
    if (encoding === 'windows-1252') return Buffer.from(decoder!.decode(chunk, { stream: true }), 'utf8');
    // UTF-8: plain ASCII needs no check, unless it completes a character begun in the chunk before.
    if (!midCharacter && isAscii(chunk)) return chunk;
    try {
      decoder!.decode(chunk, { stream: true });
    } catch {
      throw mixedEncoding(fileName, offset);
    }
    midCharacter = endsMidCharacter(chunk);
    return chunk;
  };

  // 2. Decode the sample, then the rest of the stream.
  if (sample.length > 0) {
    const bytes = decodeChunk(sample);
    offset += sample.length;
    if (bytes !== null && bytes.length > 0) yield bytes;
  }
  while (!ended) {
    const next = await iterator.next();
    if (next.done) break;
    const bytes = decodeChunk(next.value);
    offset += next.value.length;
    if (bytes !== null && bytes.length > 0) yield bytes;
  }
  if (encoding === null) {
    // Either pure ASCII, or the only non-ASCII bytes are an unfinished UTF-8 sequence at the very end.
    if (pending === null) {
      options.onEncoding?.('utf-8');
      return;
    }
    decide('windows-1252');
    const text = (decoder as TextDecoder | null)!.decode(pending, { stream: true });
    if (text.length > 0) yield Buffer.from(text, 'utf8');
  }
  let tail: string;
  try {
    tail = (decoder as TextDecoder | null)?.decode() ?? '';
  } catch {
    throw mixedEncoding(fileName, offset);
  }
  if (tail.length > 0) yield Buffer.from(tail, 'utf8');
}
