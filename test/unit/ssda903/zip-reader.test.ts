import { readdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import type { Readable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { ReturnReadError } from '#domain/reading/issues';
import { openZip, readZipCsvEntries, type ZipLimits } from '#domain/ssda903/zip-reader';
import { inChunks } from './helpers/streams.ts';
import { buildZip, type ZipEntrySpec } from './helpers/zip-writer.ts';

async function readAll(stream: Readable): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const chunk of stream) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks);
}

async function entries(zip: Buffer | Readable, limits?: Partial<ZipLimits>): Promise<Record<string, string>> {
  const found: Record<string, string> = {};
  for await (const entry of readZipCsvEntries(zip, { fileName: 'return.zip', limits })) {
    found[entry.name] = (await readAll(entry.stream)).toString('utf8');
  }
  return found;
}

async function refusal(entriesOrZip: readonly ZipEntrySpec[] | Buffer, limits?: Partial<ZipLimits>) {
  const zip = Buffer.isBuffer(entriesOrZip) ? entriesOrZip : buildZip(entriesOrZip);
  try {
    await entries(zip, limits);
  } catch (error) {
    if (error instanceof ReturnReadError) return error;
    throw error;
  }
  throw new Error('expected the ZIP to be refused');
}

const HEADER = 'CHILD,SEX,DOB,ETHNIC,UPN,MOTHER,MC_DOB\r\nC1,F,01/01/2010,WBRI,A1,,\r\n';
const EPISODES =
  'CHILD,DECOM,RNE,LS,CIN,PLACE,PLACE_PROVIDER,DEC,REC,REASON_PLACE_CHANGE,HOME_POST,PL_POST,URN\r\n';

