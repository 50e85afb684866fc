// Local cloud: the HTTP API. Matches the template's routes, authorises with the JWT authoriser's rules,
// turns requests into API Gateway v2 (payload 2.0) events and maps the function's result back.
import { randomUUID } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import type { APIGatewayProxyEventV2, APIGatewayProxyStructuredResultV2 } from 'aws-lambda';
import { assertPortFree } from './emulators.ts';
import type { InvocationResult } from './functions.ts';
import { flattenClaims, type LocalIssuer, verifyForAuthorizer } from './issuer.ts';
import { LOCAL_ACCOUNT, type LocalApi, type LocalRoute } from './model.ts';
import { ASSET_CONTENT_TYPES } from './static-files.ts';

export interface RouteMatch {
  readonly route: LocalRoute;
  readonly pathParameters: Record<string, string>;
}

const specificity = (routeKey: string) => {
  if (routeKey === '$default') return [-1, 0];
  const [, routePath = ''] = routeKey.split(' ');
  const segments = routePath.split('/').filter(Boolean);
  const literal = segments.filter((segment) => !segment.startsWith('{')).length;
  const greedy = segments.some((segment) => segment.endsWith('+}')) ? 0 : 1;
  const method = routeKey.startsWith('ANY ') ? 0 : 1;
  return [greedy * 1000 + literal * 10 + method, segments.length];
};

/** A path segment decoded; one with a malformed escape (%ZZ) stays as it is, for the handler to refuse. */
function decodeSegment(segment: string): string {
  try {
    return decodeURIComponent(segment);
  } catch {
    return segment;
  }
}

/** Picks the most specific matching route, as API Gateway does (literal beats parameter beats greedy). */
export function matchRoute(
  routes: readonly LocalRoute[],
  method: string,
  pathname: string,
): RouteMatch | undefined {
  const requestSegments = pathname.split('/').filter(Boolean).map(decodeSegment);
  const candidates: RouteMatch[] = [];
  for (const route of routes) {
    if (route.routeKey === '$default') {
      candidates.push({ route, pathParameters: {} });
      continue;
    }
    const [routeMethod, routePath = ''] = route.routeKey.split(' ');
    if (routeMethod !== 'ANY' && routeMethod !== method) continue;
    const segments = routePath.split('/').filter(Boolean);
    const pathParameters: Record<string, string> = {};
    let matched = true;
    for (let index = 0; index < segments.length; index += 1) {
      const segment = segments[index]!;
      const greedy = /^\{(.+)\+\}$/.exec(segment);
      if (greedy) {
        if (index >= requestSegments.length) matched = false;
        else pathParameters[greedy[1]!] = requestSegments.slice(index).join('/');
        break;
      }
      const value = requestSegments[index];
      if (value === undefined) {
        matched = false;
        break;
      }
      const parameter = /^\{(.+)\}$/.exec(segment);
      if (parameter) pathParameters[parameter[1]!] = value;
      else if (segment !== value) {
        matched = false;
        break;
      }
      if (index === segments.length - 1 && requestSegments.length !== segments.length) matched = false;
    }
    if (segments.length === 0 && requestSegments.length > 0) matched = false;
    if (matched) candidates.push({ route, pathParameters });
  }
  candidates.sort((a, b) => {
    const [sa, la] = specificity(a.route.routeKey);
    const [sb, lb] = specificity(b.route.routeKey);
    return sb! - sa! || lb! - la!;
  });
  return candidates[0];
}

const TEXT_TYPES = /^(text\/|application\/(json|xml|javascript|x-www-form-urlencoded)|.*\+(json|xml))/i;

