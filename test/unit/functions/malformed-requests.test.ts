// Every API handler answers a malformed address or body with a 400 (or 404) and a clear message, never a 500.
// The handlers are invoked as Lambda would; their stores point at a closed loopback port, so a request that
// reaches a store (instead of being refused first) fails, and is seen here as a 500.
import type { Context } from 'aws-lambda';
import { beforeAll, describe, expect, it } from 'vitest';
import type { ApiEvent, ApiResult } from '../../../shared/adapters/http.ts';

const context = {
  functionName: 'test',
  awsRequestId: 'malformed',
  getRemainingTimeInMillis: () => 5000,
} as never as Context;

type Handler = (event: ApiEvent, context: Context) => Promise<ApiResult>;
const handlers: Record<string, Handler> = {};

beforeAll(async () => {
  Object.assign(process.env, {
    TABLE_NAME: 'upstream',
    UPLOADS_BUCKET: 'uploads',
    DATA_BUCKET: 'data',
    USER_POOL_ID: 'eu-west-2_pool',
    MAX_UPLOAD_BYTES: String(100 * 1_048_576),
    RECOMPUTE_QUEUE_URL: 'http://127.0.0.1:9/000000000000/recompute.fifo',
    FROM_ADDRESS: 'alerts@upstream.example.gov.uk',
    API_URL: 'https://api.upstream.example.gov.uk',
    AWS_REGION: 'eu-west-2',
    AWS_ACCESS_KEY_ID: 'test',
    AWS_SECRET_ACCESS_KEY: 'test',
    AWS_MAX_ATTEMPTS: '1',
    AWS_ENDPOINT_URL_DYNAMODB: 'http://127.0.0.1:9',
    AWS_ENDPOINT_URL_S3: 'http://127.0.0.1:9',
    AWS_ENDPOINT_URL_SQS: 'http://127.0.0.1:9',
    POWERTOOLS_LOG_LEVEL: 'CRITICAL',
  });
  for (const name of [
    'submissions-api',
    'intelligence-api',
    'risk-api',
    'indicators-api',
    'directory-api',
    'feeds-api',
    'machine-clients-api',
  ])
    handlers[name] = (
      (await import(`../../../functions/${name}/handler.ts`)) as { handler: Handler }
    ).handler;
});

function event(
  routeKey: string,
  groups: string,
  pathParameters: Record<string, string>,
  body?: string,
): ApiEvent {
  const [method, path] = routeKey.split(' ');
  return {
    version: '2.0',
    routeKey,
    rawPath: path!,
    rawQueryString: '',
    headers: { 'content-type': 'application/json' },
    requestContext: {
      accountId: '123456789012',
      apiId: 'api',
      authorizer: { jwt: { claims: { sub: 'someone', 'cognito:groups': groups }, scopes: [] } },
      domainName: 'api.example',
      domainPrefix: 'api',
      http: { method: method!, path: path!, protocol: 'HTTP/1.1', sourceIp: '127.0.0.1', userAgent: 'test' },
      requestId: 'r',
      routeKey,
      stage: '$default',
      time: '23/Nov/2026:10:20:00 +0000',
      timeEpoch: 0,
    },
    pathParameters,
    isBase64Encoded: false,
    ...(body === undefined ? {} : { body }),
  } as ApiEvent;
}

const BAD_IDS = ['%ZZ', 'x'.repeat(3000), 'a\u0000b', '../../etc/passwd', ' ', '[]'];
const ROUTES: [string, string, string, string][] = [
  ['machine-clients-api', 'GET /machine-clients/{la}', 'la', 'admin'],
  ['machine-clients-api', 'POST /machine-clients/{la}', 'la', 'admin'],
  ['machine-clients-api', 'DELETE /machine-clients/{la}', 'la', 'admin'],
  ['submissions-api', 'GET /submissions/{submissionId}', 'submissionId', 'council:886'],
  ['submissions-api', 'GET /submissions/{submissionId}/report', 'submissionId', 'council:886'],
  ['intelligence-api', 'GET /intelligence/{itemId}', 'itemId', 'admin'],
  ['intelligence-api', 'PATCH /intelligence/{itemId}', 'itemId', 'admin'],
  ['intelligence-api', 'POST /intelligence/{itemId}/withdraw', 'itemId', 'admin'],
  ['risk-api', 'GET /risk/councils/{la}', 'la', 'admin'],
  ['risk-api', 'PUT /risk/councils/{la}/override', 'la', 'admin'],
  ['risk-api', 'DELETE /risk/councils/{la}/override', 'la', 'admin'],
  ['indicators-api', 'GET /indicators/councils/{la}', 'la', 'admin'],
  ['indicators-api', 'GET /indicators/regions/{region}', 'region', 'admin'],
  ['indicators-api', 'GET /indicators/{code}', 'code', 'admin'],
  ['directory-api', 'GET /directory/advisers/{adviserId}', 'adviserId', 'admin'],
  ['directory-api', 'PUT /directory/advisers/{adviserId}', 'adviserId', 'admin'],
  ['directory-api', 'POST /directory/advisers/{adviserId}/deactivate', 'adviserId', 'admin'],
  ['feeds-api', 'DELETE /subscriptions/{subscriptionId}', 'subscriptionId', 'admin'],
];

const answer = async (name: string, request: ApiEvent) => {
  const result = (await handlers[name]!(request, context)) as Exclude<ApiResult, string>;
  return { status: result.statusCode!, message: String(JSON.parse(result.body ?? '{}').message ?? '') };
};

describe('malformed addresses', () => {
  for (const [name, routeKey, parameter, groups] of ROUTES)
    it(`${routeKey} answers 400 or 404 with a clear message`, async () => {
      for (const id of BAD_IDS) {
        const { status, message } = await answer(name, event(routeKey, groups, { [parameter]: id }, '{}'));
        expect([400, 404], `${routeKey} with ${JSON.stringify(id.slice(0, 20))}`).toContain(status);
        expect(message.length).toBeGreaterThan(15);
        expect(message).not.toContain(id.length > 100 ? id : '\u0000');
      }
    });
});

describe('malformed bodies', () => {
  const BODY_ROUTES: [string, string, Record<string, string>, string][] = [
    ['submissions-api', 'POST /submissions', {}, 'council:886'],
    ['intelligence-api', 'POST /intelligence', {}, 'adviser:south-east'],
    ['risk-api', 'PUT /risk/councils/{la}/override', { la: '886' }, 'adviser:south-east'],
    ['directory-api', 'PUT /directory/advisers/{adviserId}', { adviserId: 'south-east-principal' }, 'admin'],
    ['feeds-api', 'POST /subscriptions', {}, 'dfe'],
  ];
  for (const [name, routeKey, parameters, groups] of BODY_ROUTES)
    it(`${routeKey} refuses bodies that are not what it asks for with a 400 in plain words`, async () => {
      for (const body of ['{', '[]', '"text"', '42', 'null', '{"a":', '\u0000']) {
        const { status, message } = await answer(name, event(routeKey, groups, parameters, body));
        expect(status, `${routeKey} with ${body}`).toBe(400);
        expect(message).not.toMatch(/expected|received|Invalid input|undefined|SyntaxError|JSON at position/);
      }
    });
});
