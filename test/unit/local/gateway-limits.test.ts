import type { APIGatewayProxyEventV2 } from 'aws-lambda';
import { afterEach, describe, expect, it } from 'vitest';
import type { InvocationResult } from '../../../infra/local/functions.ts';
import {
  AWS_LIMITS,
  type GatewayLimits,
  type RunningGateway,
  startGateway,
} from '../../../infra/local/http-gateway.ts';

// The local gateway answers where API Gateway and Lambda would: a request or response over their limits,
// or an integration slower than API Gateway waits, fails locally as it would in AWS.
describe('local HTTP API limits', () => {
  let gateway: RunningGateway | undefined;
  afterEach(async () => {
    await gateway?.stop();
    gateway = undefined;
  });

  const start = async (
    handler: (event: APIGatewayProxyEventV2) => Promise<InvocationResult>,
    limits?: Partial<GatewayLimits>,
  ) => {
    const calls: APIGatewayProxyEventV2[] = [];
    gateway = await startGateway(0, {
      api: { id: 'Api', name: 'api' },
      routes: [{ id: 'r', apiId: 'Api', routeKey: 'POST /echo', functionName: 'fn', scopes: [] }],
      issuers: [],
      invoke: (_name, event) => {
        calls.push(event);
        return handler(event);
      },
      log: () => {},
      ...(limits ? { limits: { ...AWS_LIMITS, ...limits } } : {}),
    });
    return { url: `${gateway.url}/echo`, calls };
  };
  const ok = (body: string): Promise<InvocationResult> =>
    Promise.resolve({ ok: true, result: { statusCode: 200, body } });

  it('uses the limits AWS documents', () => {
    expect(AWS_LIMITS).toEqual({
      requestBodyBytes: 10 * 1024 * 1024,
      lambdaPayloadBytes: 6 * 1024 * 1024,
      integrationTimeoutMs: 30_000,
    });
  });

  it('refuses a body over 10 MB with 413 before any function runs', async () => {
    const { url, calls } = await start(() => ok('x'));
    const response = await fetch(url, { method: 'POST', body: Buffer.alloc(10 * 1024 * 1024 + 1, 97) });
    expect(response.status).toBe(413);
    expect(await response.json()).toEqual({ message: 'Request Entity Too Large' });
    expect(calls).toHaveLength(0);
  });

  it('refuses with 413 a request whose Lambda event would be over 6 MiB, though under 10 MB', async () => {
    const { url, calls } = await start(() => ok('x'));
    const response = await fetch(url, {
      method: 'POST',
      headers: { 'content-type': 'text/plain' },
      body: Buffer.alloc(6 * 1024 * 1024 - 100, 97),
    });
    expect(response.status).toBe(413);
    expect(calls).toHaveLength(0);
    const fits = await fetch(url, {
      method: 'POST',
      headers: { 'content-type': 'text/plain' },
      body: 'small',
    });
    expect(fits.status).toBe(200);
  });

  it('answers 502 when the function returns more than 6 MiB, as API Gateway does', async () => {
    const { url } = await start(() => ok('y'.repeat(6 * 1024 * 1024)));
    const response = await fetch(url, { method: 'POST', body: '{}' });
    expect(response.status).toBe(502);
    expect(await response.json()).toEqual({ message: 'Internal Server Error' });
  });

  it('answers 503 when the integration takes longer than the timeout, without waiting for it', async () => {
    const { url } = await start(
      () => new Promise((resolve) => setTimeout(() => resolve({ ok: true, result: 'late' }), 2_000)),
      { integrationTimeoutMs: 200 },
    );
    const started = Date.now();
    const response = await fetch(url, { method: 'POST', body: '{}' });
    expect(response.status).toBe(503);
    expect(await response.json()).toEqual({ message: 'Service Unavailable' });
    expect(Date.now() - started).toBeLessThan(1_500);
  });
});