export function buildHttpEvent(input: {
  readonly api: LocalApi;
  readonly match: RouteMatch;
  readonly method: string;
  readonly url: URL;
  readonly headers: http.IncomingHttpHeaders;
  readonly body: Buffer;
  readonly sourceIp: string;
  readonly authorizer?: { claims: Record<string, string>; scopes: string[] };
  readonly now?: Date;
}): APIGatewayProxyEventV2 {
  const now = input.now ?? new Date();
  const headers: Record<string, string> = {};
  for (const [name, value] of Object.entries(input.headers)) {
    if (value === undefined || name === 'cookie') continue;
    headers[name.toLowerCase()] = Array.isArray(value) ? value.join(',') : value;
  }
  const query: Record<string, string> = {};
  for (const [name, value] of input.url.searchParams)
    query[name] = query[name] === undefined ? value : `${query[name]},${value}`;
  const cookieHeader = input.headers.cookie;
  const cookies = cookieHeader
    ? (Array.isArray(cookieHeader) ? cookieHeader : cookieHeader.split(/;\s*/)).filter(Boolean)
    : undefined;
  const contentType = headers['content-type'] ?? '';
  const hasBody = input.body.length > 0;
  const isText = !contentType || TEXT_TYPES.test(contentType);
  const event: APIGatewayProxyEventV2 & { requestContext: { authorizer?: unknown } } = {
    version: '2.0',
    routeKey: input.match.route.routeKey,
    rawPath: input.url.pathname,
    rawQueryString: input.url.search.replace(/^\?/, ''),
    headers,
    requestContext: {
      accountId: LOCAL_ACCOUNT,
      apiId: input.api.id,
      domainName: headers.host ?? '127.0.0.1',
      domainPrefix: (headers.host ?? '127').split('.')[0]!,
      http: {
        method: input.method,
        path: input.url.pathname,
        protocol: 'HTTP/1.1',
        sourceIp: input.sourceIp,
        userAgent: headers['user-agent'] ?? '',
      },
      requestId: randomUUID(),
      routeKey: input.match.route.routeKey,
      stage: '$default',
      time: now.toUTCString(),
      timeEpoch: now.getTime(),
      ...(input.authorizer
        ? { authorizer: { jwt: { claims: input.authorizer.claims, scopes: input.authorizer.scopes } } }
        : {}),
    },
    isBase64Encoded: hasBody && !isText,
  };
  if (cookies) event.cookies = cookies;
  if (Object.keys(query).length > 0) event.queryStringParameters = query;
  if (Object.keys(input.match.pathParameters).length > 0) event.pathParameters = input.match.pathParameters;
  if (hasBody) event.body = isText ? input.body.toString('utf8') : input.body.toString('base64');
  return event;
}

/** Maps a payload 2.0 result to an HTTP response, including API Gateway's inference for plain values. */
export function toHttpResponse(outcome: InvocationResult): {
  status: number;
  headers: Record<string, string | string[]>;
  body: Buffer;
} {
  if (!outcome.ok) {
    const timedOut = outcome.error.errorType === 'Sandbox.Timedout';
    return {
      status: timedOut ? 503 : 500,
      headers: { 'content-type': 'application/json' },
      body: Buffer.from(
        JSON.stringify({ message: timedOut ? 'Service Unavailable' : 'Internal Server Error' }),
      ),
    };
  }
  const result = outcome.result as APIGatewayProxyStructuredResultV2 | string | undefined;
  if (result === undefined || result === null || typeof result !== 'object' || !('statusCode' in result)) {
    return {
      status: 200,
      headers: { 'content-type': 'application/json' },
      body: Buffer.from(typeof result === 'string' ? result : JSON.stringify(result ?? null)),
    };
  }
  const headers: Record<string, string | string[]> = {};
  for (const [name, value] of Object.entries(result.headers ?? {}))
    headers[name.toLowerCase()] = String(value);
  if (result.cookies?.length) headers['set-cookie'] = result.cookies;
  const body =
    result.body === undefined
      ? Buffer.alloc(0)
      : Buffer.from(result.body, result.isBase64Encoded ? 'base64' : 'utf8');
  return { status: result.statusCode ?? 200, headers, body };
}

