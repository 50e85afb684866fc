// Local cloud: a front in front of each emulator that does what AWS does before a request reaches the
// service: it checks the SigV4 signature (header or presigned, with expiry), refuses anonymous requests,
// evaluates the caller's IAM statements from the template, and for S3 object writes enforces the 5 GB
// single-PUT limit, the checksums the request declares and conditional writes (If-None-Match, If-Match),
// and answers browsers' CORS preflights from the buckets' CORS rules.
// What passes is forwarded unchanged to the emulator; what does not gets the service's own error.
import { createHash } from 'node:crypto';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import type { RequestFacts, RequiredPermission } from './aws-requests.ts';
import { assertPortFree } from './emulators.ts';
import { type Decision, denialMessage, evaluate, type PolicyStatement } from './iam-policy.ts';
import { corsResponseHeaders, preflight, type S3CorsRule } from './s3-cors.ts';
import { parseRawQuery, type SignatureVerdict, verifySignature } from './sigv4.ts';

/** Who may call: the local cloud itself (no statements: everything allowed, like an administrator) or a function. */
export interface Principal {
  readonly arn: string;
  readonly secretAccessKey: string;
  readonly statements?: readonly PolicyStatement[];
}

export type Protocol = 's3' | 'json' | 'ses';

export interface Classified {
  /** How the service words its errors: S3's XML, the JSON protocol's __type, or SES v2's REST JSON. */
  readonly protocol: Protocol;
  readonly permissions: readonly RequiredPermission[];
}

export interface FrontOptions {
  readonly name: string;
  readonly upstream: string;
  readonly principals: ReadonlyMap<string, Principal>;
  /** What the request needs from IAM, or 'not-aws' for an emulator's own pages (let through). */
  readonly classify: (facts: RequestFacts) => Classified | 'not-aws';
  readonly log: (line: string) => void;
  readonly now?: () => Date;
  /** A bucket's CORS rules (path-style: the first segment of the path); S3 fronts only. */
  readonly bucketCors?: (bucket: string) => readonly S3CorsRule[];
}

export interface RunningFront {
  readonly endpoint: string;
  stop(): Promise<void>;
}

/** S3's limit for one PUT; larger objects need a multipart upload. */
export const S3_MAX_SINGLE_PUT_BYTES = 5 * 1024 ** 3;

interface Refusal {
  readonly status: number;
  readonly code: string;
  readonly message: string;
}

const header = (headers: http.IncomingHttpHeaders, name: string) => {
  const value = headers[name];
  return Array.isArray(value) ? value.join(',') : value;
};

const optional = <K extends string>(key: K, value: string | undefined) =>
  (value === undefined ? {} : { [key]: value }) as Partial<Record<K, string>>;

const xmlEscape = (text: string) =>
  text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

function sendRefusal(
  response: http.ServerResponse,
  protocol: Protocol,
  refusal: Refusal,
  resource: string,
): void {
  const requestId = createHash('sha256')
    .update(`${Date.now()}${Math.random()}`)
    .digest('hex')
    .slice(0, 16)
    .toUpperCase();
  if (protocol === 's3') {
    response.writeHead(refusal.status, { 'content-type': 'application/xml', 'x-amz-request-id': requestId });
    response.end(
      `<?xml version="1.0" encoding="UTF-8"?>\n<Error><Code>${refusal.code}</Code><Message>${xmlEscape(refusal.message)}</Message><Resource>${xmlEscape(resource)}</Resource><RequestId>${requestId}</RequestId></Error>`,
    );
  } else if (protocol === 'ses') {
    response.writeHead(refusal.status, {
      'content-type': 'application/json',
      'x-amzn-errortype': refusal.code,
      'x-amzn-requestid': requestId,
    });
    response.end(JSON.stringify({ message: refusal.message }));
  } else {
    response.writeHead(refusal.status, {
      'content-type': 'application/x-amz-json-1.0',
      'x-amzn-requestid': requestId,
      // SQS's JSON protocol names the legacy error code here as well.
      'x-amzn-query-error': `${refusal.code.replace(/Exception$/, '')};Sender`,
    });
    response.end(
      JSON.stringify({ __type: `com.amazon.coral.service#${refusal.code}`, message: refusal.message }),
    );
  }
}