describe('readZipCsvEntries', () => {
  it('yields each CSV entry, deflated or stored, and skips folders, system files and other files', async () => {
    const zip = buildZip([
      { name: 'return/' },
      { name: 'return/header.csv', data: HEADER },
      { name: 'return/EPISODES.CSV', data: EPISODES, method: 'store' },
      { name: '__MACOSX/return/._header.csv', data: 'junk' },
      { name: 'return/.DS_Store', data: 'junk' },
      { name: 'return/readme.txt', data: 'notes' },
    ]);
    expect(await entries(zip)).toEqual({ 'return/header.csv': HEADER, 'return/EPISODES.CSV': EPISODES });
    const archive = await openZip(zip, { fileName: 'return.zip' });
    expect(archive.ignored).toEqual(['return/readme.txt']);
    await archive.close();
  });

  it('reads a ZIP that arrives as a stream, through a private temporary file it then removes', async () => {
    const before = readdirSync(tmpdir()).filter((name) => name.startsWith('ssda903-zip-'));
    const zip = buildZip([{ name: 'header.csv', data: HEADER }]);
    expect(await entries(inChunks(zip, 10))).toEqual({ 'header.csv': HEADER });
    expect(readdirSync(tmpdir()).filter((name) => name.startsWith('ssda903-zip-'))).toEqual(before);
  });

  it('refuses more entries than the limit', async () => {
    const many = Array.from({ length: 4 }, (_, index) => ({ name: `t${index}.csv`, data: HEADER }));
    const error = await refusal(many, { maxEntries: 3 });
    expect(error.kind).toBe('zip-entries');
    expect(error.message).toBe(
      '"return.zip" holds 4 files and folders; at most 3 are accepted. Put only the CSV files of the return (or its one XML file) in the ZIP and upload it again.',
    );
  });

  it('refuses files that add up to more than the size limit, from the sizes the ZIP declares', async () => {
    const error = await refusal([{ name: 'episodes.csv', data: 'x'.repeat(5000) }], { maxTotalBytes: 4000 });
    expect(error.kind).toBe('zip-too-large');
    expect(error.message).toMatch(/^The files in "return.zip" add up to more than 0 MB once unzipped/);
  });

  it('stops inflating at the size limit when the ZIP understates its sizes', async () => {
    const error = await refusal([{ name: 'episodes.csv', data: 'x'.repeat(50_000), declaredSize: 100 }], {
      maxTotalBytes: 1000,
    });
    expect(error.kind).toBe('zip-too-large');
    expect(error.message).toBe(
      'The files in "return.zip" add up to more than 0 MB once unzipped, which is more than any SSDA903 return needs. Check that the ZIP holds only the return.',
    );
  });

  it('measures the compression ratio while inflating, not from the headers', async () => {
    // Honest headers: 8 MB of zeros deflate to a few kB, over 1000:1.
    const bomb = buildZip([{ name: 'episodes.csv', data: Buffer.alloc(8 * 1024 ** 2) }]);
    const archive = await openZip(bomb, { fileName: 'return.zip' });
    const entry = archive.entries[0]!;
    expect(entry.uncompressedSize / entry.compressedSize).toBeGreaterThan(200);
    const stream = await archive.open(entry); // opening is allowed: the check is on the bytes that flow
    const error = await readAll(stream).then(
      () => null,
      (failure: unknown) => failure,
    );
    await archive.close();
    expect(error).toBeInstanceOf(ReturnReadError);
    expect((error as ReturnReadError).kind).toBe('zip-ratio');
    expect((error as ReturnReadError).message).toBe(
      '"episodes.csv" in "return.zip" unzips to more than 200 times its compressed size. Files like this are used to attack systems, so we do not read it. Create the ZIP again with ordinary compression.',
    );
  });

  it('refuses a 400:1 entry within its first megabytes, not after inflating most of it', async () => {
    // 100 MB that deflates about 400:1 overall (a random byte every 600 zeros): the ratio is judged on the
    // compressed bytes read so far, so the refusal comes long before the ratio on the whole entry would.
    const data = Buffer.alloc(100 * 1024 ** 2);
    let seed = 7;
    for (let at = 0; at < data.length; at += 600) {
      seed = (seed * 1_103_515_245 + 12_345) % 2 ** 31;
      data[at] = seed % 256;
    }
    const bomb = buildZip([{ name: 'episodes.csv', data }]);
    const archive = await openZip(bomb, { fileName: 'return.zip' });
    const entry = archive.entries[0]!;
    const ratio = entry.uncompressedSize / entry.compressedSize;
    expect(ratio).toBeGreaterThan(300);
    expect(ratio).toBeLessThan(500);
    const started = performance.now();
    let inflated = 0;
    const stream = await archive.open(entry);
    const error = await (async () => {
      for await (const chunk of stream) inflated += (chunk as Buffer).length;
    })().then(
      () => null,
      (failure: unknown) => failure,
    );
    const elapsed = performance.now() - started;
    await archive.close();
    expect((error as ReturnReadError).kind).toBe('zip-ratio');
    expect(inflated).toBeLessThan(4 * 1024 ** 2);
    expect(elapsed).toBeLessThan(1000);
  });

  it('refuses an entry that inflates to more than the ZIP says (a false header)', async () => {
    const error = await refusal([{ name: 'episodes.csv', data: EPISODES.repeat(20), declaredSize: 10 }]);
    expect(error.kind).toBe('zip-damaged');
    expect(error.message).toMatch(/"episodes.csv" is larger than the ZIP says it is/);
  });

  it('refuses an entry whose checksum does not match', async () => {
    const error = await refusal([{ name: 'header.csv', data: HEADER, crc: 12345 }]);
    expect(error.kind).toBe('zip-damaged');
    expect(error.message).toMatch(/"header.csv" does not match its checksum/);
  });

  it('refuses password-protected entries', async () => {
    const error = await refusal([{ name: 'header.csv', data: HEADER, encrypted: true }]);
    expect(error.kind).toBe('zip-encrypted');
    expect(error.message).toBe(
      '"header.csv" in "return.zip" is protected with a password. Upload the ZIP without a password: the upload itself is encrypted.',
    );
  });

  it('refuses a truncated ZIP', async () => {
    const zip = buildZip([{ name: 'header.csv', data: HEADER }]);
    const error = await refusal(zip.subarray(0, zip.length - 30));
    expect(error.kind).toBe('zip-damaged');
    expect(error.message).toBe(
      'The ZIP file "return.zip" is incomplete or damaged (its table of contents at the end of the file is missing). It may have been cut short while uploading: create the ZIP again and upload it again.',
    );
  });

  it('refuses a ZIP inside the ZIP', async () => {
    const inner = buildZip([{ name: 'header.csv', data: HEADER }]);
    const error = await refusal([
      { name: 'header.csv', data: HEADER },
      { name: 'more.zip', data: inner, method: 'store' },
    ]);
    expect(error.kind).toBe('zip-nested');
    expect(error.message).toBe(
      '"return.zip" contains another compressed file, "more.zip". Put the CSV files directly in one ZIP.',
    );
  });

  it.each(['../header.csv', 'return/../../header.csv', '/etc/header.csv', 'C:/header.csv', '..\\header.csv'])(
    'refuses a path that leaves the archive: %s',
    async (name) => {
      const error = await refusal([{ name, data: HEADER }]);
      expect(error.kind).toBe('zip-path');
      expect(error.message).toMatch(/which points outside the ZIP's own folder/);
    },
  );

  it('refuses something that is not a ZIP at all', async () => {
    const error = await refusal(Buffer.from('CHILD,DOB\r\n'));
    expect(error.kind).toBe('zip-damaged');
    expect(error.message).toMatch(/^The ZIP file "return.zip" is incomplete or damaged/);
  });
});
