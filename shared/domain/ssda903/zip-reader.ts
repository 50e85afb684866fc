// Domain: opening a ZIP of SSDA903 tables safely (yauzl). Limits are enforced on the bytes actually
// inflated, not only on what the ZIP's headers claim, so a crafted archive cannot exhaust memory or disk.
//
// A ZIP's table of contents is at its end, so a streamed upload is first written to a private temporary
// file (bounded by maxArchiveBytes) and read from there; a Buffer is read in place.
import { createWriteStream } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Readable, Transform, type TransformCallback } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { crc32, createInflateRaw } from 'node:zlib';
import yauzl, { type Entry, type ZipFile } from 'yauzl';
import { type ByteSource, byteChunks } from '../reading/bytes.ts';
import { ReturnReadError } from '../reading/issues.ts';

export interface ZipLimits {
  /** Most entries (files and folders) an archive may hold. */
  readonly maxEntries: number;
  /** Most bytes all entries may inflate to, together. */
  readonly maxTotalBytes: number;
  /** Most an entry may inflate relative to its compressed size (200 means 200:1). */
  readonly maxRatio: number;
  /** Output below which the ratio is not judged (tiny files compress unpredictably). */
  readonly ratioFloorBytes: number;
  /** Largest archive accepted, in compressed bytes. */
  readonly maxArchiveBytes: number;
}

export const DEFAULT_ZIP_LIMITS: ZipLimits = {
  maxEntries: 20,
  maxTotalBytes: 1024 ** 3,
  maxRatio: 200,
  ratioFloorBytes: 1024 ** 2,
  maxArchiveBytes: 1024 ** 3,
};

export interface ZipDataEntry {
  /** Path inside the archive, with forward slashes. */
  readonly name: string;
  readonly kind: 'csv' | 'xml';
  readonly compressedSize: number;
  readonly uncompressedSize: number;
}

export interface ZipArchive {
  readonly entries: readonly ZipDataEntry[];
  /** Files in the archive that are not data (for example a readme), ignored. Folders and system files are not listed. */
  readonly ignored: readonly string[];
  /** Inflates one entry; the stream fails with ReturnReadError if a limit is passed or the data is damaged. */
  open(entry: ZipDataEntry): Promise<Readable>;
  close(): Promise<void>;
}

export interface OpenZipOptions {
  /** Named in messages. */
  readonly fileName: string;
  readonly limits?: Partial<ZipLimits>;
}

const ARCHIVE_EXTENSIONS = /\.(zip|7z|rar|gz|tgz|tar|bz2|xz|cab)$/i;
const SYSTEM_FILE = /(^|\/)(__MACOSX\/|\.[^/]*$|Thumbs\.db$|desktop\.ini$)/i;

function mib(bytes: number): string {
  return `${Math.round(bytes / 1024 ** 2).toLocaleString('en-GB')} MB`;
}

function damaged(fileName: string, detail?: string): ReturnReadError {
  return new ReturnReadError(
    'zip-damaged',
    `The ZIP file "${fileName}" is incomplete or damaged${detail ? ` (${detail})` : ''}. It may have been cut short ` +
      'while uploading: create the ZIP again and upload it again.',
    fileName,
  );
}

function tooLarge(fileName: string, limit: number): ReturnReadError {
  return new ReturnReadError(
    'zip-too-large',
    `The files in "${fileName}" add up to more than ${mib(limit)} once unzipped, which is more than any SSDA903 return ` +
      'needs. Check that the ZIP holds only the return.',
    fileName,
  );
}

function ratioExceeded(fileName: string, entry: string, maxRatio: number): ReturnReadError {
  return new ReturnReadError(
    'zip-ratio',
    `"${entry}" in "${fileName}" unzips to more than ${maxRatio} times its compressed size. Files like this are used ` +
      'to attack systems, so we do not read it. Create the ZIP again with ordinary compression.',
    fileName,
  );
}

async function spoolToTempFile(
  source: ByteSource,
  fileName: string,
  maxBytes: number,
): Promise<{ directory: string; path: string }> {
  const directory = await mkdtemp(join(tmpdir(), 'ssda903-zip-'));
  const path = join(directory, 'upload.zip');
  let size = 0;
  const counted = Readable.from(
    (async function* () {
      for await (const chunk of byteChunks(source)) {
        size += chunk.length;
        if (size > maxBytes) throw tooLarge(fileName, maxBytes);
        yield chunk;
      }
    })(),
  );
  try {
    await pipeline(counted, createWriteStream(path, { mode: 0o600 }));
  } catch (error) {
    await rm(directory, { recursive: true, force: true });
    throw error;
  }
  return { directory, path };
}

