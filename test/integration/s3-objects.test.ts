// The S3 object adapter: a streamed write arrives whole on fauxqs, and waiting on backpressure leaves no
// listeners behind and adds one however many writers wait (they used to pile up until Node warned of a leak).
import { createHash } from 'node:crypto';
import { PassThrough } from 'node:stream';
import { CreateBucketCommand } from '@aws-sdk/client-s3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { S3ObjectStore, writeWithBackpressure } from '../../shared/adapters/s3-objects.ts';
import { withFauxqs } from './helpers/emulators.ts';

describe('writeWithBackpressure', () => {
  it('waits for every drain and leaves no error or drain listener behind', async () => {
    const stream = new PassThrough({ highWaterMark: 64 });
    const received: Buffer[] = [];
    // A slow reader, so nearly every write has to wait for the stream to drain.
    const reader = (async () => {
      for await (const chunk of stream) {
        received.push(chunk as Buffer);
        await new Promise((resolve) => setImmediate(resolve));
      }
    })();
    const before = { error: stream.listenerCount('error'), drain: stream.listenerCount('drain') };
    for (let line = 0; line < 200; line += 1) await writeWithBackpressure(stream, `${'x'.repeat(99)}\n`);
    expect(stream.listenerCount('error')).toBe(before.error);
    expect(stream.listenerCount('drain')).toBe(before.drain);
    stream.end();
    await reader;
    expect(Buffer.concat(received).length).toBe(200 * 100);
  });

  it('lets writes made while the stream is full share one wait, in order', async () => {
    const stream = new PassThrough({ highWaterMark: 64 });
    const before = { error: stream.listenerCount('error'), drain: stream.listenerCount('drain') };
    const chunks = Array.from({ length: 40 }, (_, index) => `${index},${'z'.repeat(100)}\n`);
    const writes = chunks.map((chunk) => writeWithBackpressure(stream, chunk));
    // Forty writers waiting, one listener each for drain and error (eleven used to make Node warn of a leak).
    expect(stream.listenerCount('drain')).toBe(before.drain + 1);
    expect(stream.listenerCount('error')).toBe(before.error + 1);
    const received: Buffer[] = [];
    stream.on('data', (chunk: Buffer) => received.push(chunk));
    await Promise.all(writes);
    stream.end();
    await new Promise((resolve) => stream.on('end', resolve));
    expect(Buffer.concat(received).toString()).toBe(chunks.join(''));
    expect(stream.listenerCount('drain')).toBe(before.drain);
    expect(stream.listenerCount('error')).toBe(before.error);
  });

  it('rejects when the stream fails while it waits', async () => {
    const stream = new PassThrough({ highWaterMark: 8 });
    const waiting = writeWithBackpressure(stream, 'more than eight bytes');
    stream.destroy(new Error('upload failed'));
    await expect(waiting).rejects.toThrow('upload failed');
  });
});

describe('S3ObjectStore.openWriter', () => {
  let fauxqs: Awaited<ReturnType<typeof withFauxqs>>;
  beforeAll(async () => {
    fauxqs = await withFauxqs();
    await fauxqs.s3.send(new CreateBucketCommand({ Bucket: 'data' }));
  });
  afterAll(async () => {
    await fauxqs?.stop();
  });

  it('streams thousands of lines into one object, intact', async () => {
    const objects = new S3ObjectStore(fauxqs.s3);
    const writer = objects.openWriter('data', 'curated/extract.csv', 'text/csv');
    const expected = createHash('sha256');
    for (let line = 0; line < 20_000; line += 1) {
      const text = `${String(line).padStart(8, '0')},${'x'.repeat(502)}\n`;
      expected.update(text);
      await writer.write(text);
    }
    await writer.close();

    const actual = createHash('sha256');
    let size = 0;
    for await (const chunk of await objects.open('data', 'curated/extract.csv')) {
      actual.update(chunk);
      size += chunk.length;
    }
    expect(size).toBe(20_000 * 512);
    expect(actual.digest('hex')).toBe(expected.digest('hex'));
  });

  it('keeps the order of writes made before the last one resolved', async () => {
    const objects = new S3ObjectStore(fauxqs.s3);
    const writer = objects.openWriter('data', 'curated/unawaited.csv', 'text/csv');
    const chunks = Array.from({ length: 40 }, (_, index) => `${index},${'y'.repeat(40_000)}\n`);
    // Every chunk is over the stream's buffer, so each write waits for a drain: none is awaited in turn.
    await Promise.all(chunks.map((chunk) => writer.write(chunk)));
    await writer.close();

    const parts: Buffer[] = [];
    for await (const chunk of await objects.open('data', 'curated/unawaited.csv'))
      parts.push(Buffer.from(chunk));
    expect(Buffer.concat(parts).toString()).toBe(chunks.join(''));
  });
});
