import { createHash } from 'node:crypto';
import { DynamoDBClient, GetItemCommand } from '@aws-sdk/client-dynamodb';
import { PutObjectCommand, S3Client } from '@aws-sdk/client-s3';
import { getSignedUrl } from '@aws-sdk/s3-request-presigner';
import { describe, expect, it } from 'vitest';
import { type IncomingSignedRequest, uriEncode, verifySignature } from '../../../infra/local/sigv4.ts';

const credentials = { accessKeyId: 'submissions-api', secretAccessKey: 'secret-of-submissions-api' };
const secretFor = (id: string) => (id === credentials.accessKeyId ? credentials.secretAccessKey : undefined);
const endpoint = 'http://127.0.0.1:4566';
const s3 = new S3Client({ region: 'eu-west-2', endpoint, forcePathStyle: true, credentials });

const fromUrl = (url: string, method: string, headers: Record<string, string>): IncomingSignedRequest => {
  const parsed = new URL(url);
  return {
    method,
    rawPath: parsed.pathname,
    rawQuery: parsed.search.replace(/^\?/, ''),
    headers: { host: parsed.host, ...headers },
  };
};

const presignedPut = async (key = 'uploads/886/ssda903/2027/SUB-1/header.csv') =>
  getSignedUrl(s3, new PutObjectCommand({ Bucket: 'uploads', Key: key, ContentLength: 1472 }), {
    expiresIn: 900,
    signableHeaders: new Set(['content-length']),
  });

describe('SigV4 verification', () => {
  const now = new Date();

  it('accepts a presigned PUT as signed, with its declared length', async () => {
    const url = await presignedPut();
    const verdict = verifySignature(fromUrl(url, 'PUT', { 'content-length': '1472' }), secretFor, { now });
    expect(verdict).toMatchObject({ ok: true, accessKeyId: 'submissions-api', presigned: true });
  });

  it('refuses another length, another key, another method and a tampered signature', async () => {
    const url = await presignedPut();
    const refuse = (request: IncomingSignedRequest) => verifySignature(request, secretFor, { now });
    expect(refuse(fromUrl(url, 'PUT', { 'content-length': '201472' }))).toMatchObject({
      ok: false,
      code: 'SignatureDoesNotMatch',
    });
    const otherKey = url.replace('/886/', '/202/');
    expect(refuse(fromUrl(otherKey, 'PUT', { 'content-length': '1472' }))).toMatchObject({
      code: 'SignatureDoesNotMatch',
    });
    expect(refuse(fromUrl(url, 'GET', { 'content-length': '1472' }))).toMatchObject({
      code: 'SignatureDoesNotMatch',
    });
    const tampered = url.replace(
      /X-Amz-Signature=([0-9a-f])/,
      (_, c) => `X-Amz-Signature=${c === 'a' ? 'b' : 'a'}`,
    );
    expect(refuse(fromUrl(tampered, 'PUT', { 'content-length': '1472' }))).toMatchObject({
      code: 'SignatureDoesNotMatch',
    });
  });

  it('refuses an expired address, an unknown key and tells anonymous requests apart', async () => {
    const url = await presignedPut();
    const later = new Date(now.getTime() + 901_000);
    expect(
      verifySignature(fromUrl(url, 'PUT', { 'content-length': '1472' }), secretFor, { now: later }),
    ).toEqual({
      ok: false,
      anonymous: false,
      code: 'AccessDenied',
      message: 'Request has expired',
    });
    expect(
      verifySignature(fromUrl(url, 'PUT', { 'content-length': '1472' }), () => undefined, { now }),
    ).toMatchObject({ code: 'InvalidAccessKeyId' });
    expect(verifySignature(fromUrl(`${endpoint}/uploads/x`, 'GET', {}), secretFor, { now })).toEqual({
      ok: false,
      anonymous: true,
    });
  });

  it('verifies a header-signed request against the hash of the body received', async () => {
    let captured: IncomingSignedRequest | undefined;
    let body = '';
    const dynamo = new DynamoDBClient({
      region: 'eu-west-2',
      endpoint,
      credentials,
      requestHandler: {
        handle: async (request: {
          method: string;
          path: string;
          query?: Record<string, string>;
          headers: Record<string, string>;
          body?: string | Uint8Array;
        }) => {
          // The SDK hands a JSON body over as bytes (a Uint8Array whose string methods it warns about).
          body = typeof request.body === 'string' ? request.body : new TextDecoder().decode(request.body);
          const headers = Object.fromEntries(
            Object.entries(request.headers).map(([k, v]) => [k.toLowerCase(), v]),
          );
          captured = {
            method: request.method,
            rawPath: request.path,
            rawQuery: Object.entries(request.query ?? {})
              .map(([k, v]) => `${uriEncode(k)}=${uriEncode(v)}`)
              .join('&'),
            headers,
          };
          throw new Error('captured');
        },
      } as never,
    });
    await expect(
      dynamo.send(
        new GetItemCommand({ TableName: 'Table', Key: { pk: { S: 'SUBMISSION#1' }, sk: { S: 'x' } } }),
      ),
    ).rejects.toThrow('captured');
    const hash = (text: string) => createHash('sha256').update(text).digest('hex');
    expect(verifySignature(captured!, secretFor, { now, bodyHash: hash(body) })).toMatchObject({ ok: true });
    expect(
      verifySignature(captured!, secretFor, {
        now,
        bodyHash: hash(body.replace('SUBMISSION#1', 'SUBMISSION#2')),
      }),
    ).toMatchObject({ ok: false, code: 'XAmzContentSHA256Mismatch' });
    const { 'x-amz-target': _target, ...otherAction } = captured!.headers;
    expect(
      verifySignature(
        { ...captured!, headers: { ...otherAction, 'x-amz-target': 'DynamoDB_20120810.DeleteItem' } },
        secretFor,
        {
          now,
          bodyHash: hash(body),
        },
      ),
    ).toMatchObject({ ok: false, code: 'SignatureDoesNotMatch' });
    expect(
      verifySignature(captured!, secretFor, {
        now: new Date(now.getTime() + 16 * 60_000),
        bodyHash: hash(body),
      }),
    ).toMatchObject({ ok: false, code: 'RequestTimeTooSkewed' });
  });
});