function openYauzl(target: string | Buffer, fileName: string): Promise<ZipFile> {
  const options = { lazyEntries: true, autoClose: false, decodeStrings: false, validateEntrySizes: false };
  return new Promise((resolve, reject) => {
    const done = (error: Error | null, zip?: ZipFile): void => {
      if (error || !zip) reject(damaged(fileName, error ? describeYauzlError(error) : undefined));
      else resolve(zip);
    };
    if (typeof target === 'string') yauzl.open(target, options, done);
    else yauzl.fromBuffer(target, options, done);
  });
}

function describeYauzlError(error: Error): string | undefined {
  if (/end of central directory record signature not found/i.test(error.message)) {
    return 'its table of contents at the end of the file is missing';
  }
  return undefined;
}

function readAllEntries(zip: ZipFile, fileName: string): Promise<Entry[]> {
  return new Promise((resolve, reject) => {
    const entries: Entry[] = [];
    zip.on('entry', (entry: Entry) => {
      entries.push(entry);
      zip.readEntry();
    });
    zip.on('end', () => resolve(entries));
    zip.on('error', (error: Error) => reject(damaged(fileName, describeYauzlError(error))));
    zip.readEntry();
  });
}

function entryName(entry: Entry): string {
  const raw = entry.fileName as unknown as Buffer;
  return yauzl.getFileNameLowLevel(entry.generalPurposeBitFlag, raw, entry.extraFields, false);
}

/**
 * Counts inflated bytes and checks them against the limits while they flow, and the CRC at the end. The
 * ratio is inflated bytes so far over compressed bytes read so far: a bomb is refused within its first
 * megabytes, not once it has inflated to its ratio over the whole entry.
 */
class InflationMeter extends Transform {
  private bytes = 0;
  private crc = 0;

  get inflated(): number {
    return this.bytes;
  }

  constructor(
    private readonly entry: Entry,
    private readonly name: string,
    private readonly fileName: string,
    private readonly limits: ZipLimits,
    private readonly total: { inflated: number },
    /** Compressed bytes the inflater has consumed so far. */
    private readonly compressedRead: () => number,
  ) {
    super();
  }

  override _transform(chunk: Buffer, _encoding: BufferEncoding, callback: TransformCallback): void {
    this.bytes += chunk.length;
    this.total.inflated += chunk.length;
    if (
      this.bytes > this.limits.ratioFloorBytes &&
      this.bytes > this.compressedRead() * this.limits.maxRatio
    ) {
      callback(ratioExceeded(this.fileName, this.name, this.limits.maxRatio));
      return;
    }
    if (this.total.inflated > this.limits.maxTotalBytes) {
      callback(tooLarge(this.fileName, this.limits.maxTotalBytes));
      return;
    }
    if (this.bytes > this.entry.uncompressedSize) {
      callback(damaged(this.fileName, `"${this.name}" is larger than the ZIP says it is`));
      return;
    }
    this.crc = crc32(chunk, this.crc);
    callback(null, chunk);
  }

  override _flush(callback: TransformCallback): void {
    if (this.bytes !== this.entry.uncompressedSize || this.crc >>> 0 !== this.entry.crc32 >>> 0) {
      callback(damaged(this.fileName, `"${this.name}" does not match its checksum`));
      return;
    }
    callback();
  }
}

/**
 * Opens a ZIP and checks its table of contents: entry count, encryption, names (no absolute paths or
 * "..", no archives inside), compression method and declared total size. Data entries are the .csv and
 * .xml files; folders and system files (__MACOSX, hidden files) are skipped, other files listed as ignored.
 * Throws ReturnReadError. Call close() when done.
 */
