// Secondary adapter: reading uploaded objects from S3 as streams.
import { createHash } from 'node:crypto';
import type { Readable } from 'node:stream';
import { GetObjectCommand, type S3Client } from '@aws-sdk/client-s3';

export interface ObjectDigest {
  readonly size: number;
  readonly sha256: string;
}

/** Streams the object once, so memory stays flat whatever its size. */
export async function digestObject(client: S3Client, bucket: string, key: string): Promise<ObjectDigest> {
  const response = await client.send(new GetObjectCommand({ Bucket: bucket, Key: key }));
  const body = response.Body as Readable | undefined;
  if (!body) throw new Error(`Object s3://${bucket}/${key} has no body`);
  const hash = createHash('sha256');
  let size = 0;
  for await (const chunk of body) {
    hash.update(chunk as Buffer);
    size += (chunk as Buffer).length;
  }
  return { size, sha256: hash.digest('hex') };
}