/** How each service words a failed signature check. */
function signatureRefusal(protocol: Protocol, verdict: Exclude<SignatureVerdict, { ok: true }>): Refusal {
  if (verdict.anonymous) {
    return protocol === 's3'
      ? { status: 403, code: 'AccessDenied', message: 'Access Denied' }
      : {
          status: protocol === 'ses' ? 403 : 400,
          code: 'MissingAuthenticationTokenException',
          message: 'Request is missing Authentication Token',
        };
  }
  if (protocol === 's3') {
    const status =
      verdict.code === 'XAmzContentSHA256Mismatch' || verdict.code === 'AuthorizationQueryParametersError'
        ? 400
        : 403;
    return { status, code: verdict.code, message: verdict.message };
  }
  const code =
    verdict.code === 'InvalidAccessKeyId'
      ? 'UnrecognizedClientException'
      : verdict.code === 'AccessDenied'
        ? 'AccessDeniedException'
        : 'InvalidSignatureException';
  return { status: protocol === 'ses' ? 403 : 400, code, message: verdict.message };
}

function decideAll(principal: Principal, permissions: readonly RequiredPermission[]) {
  if (!principal.statements) return undefined;
  for (const permission of permissions) {
    const decisions: Decision[] = permission.resources.map((resource) =>
      evaluate(principal.statements!, {
        action: permission.action,
        resource,
        ...(permission.context ? { context: permission.context } : {}),
      }),
    );
    const allowed = decisions.includes('allow') && !decisions.includes('explicit-deny');
    if (!allowed) {
      const decision = decisions.includes('explicit-deny') ? 'explicit-deny' : 'implicit-deny';
      return {
        permission,
        message: denialMessage(
          principal.arn,
          { action: permission.action, resource: permission.resources[0]! },
          decision,
        ),
      };
    }
  }
  return undefined;
}

/** Decodes an aws-chunked body (chunk sizes in hex, optional chunk signatures, trailers at the end). */
export function decodeAwsChunked(body: Buffer): Buffer {
  const parts: Buffer[] = [];
  let offset = 0;
  while (offset < body.length) {
    const lineEnd = body.indexOf('\r\n', offset);
    if (lineEnd < 0) break;
    const size = Number.parseInt(body.subarray(offset, lineEnd).toString('ascii').split(';')[0]!, 16);
    if (!size) break;
    parts.push(body.subarray(lineEnd + 2, lineEnd + 2 + size));
    offset = lineEnd + 2 + size + 2;
  }
  return Buffer.concat(parts);
}

/** S3's own checks on a PUT of an object's bytes: declared checksums against the bytes received. */
export function objectBodyRefusal(headers: http.IncomingHttpHeaders, body: Buffer): Refusal | undefined {
  const chunked = (header(headers, 'content-encoding') ?? '').includes('aws-chunked');
  const bytes = chunked ? decodeAwsChunked(body) : body;
  const declaredSha256 = header(headers, 'x-amz-checksum-sha256');
  if (declaredSha256 && createHash('sha256').update(bytes).digest('base64') !== declaredSha256)
    return {
      status: 400,
      code: 'BadDigest',
      message: 'The SHA256 you specified did not match the calculated checksum.',
    };
  const declaredMd5 = header(headers, 'content-md5');
  if (declaredMd5 && createHash('md5').update(bytes).digest('base64') !== declaredMd5)
    return {
      status: 400,
      code: 'BadDigest',
      message: 'The Content-MD5 you specified did not match what we received.',
    };
  return undefined;
}

