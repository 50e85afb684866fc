import { describe, expect, it } from 'vitest';
import { buildHttpEvent, matchRoute, toHttpResponse } from '../../../infra/local/http-gateway.ts';
import type { LocalRoute } from '../../../infra/local/model.ts';

const route = (routeKey: string): LocalRoute => ({
  id: routeKey,
  apiId: 'Api',
  routeKey,
  functionName: 'fn',
  scopes: [],
});
const routes = [
  route('GET /submissions/{submissionId}'),
  route('GET /submissions/{submissionId}/report'),
  route('GET /submissions/latest'),
  route('ANY /files/{proxy+}'),
  route('POST /submissions'),
];

describe('HTTP API routing', () => {
  it('prefers literal segments over parameters and extracts path parameters', () => {
    expect(matchRoute(routes, 'GET', '/submissions/latest')?.route.routeKey).toBe('GET /submissions/latest');
    const match = matchRoute(routes, 'GET', '/submissions/ABC-123');
    expect(match?.route.routeKey).toBe('GET /submissions/{submissionId}');
    expect(match?.pathParameters).toEqual({ submissionId: 'ABC-123' });
    expect(matchRoute(routes, 'GET', '/submissions/ABC-123/report')?.route.routeKey).toBe(
      'GET /submissions/{submissionId}/report',
    );
  });

  it('passes a malformed percent-escape on as it is, for the handler to refuse (never a crash: a 500)', () => {
    const match = matchRoute(routes, 'GET', '/submissions/%ZZ');
    expect(match?.route.routeKey).toBe('GET /submissions/{submissionId}');
    expect(match?.pathParameters).toEqual({ submissionId: '%ZZ' });
    expect(matchRoute(routes, 'GET', '/submissions/A%20B')?.pathParameters).toEqual({ submissionId: 'A B' });
  });

  it('matches methods exactly, ANY for any method, and greedy parameters across slashes', () => {
    expect(matchRoute(routes, 'DELETE', '/submissions/ABC')).toBeUndefined();
    expect(matchRoute(routes, 'POST', '/submissions')?.route.routeKey).toBe('POST /submissions');
    expect(matchRoute(routes, 'PUT', '/files/a/b/c.csv')?.pathParameters).toEqual({ proxy: 'a/b/c.csv' });
    expect(matchRoute(routes, 'GET', '/nothing')).toBeUndefined();
    expect(matchRoute([...routes, route('$default')], 'GET', '/nothing')?.route.routeKey).toBe('$default');
  });

  it('builds a payload 2.0 event as API Gateway does', () => {
    const match = matchRoute(routes, 'GET', '/submissions/S1')!;
    const event = buildHttpEvent({
      api: { id: 'Api', name: 'api' },
      match,
      method: 'GET',
      url: new URL('http://127.0.0.1/submissions/S1?a=1&a=2&b=x'),
      headers: { Host: '127.0.0.1:3000', cookie: 'x=1; y=2', 'user-agent': 'test' },
      body: Buffer.alloc(0),
      sourceIp: '127.0.0.1',
      authorizer: { claims: { sub: 'u1' }, scopes: [] },
    });
    expect(event.version).toBe('2.0');
    expect(event.routeKey).toBe('GET /submissions/{submissionId}');
    expect(event.rawQueryString).toBe('a=1&a=2&b=x');
    expect(event.queryStringParameters).toEqual({ a: '1,2', b: 'x' });
    expect(event.cookies).toEqual(['x=1', 'y=2']);
    expect(event.headers.host).toBe('127.0.0.1:3000');
    expect(event.headers.cookie).toBeUndefined();
    expect(event.pathParameters).toEqual({ submissionId: 'S1' });
    expect((event.requestContext as unknown as { authorizer: unknown }).authorizer).toEqual({
      jwt: { claims: { sub: 'u1' }, scopes: [] },
    });
    expect(event.body).toBeUndefined();
  });

  it('base64-encodes binary bodies and passes text through', () => {
    const match = matchRoute(routes, 'POST', '/submissions')!;
    const common = {
      api: { id: 'Api', name: 'api' },
      match,
      method: 'POST',
      url: new URL('http://h/submissions'),
      sourceIp: '127.0.0.1',
    };
    const text = buildHttpEvent({
      ...common,
      headers: { 'content-type': 'application/json' },
      body: Buffer.from('{"a":1}'),
    });
    expect([text.body, text.isBase64Encoded]).toEqual(['{"a":1}', false]);
    const binary = buildHttpEvent({
      ...common,
      headers: { 'content-type': 'application/zip' },
      body: Buffer.from([0, 1, 2]),
    });
    expect([binary.body, binary.isBase64Encoded]).toEqual(['AAEC', true]);
  });

  it('maps results: structured, plain values, errors and time-outs', () => {
    const structured = toHttpResponse({
      ok: true,
      result: { statusCode: 201, headers: { 'Content-Type': 'text/csv' }, body: 'a,b', cookies: ['s=1'] },
    });
    expect([
      structured.status,
      structured.headers['content-type'],
      structured.headers['set-cookie'],
      structured.body.toString(),
    ]).toEqual([201, 'text/csv', ['s=1'], 'a,b']);
    const plain = toHttpResponse({ ok: true, result: { hello: 'world' } });
    expect([plain.status, plain.body.toString()]).toEqual([200, '{"hello":"world"}']);
    expect(toHttpResponse({ ok: false, error: { errorType: 'Error', errorMessage: 'x' } }).status).toBe(500);
    expect(
      toHttpResponse({ ok: false, error: { errorType: 'Sandbox.Timedout', errorMessage: 'x' } }).status,
    ).toBe(503);
  });
});
