// The front before local S3 enforces what S3 does: signatures and their expiry, signed headers, no
// anonymous access, checksums, conditional writes and the 5 GB single-PUT limit, over a real fauxqs.
import { createHash } from 'node:crypto';
import http from 'node:http';
import { CreateBucketCommand, GetObjectCommand, PutObjectCommand, S3Client } from '@aws-sdk/client-s3';
import { getSignedUrl } from '@aws-sdk/s3-request-presigner';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { s3Permissions } from '../../infra/local/aws-requests.ts';
import { LOCAL_CREDENTIALS } from '../../infra/local/emulators.ts';
import { LOCAL_REGION } from '../../infra/local/model.ts';
import { type RunningFront, startFront } from '../../infra/local/service-front.ts';
import { withFauxqs } from './helpers/emulators.ts';

const writer = { accessKeyId: 'submissions-api', secretAccessKey: 'writer-secret' };
const reader = { accessKeyId: 'reader', secretAccessKey: 'reader-secret' };

describe('S3 front', () => {
  let fauxqs: Awaited<ReturnType<typeof withFauxqs>>;
  let front: RunningFront;
  let s3: S3Client;
  const client = (credentials: { accessKeyId: string; secretAccessKey: string }) =>
    new S3Client({ region: LOCAL_REGION, endpoint: front.endpoint, forcePathStyle: true, credentials });

  beforeAll(async () => {
    fauxqs = await withFauxqs();
    front = await startFront(0, {
      name: 'S3',
      upstream: fauxqs.server.endpoint,
      principals: new Map([
        [LOCAL_CREDENTIALS.accessKeyId, { arn: 'root', secretAccessKey: LOCAL_CREDENTIALS.secretAccessKey }],
        [
          writer.accessKeyId,
          {
            arn: 'arn:aws:sts::000000000000:assumed-role/SubmissionsApiRole/submissions-api',
            secretAccessKey: writer.secretAccessKey,
            statements: [
              {
                Effect: 'Allow',
                Action: ['s3:PutObject', 's3:GetObject'],
                Resource: 'arn:aws:s3:::uploads/*',
              },
            ],
          },
        ],
        [
          reader.accessKeyId,
          {
            arn: 'arn:aws:sts::000000000000:assumed-role/ReaderRole/reader',
            secretAccessKey: reader.secretAccessKey,
            statements: [
              { Effect: 'Allow', Action: 's3:GetObject', Resource: 'arn:aws:s3:::uploads/reports/*' },
            ],
          },
        ],
      ]),
      classify: (facts) => ({ protocol: 's3', permissions: s3Permissions(facts) }),
      log: () => {},
    });
    s3 = client(LOCAL_CREDENTIALS);
    await s3.send(new CreateBucketCommand({ Bucket: 'uploads' }));
  });
  afterAll(async () => {
    s3?.destroy();
    await front?.stop();
    await fauxqs?.stop();
  });

  const body = Buffer.from('CHILD,SEX,DOB\n1,1,01/01/2015\n');
  const sha256 = createHash('sha256').update(body).digest('base64');
  const presign = (key: string, options: { size?: number; checksum?: string; expiresIn?: number } = {}) =>
    getSignedUrl(
      client(writer),
      new PutObjectCommand({
        Bucket: 'uploads',
        Key: key,
        ContentLength: options.size ?? body.length,
        ChecksumSHA256: options.checksum ?? sha256,
        IfNoneMatch: '*',
      }),
      {
        expiresIn: options.expiresIn ?? 900,
        signableHeaders: new Set(['content-length', 'x-amz-checksum-sha256', 'if-none-match']),
      },
    );
  const put = (url: string, bytes: Buffer, headers: Record<string, string> = {}) =>
    fetch(url, {
      method: 'PUT',
      body: bytes,
      headers: { 'x-amz-checksum-sha256': sha256, 'if-none-match': '*', ...headers },
    });
  const errorCode = async (response: Response) => /<Code>([^<]+)<\/Code>/.exec(await response.text())?.[1];

  it('stores a presigned PUT of the declared bytes once, and refuses to overwrite it', async () => {
    const url = await presign('uploads/886/a.csv');
    const first = await put(url, body);
    expect(first.status, await first.clone().text()).toBe(200);
    const again = await put(url, body);
    expect(again.status).toBe(412);
    expect(await errorCode(again)).toBe('PreconditionFailed');
    const stored = await s3.send(new GetObjectCommand({ Bucket: 'uploads', Key: 'uploads/886/a.csv' }));
    expect(await stored.Body!.transformToString()).toBe(body.toString());
  });

  it('refuses a body of another length, another checksum, a dropped condition and a rewritten key', async () => {
    const url = await presign('uploads/886/b.csv');
    const longer = Buffer.concat([body, Buffer.alloc(200_000, 97)]);
    expect(await errorCode(await put(url, longer))).toBe('SignatureDoesNotMatch');
    const sameLength = Buffer.from(body.toString().replace('2015', '2016'));
    expect(await errorCode(await put(url, sameLength))).toBe('BadDigest');
    const withoutCondition = await fetch(url, {
      method: 'PUT',
      body,
      headers: { 'x-amz-checksum-sha256': sha256 },
    });
    expect(await errorCode(withoutCondition)).toBe('SignatureDoesNotMatch');
    expect(await errorCode(await put(url.replace('/886/', '/202/'), body))).toBe('SignatureDoesNotMatch');
    const tampered = url.replace(/X-Amz-Signature=(.)/, (_, c) => `X-Amz-Signature=${c === '0' ? '1' : '0'}`);
    expect(await errorCode(await put(tampered, body))).toBe('SignatureDoesNotMatch');
  });

  it('refuses an expired address', async () => {
    const url = await presign('uploads/886/c.csv', { expiresIn: 1 });
    await new Promise((resolve) => setTimeout(resolve, 2_100));
    const response = await put(url, body);
    expect(response.status).toBe(403);
    expect(await response.text()).toContain('Request has expired');
  });

  it('refuses anonymous listing, reading and writing with AccessDenied', async () => {
    for (const [method, path] of [
      ['GET', '/uploads'],
      ['GET', '/uploads?list-type=2'],
      ['GET', '/uploads/uploads/886/a.csv'],
      ['PUT', '/uploads/reports/886/r.json'],
      ['GET', '/'],
    ] as const) {
      const response = await fetch(`${front.endpoint}${path}`, {
        method,
        ...(method === 'PUT' ? { body: 'x' } : {}),
      });
      expect(response.status, `${method} ${path}`).toBe(403);
      expect(await errorCode(response), `${method} ${path}`).toBe('AccessDenied');
    }
  });

  it('denies what the caller’s statements do not grant, naming the action and resource', async () => {
    const reading = client(reader);
    await expect(
      reading.send(new GetObjectCommand({ Bucket: 'uploads', Key: 'uploads/886/a.csv' })),
    ).rejects.toMatchObject({
      name: 'AccessDenied',
      message: expect.stringContaining(
        'is not authorized to perform: s3:GetObject on resource: arn:aws:s3:::uploads/uploads/886/a.csv',
      ),
    });
    await expect(
      reading.send(new PutObjectCommand({ Bucket: 'uploads', Key: 'reports/886/r.json', Body: '{}' })),
    ).rejects.toMatchObject({ name: 'AccessDenied' });
    reading.destroy();
  });

  it('takes a single PUT over 11 MiB (fauxqs refused those with 413) and refuses one over 5 GB', async () => {
    const large = Buffer.alloc(24 * 1024 * 1024, 98);
    const started = performance.now();
    await s3.send(new PutObjectCommand({ Bucket: 'uploads', Key: 'uploads/886/large.csv', Body: large }));
    const viaFront = performance.now() - started;
    const head = await s3.send(new GetObjectCommand({ Bucket: 'uploads', Key: 'uploads/886/large.csv' }));
    expect(head.ContentLength).toBe(large.length);
    head.Body && (await head.Body.transformToByteArray());
    const direct = new S3Client({
      region: LOCAL_REGION,
      endpoint: fauxqs.server.endpoint,
      forcePathStyle: true,
      credentials: LOCAL_CREDENTIALS,
    });
    const directStarted = performance.now();
    await direct.send(
      new PutObjectCommand({ Bucket: 'uploads', Key: 'uploads/886/large2.csv', Body: large }),
    );
    const straight = performance.now() - directStarted;
    direct.destroy();
    console.log(
      `24 MiB PUT: ${Math.round(viaFront)} ms through the front, ${Math.round(straight)} ms straight to fauxqs`,
    );

    const status = await new Promise<number>((resolve, reject) => {
      const request = http.request(`${front.endpoint}/uploads/uploads/886/huge.csv`, {
        method: 'PUT',
        headers: { 'content-length': String(5 * 1024 ** 3 + 1) },
      });
      request.on('response', (response) => {
        response.resume();
        resolve(response.statusCode ?? 0);
        request.destroy();
      });
      request.on('error', reject);
      request.write('x');
    });
    expect(status).toBe(400);
  });
});