function corsHeaders(api: LocalApi, origin: string | undefined): Record<string, string> {
  const cors = api.cors as
    | {
        AllowOrigins?: string[];
        AllowMethods?: string[];
        AllowHeaders?: string[];
        AllowCredentials?: boolean;
        MaxAge?: number;
        ExposeHeaders?: string[];
      }
    | undefined;
  if (!cors || !origin) return {};
  const allowed = cors.AllowOrigins ?? [];
  if (!allowed.includes('*') && !allowed.includes(origin)) return {};
  return {
    'access-control-allow-origin': allowed.includes('*') && !cors.AllowCredentials ? '*' : origin,
    ...(cors.AllowCredentials ? { 'access-control-allow-credentials': 'true' } : {}),
    ...(cors.ExposeHeaders?.length ? { 'access-control-expose-headers': cors.ExposeHeaders.join(',') } : {}),
    vary: 'origin',
  };
}

/**
 * What AWS enforces on this path: API Gateway HTTP API's 10 MB request body and 30 s integration timeout,
 * and Lambda's 6 MiB synchronous invocation payload, for the event in and for the result out.
 */
export const AWS_LIMITS = {
  requestBodyBytes: 10 * 1024 * 1024,
  lambdaPayloadBytes: 6 * 1024 * 1024,
  integrationTimeoutMs: 30_000,
} as const;

export type GatewayLimits = { readonly [K in keyof typeof AWS_LIMITS]: number };

const jsonMessage = (status: number, message: string) => ({
  status,
  headers: { 'content-type': 'application/json' } as Record<string, string | string[]>,
  body: Buffer.from(JSON.stringify({ message })),
});

/** Invokes the function as API Gateway does: event and result within Lambda's payload limit, within the timeout. */
export async function invokeWithinLimits(
  invoke: () => Promise<InvocationResult>,
  eventBytes: number,
  limits: GatewayLimits,
  log: (line: string) => void,
): Promise<{ status: number; headers: Record<string, string | string[]>; body: Buffer }> {
  if (eventBytes > limits.lambdaPayloadBytes) {
    log(`request payload of ${eventBytes} bytes is over Lambda's ${limits.lambdaPayloadBytes}`);
    return jsonMessage(413, 'Request Entity Too Large');
  }
  let timer: NodeJS.Timeout | undefined;
  const timedOut = new Promise<'timeout'>((resolve) => {
    timer = setTimeout(() => resolve('timeout'), limits.integrationTimeoutMs);
  });
  const outcome = await Promise.race([invoke(), timedOut]).finally(() => clearTimeout(timer));
  if (outcome === 'timeout') {
    log(`integration did not answer within ${limits.integrationTimeoutMs} ms`);
    return jsonMessage(503, 'Service Unavailable');
  }
  if (!outcome.ok) log(`the function failed: ${outcome.error.errorType}: ${outcome.error.errorMessage}`);
  if (outcome.ok) {
    const resultBytes = Buffer.byteLength(JSON.stringify(outcome.result ?? null));
    if (resultBytes > limits.lambdaPayloadBytes) {
      // Lambda fails the invocation (Function.ResponseSizeTooLarge); API Gateway answers 502.
      log(`response payload of ${resultBytes} bytes is over Lambda's ${limits.lambdaPayloadBytes}`);
      return jsonMessage(502, 'Internal Server Error');
    }
  }
  return toHttpResponse(outcome);
}

export interface GatewayDeps {
  readonly api: LocalApi;
  readonly routes: readonly LocalRoute[];
  readonly issuers: readonly LocalIssuer[];
  readonly invoke: (functionName: string, event: APIGatewayProxyEventV2) => Promise<InvocationResult>;
  readonly log: (line: string) => void;
  /** AWS_LIMITS unless a test needs a shorter timeout. */
  readonly limits?: GatewayLimits;
  /** A file to serve as it is for a GET of this path (the distribution's static assets), if any. */
  readonly staticFile?: (pathname: string) => string | undefined;
}

export interface RunningGateway {
  readonly url: string;
  stop(): Promise<void>;
}