export async function startFront(port: number, options: FrontOptions): Promise<RunningFront> {
  await assertPortFree(port, options.name);
  const upstream = new URL(options.upstream);
  let stopping = false;
  const now = options.now ?? (() => new Date());
  // Conditional writes to one key are decided one at a time, as S3 does.
  const keyLocks = new Map<string, Promise<unknown>>();
  const withKeyLock = async <T>(key: string, work: () => Promise<T>): Promise<T> => {
    const previous = keyLocks.get(key) ?? Promise.resolve();
    const current = previous.catch(() => {}).then(work);
    keyLocks.set(key, current);
    try {
      return await current;
    } finally {
      if (keyLocks.get(key) === current) keyLocks.delete(key);
    }
  };

  const forward = (request: http.IncomingMessage, body: Buffer, response: http.ServerResponse) =>
    new Promise<void>((resolve) => {
      const outgoing = http.request(
        {
          host: upstream.hostname,
          port: upstream.port,
          method: request.method,
          path: request.url,
          headers: { ...request.headers, 'content-length': String(body.length) },
        },
        (answer) => {
          // Hop-by-hop headers describe the emulator's connection, not this one (a keep-alive longer than
          // this server's would have clients reuse sockets it has closed).
          const { connection: _connection, 'keep-alive': _keepAlive, ...headers } = answer.headers;
          response.writeHead(answer.statusCode ?? 502, headers);
          answer.pipe(response);
          answer.on('end', resolve);
          answer.on('error', () => resolve());
        },
      );
      outgoing.on('error', (error) => {
        // Long polls cut short by stopping the local cloud are not worth a line.
        if (!stopping) options.log(`${options.name}: forwarding failed: ${error.message}`);
        if (!response.headersSent) response.writeHead(502);
        response.end();
        resolve();
      });
      outgoing.end(body);
    });

  const headObject = (path: string) =>
    new Promise<{ status: number; etag?: string }>((resolve, reject) => {
      const probe = http.request(
        { host: upstream.hostname, port: upstream.port, method: 'HEAD', path },
        (answer) => {
          answer.resume();
          resolve({
            status: answer.statusCode ?? 500,
            ...(answer.headers.etag ? { etag: answer.headers.etag } : {}),
          });
        },
      );
      probe.on('error', reject);
      probe.end();
    });

  const server = http.createServer(async (request, response) => {
    const [rawPath = '/', rawQuery = ''] = (request.url ?? '/').split(/\?(.*)/s, 2);
    const method = (request.method ?? 'GET').toUpperCase();
    let protocol: Protocol = 's3';
    const refuse = (refusal: Refusal, resource: string) => {
      options.log(
        `${options.name}: ${method} ${rawPath} → ${refusal.status} ${refusal.code}: ${refusal.message}`,
      );
      sendRefusal(response, protocol, refusal, resource);
    };
    try {
      if (options.bucketCors) {
        const rules = options.bucketCors(decodeURIComponent(rawPath.split('/')[1] ?? ''));
        const origin = header(request.headers, 'origin');
        // A preflight carries no signature: S3 answers it from the bucket's CORS rules alone.
        if (method === 'OPTIONS') {
          request.resume();
          const answer = preflight(rules, {
            ...(origin ? { origin } : {}),
            ...optional('method', header(request.headers, 'access-control-request-method')),
            ...optional('headers', header(request.headers, 'access-control-request-headers')),
          });
          if (answer.refusal) return refuse({ status: answer.status, ...answer.refusal }, rawPath);
          response.writeHead(answer.status, answer.headers);
          return response.end();
        }
        for (const [name, value] of Object.entries(corsResponseHeaders(rules, origin, method)))
          response.setHeader(name, value);
      }
      const declaredLength = Number(header(request.headers, 'content-length') ?? 0);
      const isObjectPut =
        method === 'PUT' &&
        /^\/[^/]+\/.+/.test(rawPath) &&
        !/(^|&)(partNumber|uploadId|tagging|acl)=/.test(rawQuery);
      if (isObjectPut && declaredLength > S3_MAX_SINGLE_PUT_BYTES) {
        request.resume();
        return refuse(
          {
            status: 400,
            code: 'EntityTooLarge',
            message: 'Your proposed upload exceeds the maximum allowed size',
          },
          rawPath,
        );
      }
      const chunks: Buffer[] = [];
      for await (const chunk of request) chunks.push(chunk as Buffer);
      const body = Buffer.concat(chunks);
      const facts: RequestFacts = { method, rawPath, rawQuery, headers: request.headers, body };
      const classified = options.classify(facts);
      if (classified === 'not-aws') return await forward(request, body, response);
      protocol = classified.protocol;
      const chunked = (header(request.headers, 'content-encoding') ?? '').includes('aws-chunked');
      const verdict = verifySignature(
        { method, rawPath, rawQuery, headers: request.headers },
        (id) => options.principals.get(id)?.secretAccessKey,
        {
          now: now(),
          ...(chunked ? {} : { bodyHash: createHash('sha256').update(body).digest('hex') }),
        },
      );
      if (!verdict.ok) return refuse(signatureRefusal(protocol, verdict), rawPath);
      const principal = options.principals.get(verdict.accessKeyId)!;
      const denied = decideAll(principal, classified.permissions);
      if (denied) {
        return refuse(
          protocol === 's3'
            ? { status: 403, code: 'AccessDenied', message: denied.message }
            : {
                status: protocol === 'ses' ? 403 : 400,
                code: 'AccessDeniedException',
                message: denied.message,
              },
          denied.permission.resources[0]!,
        );
      }
      if (protocol === 's3' && isObjectPut && !header(request.headers, 'x-amz-copy-source')) {
        // A presigned address may carry x-amz-* values in its query instead of headers; S3 reads them alike.
        const hoisted = Object.fromEntries(
          parseRawQuery(rawQuery)
            .filter(([name]) => /^x-amz-checksum-/i.test(name))
            .map(([name, value]) => [name.toLowerCase(), value]),
        );
        const bodyRefusal = objectBodyRefusal({ ...hoisted, ...request.headers }, body);
        if (bodyRefusal) return refuse(bodyRefusal, rawPath);
        const ifNoneMatch = header(request.headers, 'if-none-match');
        const ifMatch = header(request.headers, 'if-match');
        if (ifNoneMatch !== undefined || ifMatch !== undefined) {
          return await withKeyLock(rawPath, async () => {
            const existing = await headObject(rawPath);
            const exists = existing.status === 200;
            const failed =
              (ifNoneMatch === '*' && exists) ||
              (ifMatch !== undefined && (!exists || (ifMatch !== '*' && ifMatch !== existing.etag)));
            if (failed)
              return refuse(
                {
                  status: 412,
                  code: 'PreconditionFailed',
                  message: 'At least one of the pre-conditions you specified did not hold',
                },
                rawPath,
              );
            return forward(request, body, response);
          });
        }
      }
      await forward(request, body, response);
    } catch (error) {
      options.log(`${options.name}: ${method} ${rawPath} failed: ${(error as Error).message}`);
      if (!response.headersSent)
        refuse(
          {
            status: 500,
            code: 'InternalError',
            message: 'We encountered an internal error. Please try again.',
          },
          rawPath,
        );
    }
  });
  server.requestTimeout = 0;
  // Longer than a test's pauses: a client in the same process may hold an idle socket while it computes.
  server.keepAliveTimeout = 120_000;
  await new Promise<void>((resolve) => server.listen(port, '127.0.0.1', resolve));
  const address = server.address() as AddressInfo;
  return {
    endpoint: `http://127.0.0.1:${address.port}`,
    stop: () =>
      new Promise((resolve) => {
        stopping = true;
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