export async function openZip(source: ByteSource, options: OpenZipOptions): Promise<ZipArchive> {
  const limits: ZipLimits = { ...DEFAULT_ZIP_LIMITS, ...options.limits };
  const { fileName } = options;
  const spooled =
    source instanceof Uint8Array ? null : await spoolToTempFile(source, fileName, limits.maxArchiveBytes);
  const cleanUp = async (): Promise<void> => {
    if (spooled) await rm(spooled.directory, { recursive: true, force: true });
  };

  let zip: ZipFile;
  try {
    if (source instanceof Uint8Array && source.length > limits.maxArchiveBytes) {
      throw tooLarge(fileName, limits.maxArchiveBytes);
    }
    const inMemory = source as Uint8Array;
    zip = await openYauzl(
      spooled?.path ?? Buffer.from(inMemory.buffer, inMemory.byteOffset, inMemory.byteLength),
      fileName,
    );
  } catch (error) {
    await cleanUp();
    throw error;
  }

  try {
    if (zip.entryCount > limits.maxEntries) {
      throw new ReturnReadError(
        'zip-entries',
        `"${fileName}" holds ${zip.entryCount.toLocaleString('en-GB')} files and folders; at most ${limits.maxEntries} are ` +
          'accepted. Put only the CSV files of the return (or its one XML file) in the ZIP and upload it again.',
        fileName,
      );
    }
    const entries: ZipDataEntry[] = [];
    const ignored: string[] = [];
    const byName = new Map<string, Entry>();
    let declared = 0;
    for (const entry of await readAllEntries(zip, fileName)) {
      const name = entryName(entry);
      const unsafe = yauzl.validateFileName(name);
      if (unsafe !== null || name.split('/').includes('..')) {
        throw new ReturnReadError(
          'zip-path',
          `"${fileName}" contains a file named "${name}", which points outside the ZIP's own folder. ` +
            'We do not read ZIP files like this; create the ZIP again from the files themselves.',
          fileName,
        );
      }
      if (name.endsWith('/')) continue;
      if (entry.isEncrypted()) {
        throw new ReturnReadError(
          'zip-encrypted',
          `"${name}" in "${fileName}" is protected with a password. Upload the ZIP without a password: the upload ` +
            'itself is encrypted.',
          fileName,
        );
      }
      if (ARCHIVE_EXTENSIONS.test(name)) {
        throw new ReturnReadError(
          'zip-nested',
          `"${fileName}" contains another compressed file, "${name}". Put the CSV files directly in one ZIP.`,
          fileName,
        );
      }
      if (SYSTEM_FILE.test(name)) continue;
      const kind = /\.csv$/i.test(name) ? 'csv' : /\.xml$/i.test(name) ? 'xml' : null;
      if (!kind) {
        ignored.push(name);
        continue;
      }
      if (entry.compressionMethod !== 0 && entry.compressionMethod !== 8) {
        throw new ReturnReadError(
          'zip-method',
          `"${name}" in "${fileName}" is compressed with a method we cannot read. Create the ZIP with the ordinary ` +
            '"Compressed (zipped) folder" option of Windows or a similar tool.',
          fileName,
        );
      }
      declared += entry.uncompressedSize;
      if (declared > limits.maxTotalBytes) throw tooLarge(fileName, limits.maxTotalBytes);
      entries.push({
        name,
        kind,
        compressedSize: entry.compressedSize,
        uncompressedSize: entry.uncompressedSize,
      });
      byName.set(name, entry);
    }

    const total = { inflated: 0 };
    return {
      entries,
      ignored,
      open: async (data) => {
        const entry = byName.get(data.name);
        if (!entry) throw new Error(`No entry ${data.name} in ${fileName}`);
        // The compressed bytes, inflated here rather than by yauzl, so the meter knows how many were read.
        const compressedBytes = await new Promise<Readable>((resolve, reject) => {
          zip.openReadStream(
            entry,
            entry.compressionMethod === 8 ? { decompress: false } : {},
            (error, stream) => {
              if (error || !stream) reject(damaged(fileName, error ? describeYauzlError(error) : undefined));
              else resolve(stream);
            },
          );
        });
        // zlib counts the compressed bytes it has consumed as it goes, so the ratio is exact at every chunk.
        const inflater = entry.compressionMethod === 8 ? createInflateRaw() : null;
        const meter: InflationMeter = new InflationMeter(entry, data.name, fileName, limits, total, () =>
          inflater ? inflater.bytesWritten : meter.inflated,
        );
        const stages: Readable[] = inflater ? [compressedBytes, inflater] : [compressedBytes];
        for (const stage of stages) {
          stage.on('error', (error: Error) => {
            // The library's own wording (zlib, offsets) means nothing to a council: say which file is broken.
            meter.destroy(
              error instanceof ReturnReadError
                ? error
                : damaged(fileName, `"${data.name}" cannot be unzipped`),
            );
          });
        }
        const stopAll = (): void => {
          for (const stage of stages) stage.destroy();
        };
        meter.on('error', stopAll);
        meter.on('close', stopAll);
        (inflater ? compressedBytes.pipe(inflater) : compressedBytes).pipe(meter);
        return meter;
      },
      close: async () => {
        zip.close();
        await cleanUp();
      },
    };
  } catch (error) {
    zip.close();
    await cleanUp();
    throw error;
  }
}

/** Yields each .csv entry of a ZIP as a stream, one at a time (read each fully before asking for the next). */
export async function* readZipCsvEntries(
  source: ByteSource,
  options: OpenZipOptions,
): AsyncGenerator<{ readonly name: string; readonly stream: Readable }> {
  const archive = await openZip(source, options);
  try {
    for (const entry of archive.entries) {
      if (entry.kind !== 'csv') continue;
      yield { name: entry.name, stream: await archive.open(entry) };
    }
  } finally {
    await archive.close();
  }
}
