// The front before local S3 answers browsers as S3 does from the bucket's CORS rules: the app's origin may
// put a file to its presigned address; any other origin's preflight is refused, and its requests get no
// CORS headers, so a browser on another site can neither send the file nor read the answer.
import { createHash } from 'node:crypto';
import { CreateBucketCommand, PutObjectCommand, S3Client } from '@aws-sdk/client-s3';
import { getSignedUrl } from '@aws-sdk/s3-request-presigner';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { s3Permissions } from '../../infra/local/aws-requests.ts';
import { LOCAL_CREDENTIALS } from '../../infra/local/emulators.ts';
import { LOCAL_REGION } from '../../infra/local/model.ts';
import type { S3CorsRule } from '../../infra/local/s3-cors.ts';
import { type RunningFront, startFront } from '../../infra/local/service-front.ts';
import { withFauxqs } from './helpers/emulators.ts';

const APP = 'http://127.0.0.1:3000';
const ELSEWHERE = 'https://elsewhere.example.com';
/** The uploads bucket's rule as the template has it (uploadCorsRule). */
const RULES: S3CorsRule[] = [
  {
    AllowedMethods: ['PUT'],
    AllowedOrigins: [APP],
    AllowedHeaders: ['content-type', 'x-amz-checksum-sha256', 'if-none-match'],
    ExposedHeaders: ['ETag'],
    MaxAge: 3000,
  },
];

describe('S3 front: CORS', () => {
  let fauxqs: Awaited<ReturnType<typeof withFauxqs>>;
  let front: RunningFront;
  let s3: S3Client;

  beforeAll(async () => {
    fauxqs = await withFauxqs();
    front = await startFront(0, {
      name: 'S3',
      upstream: fauxqs.server.endpoint,
      principals: new Map([
        [LOCAL_CREDENTIALS.accessKeyId, { arn: 'root', secretAccessKey: LOCAL_CREDENTIALS.secretAccessKey }],
      ]),
      classify: (facts) => ({ protocol: 's3', permissions: s3Permissions(facts) }),
      log: () => {},
      bucketCors: (bucket) => (bucket === 'uploads' ? RULES : []),
    });
    s3 = new S3Client({
      region: LOCAL_REGION,
      endpoint: front.endpoint,
      forcePathStyle: true,
      credentials: LOCAL_CREDENTIALS,
    });
    await s3.send(new CreateBucketCommand({ Bucket: 'uploads' }));
    await s3.send(new CreateBucketCommand({ Bucket: 'other' }));
  });
  afterAll(async () => {
    s3?.destroy();
    await front?.stop();
    await fauxqs?.stop();
  });

  const preflight = (path: string, origin: string, headers = 'if-none-match,x-amz-checksum-sha256') =>
    fetch(`${front.endpoint}${path}`, {
      method: 'OPTIONS',
      headers: {
        origin,
        'access-control-request-method': 'PUT',
        'access-control-request-headers': headers,
      },
    });
  const errorCode = async (response: Response) => /<Code>([^<]+)<\/Code>/.exec(await response.text())?.[1];

  it('answers the app’s preflight with the rule’s method, headers and exposed ETag', async () => {
    const response = await preflight('/uploads/uploads/886/a.csv', APP, 'content-type,if-none-match');
    expect(response.status).toBe(200);
    expect(response.headers.get('access-control-allow-origin')).toBe(APP);
    expect(response.headers.get('access-control-allow-methods')).toBe('PUT');
    expect(response.headers.get('access-control-allow-headers')).toBe('content-type, if-none-match');
    expect(response.headers.get('access-control-expose-headers')).toBe('ETag');
    expect(response.headers.get('access-control-max-age')).toBe('3000');
  });

  it('refuses another origin’s preflight, a header the rule does not list, and a bucket without CORS', async () => {
    const elsewhere = await preflight('/uploads/uploads/886/a.csv', ELSEWHERE);
    expect(elsewhere.status).toBe(403);
    expect(elsewhere.headers.get('access-control-allow-origin')).toBeNull();
    expect(await errorCode(elsewhere)).toBe('AccessForbidden');
    const extraHeader = await preflight('/uploads/uploads/886/a.csv', APP, 'if-none-match,x-amz-acl');
    expect(extraHeader.status).toBe(403);
    const getInstead = await fetch(`${front.endpoint}/uploads/uploads/886/a.csv`, {
      method: 'OPTIONS',
      headers: { origin: APP, 'access-control-request-method': 'GET' },
    });
    expect(getInstead.status).toBe(403);
    const noRules = await preflight('/other/a.csv', APP);
    expect(noRules.status).toBe(403);
    expect(await noRules.text()).toContain('CORS is not enabled for this bucket');
  });

  it('gives the app’s presigned PUT CORS headers and another origin’s none, so its browser cannot read it', async () => {
    const body = Buffer.from('CHILD,SEX\n1,1\n');
    const sha256 = createHash('sha256').update(body).digest('base64');
    const presign = (key: string) =>
      getSignedUrl(
        s3,
        new PutObjectCommand({
          Bucket: 'uploads',
          Key: key,
          ContentLength: body.length,
          ChecksumSHA256: sha256,
          IfNoneMatch: '*',
        }),
        {
          expiresIn: 900,
          signableHeaders: new Set(['content-length', 'x-amz-checksum-sha256', 'if-none-match']),
          unhoistableHeaders: new Set(['x-amz-checksum-sha256']),
        },
      );
    const put = async (origin: string, key: string) =>
      fetch(await presign(key), {
        method: 'PUT',
        body,
        headers: { origin, 'x-amz-checksum-sha256': sha256, 'if-none-match': '*' },
      });
    const fromApp = await put(APP, 'uploads/886/from-app.csv');
    expect(fromApp.status, await fromApp.clone().text()).toBe(200);
    expect(fromApp.headers.get('access-control-allow-origin')).toBe(APP);
    expect(fromApp.headers.get('access-control-expose-headers')).toBe('ETag');
    const fromElsewhere = await put(ELSEWHERE, 'uploads/886/from-elsewhere.csv');
    expect(fromElsewhere.headers.get('access-control-allow-origin')).toBeNull();
    // Refusals carry the headers too, so the app's page can say why a PUT failed.
    const again = await put(APP, 'uploads/886/from-app.csv');
    expect(again.status).toBe(412);
    expect(again.headers.get('access-control-allow-origin')).toBe(APP);
  });
});
