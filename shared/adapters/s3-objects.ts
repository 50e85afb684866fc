// Secondary adapter: S3 objects as streams (uploads read once, reports and extracts written streaming).
import { createHash } from 'node:crypto';
import { PassThrough, type Readable, type Writable } from 'node:stream';
import {
  CopyObjectCommand,
  DeleteObjectCommand,
  GetObjectCommand,
  type GetObjectCommandOutput,
  PutObjectCommand,
  type S3Client,
} from '@aws-sdk/client-s3';
import { Upload } from '@aws-sdk/lib-storage';
import { ObjectChangedError, type ObjectStore, type ObjectWriter } from '../ports/objects.ts';

export class S3ObjectStore implements ObjectStore {
  constructor(private readonly client: S3Client) {}

  async open(bucket: string, key: string, ifMatch?: string): Promise<AsyncIterable<Uint8Array>> {
    let response: GetObjectCommandOutput;
    try {
      response = await this.client.send(
        new GetObjectCommand({
          Bucket: bucket,
          Key: key,
          ...(ifMatch ? { IfMatch: `"${ifMatch.replace(/"/g, '')}"` } : {}),
        }),
      );
    } catch (error) {
      const status = (error as { $metadata?: { httpStatusCode?: number } }).$metadata?.httpStatusCode;
      if (ifMatch && (status === 412 || status === 404))
        throw new ObjectChangedError(`s3://${bucket}/${key} is no longer the version ${ifMatch}`);
      throw error;
    }
    const body = response.Body as Readable | undefined;
    if (!body) throw new Error(`Object s3://${bucket}/${key} has no body`);
    return body;
  }

  async digest(bucket: string, key: string, ifMatch?: string): Promise<{ size: number; sha256: string }> {
    const hash = createHash('sha256');
    let size = 0;
    for await (const chunk of await this.open(bucket, key, ifMatch)) {
      hash.update(chunk);
      size += chunk.length;
    }
    return { size, sha256: hash.digest('hex') };
  }

  async putText(bucket: string, key: string, body: string, contentType: string): Promise<void> {
    await this.client.send(
      new PutObjectCommand({ Bucket: bucket, Key: key, Body: body, ContentType: contentType }),
    );
  }

  openWriter(bucket: string, key: string, contentType: string): ObjectWriter {
    const stream = new PassThrough();
    const upload = new Upload({
      client: this.client,
      params: { Bucket: bucket, Key: key, Body: stream, ContentType: contentType },
    });
    const done = upload.done();
    done.catch(() => {}); // Surfaced by close().
    return {
      write: (text) => writeWithBackpressure(stream, text),
      close: async () => {
        stream.end();
        await done;
      },
    };
  }

  /** One CopyObject (objects up to 5 GB; extracts are far smaller), then the original is deleted. */
  async move(bucket: string, fromKey: string, toKey: string): Promise<void> {
    await this.client.send(
      new CopyObjectCommand({
        Bucket: bucket,
        Key: toKey,
        CopySource: `${bucket}/${fromKey.split('/').map(encodeURIComponent).join('/')}`,
      }),
    );
    await this.remove(bucket, fromKey);
  }

  async remove(bucket: string, key: string): Promise<void> {
    await this.client.send(new DeleteObjectCommand({ Bucket: bucket, Key: key }));
  }
}

/** Per stream, the wait for its next drain, shared by every write made while it is full. */
const drains = new WeakMap<Writable, Promise<void>>();

/**
 * Writes to a stream and resolves when it can take more. Writes made while the stream is full share one wait
 * (one drain and one error listener, however many writers wait), and whichever of drain and error comes first
 * removes the other listener, so no listener is left behind.
 */
export function writeWithBackpressure(stream: Writable, text: string): Promise<void> {
  if (stream.write(text)) return Promise.resolve();
  const waiting = drains.get(stream);
  if (waiting) return waiting;
  const drain = new Promise<void>((resolve, reject) => {
    const drained = () => {
      drains.delete(stream);
      stream.off('error', failed);
      resolve();
    };
    const failed = (error: Error) => {
      drains.delete(stream);
      stream.off('drain', drained);
      reject(error);
    };
    stream.once('drain', drained).once('error', failed);
  });
  drains.set(stream, drain);
  return drain;
}