export async function startGateway(port: number, deps: GatewayDeps): Promise<RunningGateway> {
  await assertPortFree(port, `HTTP API ${deps.api.name}`);
  const limits = deps.limits ?? AWS_LIMITS;
  const server = http.createServer(async (request, response) => {
    const url = new URL(request.url ?? '/', 'http://127.0.0.1');
    const method = request.method ?? 'GET';
    const send = (status: number, headers: Record<string, string | string[]>, body: Buffer | string) => {
      response.writeHead(status, { ...corsHeaders(deps.api, request.headers.origin), ...headers });
      response.end(body);
    };
    try {
      const cors = deps.api.cors as
        | { AllowMethods?: string[]; AllowHeaders?: string[]; MaxAge?: number }
        | undefined;
      if (method === 'OPTIONS' && cors && request.headers['access-control-request-method']) {
        return send(
          204,
          {
            'access-control-allow-methods': (cors.AllowMethods ?? ['*']).join(','),
            'access-control-allow-headers': (cors.AllowHeaders ?? ['*']).join(','),
            ...(cors.MaxAge !== undefined ? { 'access-control-max-age': String(cors.MaxAge) } : {}),
          },
          '',
        );
      }
      const file = method === 'GET' ? deps.staticFile?.(url.pathname) : undefined;
      if (file) {
        return send(
          200,
          {
            'content-type': ASSET_CONTENT_TYPES[path.extname(file)] ?? 'application/octet-stream',
            'cache-control': 'max-age=3600',
          },
          await readFile(file),
        );
      }
      const chunks: Buffer[] = [];
      let size = 0;
      for await (const chunk of request) {
        size += (chunk as Buffer).length;
        if (size > limits.requestBodyBytes)
          return send(
            413,
            { 'content-type': 'application/json' },
            JSON.stringify({ message: 'Request Entity Too Large' }),
          );
        chunks.push(chunk as Buffer);
      }
      const match = matchRoute(deps.routes, method, url.pathname);
      if (!match)
        return send(404, { 'content-type': 'application/json' }, JSON.stringify({ message: 'Not Found' }));
      let authorizer: { claims: Record<string, string>; scopes: string[] } | undefined;
      if (match.route.authorizer) {
        const headerName = match.route.authorizer.identitySource
          .replace(/^\$request\.header\./i, '')
          .toLowerCase();
        const verdict = await verifyForAuthorizer(
          request.headers[headerName] as string | undefined,
          match.route.authorizer,
          deps.issuers,
          match.route.scopes,
        );
        if (!verdict.ok) {
          deps.log(`${method} ${url.pathname} → 401 (${verdict.reason})`);
          return send(
            401,
            { 'content-type': 'application/json', 'www-authenticate': 'Bearer' },
            JSON.stringify({ message: 'Unauthorized' }),
          );
        }
        authorizer = { claims: flattenClaims(verdict.claims), scopes: verdict.scopes };
      }
      const event = buildHttpEvent({
        api: deps.api,
        match,
        method,
        url,
        headers: request.headers,
        body: Buffer.concat(chunks),
        sourceIp: request.socket.remoteAddress?.replace(/^::ffff:/, '') ?? '127.0.0.1',
        ...(authorizer ? { authorizer } : {}),
      });
      const mapped = await invokeWithinLimits(
        () => deps.invoke(match.route.functionName, event),
        Buffer.byteLength(JSON.stringify(event)),
        limits,
        (line) => deps.log(`${method} ${url.pathname}: ${line}`),
      );
      send(mapped.status, mapped.headers, mapped.body);
    } catch (error) {
      deps.log(`${method} ${url.pathname} failed: ${(error as Error).stack}`);
      send(500, { 'content-type': 'application/json' }, JSON.stringify({ message: 'Internal Server Error' }));
    }
  });
  // Longer than a test's pauses: a client in the same process may hold an idle socket while it computes.
  server.keepAliveTimeout = 120_000;
  await new Promise<void>((resolve) => server.listen(port, '127.0.0.1', resolve));
  const address = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${address.port}`,
    stop: () =>
      new Promise((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
