// Local cloud: checks AWS Signature Version 4 on requests to the emulators, as the services do: by header
// (Authorization) or presigned in the query (X-Amz-Signature, with X-Amz-Expires), over the signed headers.
import { createHash, createHmac, timingSafeEqual } from 'node:crypto';

export interface IncomingSignedRequest {
  readonly method: string;
  /** The path exactly as received, still percent-encoded, without the query. */
  readonly rawPath: string;
  /** The query exactly as received, without the leading "?". */
  readonly rawQuery: string;
  readonly headers: Readonly<Record<string, string | string[] | undefined>>;
}

export type SignatureVerdict =
  | {
      readonly ok: true;
      readonly accessKeyId: string;
      readonly presigned: boolean;
      readonly payloadHash: string;
    }
  | { readonly ok: false; readonly anonymous: true }
  | {
      readonly ok: false;
      readonly anonymous: false;
      /** AWS's error code, e.g. SignatureDoesNotMatch. */
      readonly code:
        | 'SignatureDoesNotMatch'
        | 'InvalidAccessKeyId'
        | 'AccessDenied'
        | 'RequestTimeTooSkewed'
        | 'AuthorizationQueryParametersError'
        | 'XAmzContentSHA256Mismatch';
      readonly message: string;
    };

const ALGORITHM = 'AWS4-HMAC-SHA256';
/** S3's and the other services' tolerance for a header-signed request's clock. */
const MAX_SKEW_MS = 15 * 60 * 1000;
/** The longest validity SigV4 allows a presigned address (7 days). */
const MAX_EXPIRES_SECONDS = 604_800;

/** RFC 3986 encoding, as SigV4 wants it: everything but unreserved characters. */
export function uriEncode(value: string): string {
  return encodeURIComponent(value).replace(
    /[!'()*]/g,
    (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`,
  );
}

/** Query pairs as sent; "+" is a literal plus in SigV4, not a space. */
export function parseRawQuery(rawQuery: string): [string, string][] {
  if (!rawQuery) return [];
  return rawQuery
    .split('&')
    .filter(Boolean)
    .map((pair) => {
      const at = pair.indexOf('=');
      const decode = (text: string) => {
        try {
          return decodeURIComponent(text);
        } catch {
          return text;
        }
      };
      return at < 0 ? [decode(pair), ''] : [decode(pair.slice(0, at)), decode(pair.slice(at + 1))];
    });
}

const header = (headers: IncomingSignedRequest['headers'], name: string): string | undefined => {
  const value = headers[name];
  return Array.isArray(value) ? value.join(',') : value;
};

const sha256Hex = (text: string) => createHash('sha256').update(text, 'utf8').digest('hex');
const hmac = (key: Buffer | string, text: string) => createHmac('sha256', key).update(text, 'utf8').digest();

function signingKey(secret: string, date: string, region: string, service: string): Buffer {
  return hmac(hmac(hmac(hmac(`AWS4${secret}`, date), region), service), 'aws4_request');
}

/** The canonical request of SigV4, from what was received. S3 signs its path as sent; others encode it again. */
function canonicalRequest(input: {
  request: IncomingSignedRequest;
  service: string;
  signedHeaders: readonly string[];
  payloadHash: string;
  excludeQuery?: string;
}): string {
  const { request, service } = input;
  const path =
    service === 's3'
      ? request.rawPath || '/'
      : (request.rawPath || '/')
          .split('/')
          .map((segment) => uriEncode(segment))
          .join('/');
  const query = parseRawQuery(request.rawQuery)
    .filter(([name]) => name !== input.excludeQuery)
    .map(([name, value]) => [uriEncode(name), uriEncode(value)] as const)
    .sort(([a, av], [b, bv]) => (a < b ? -1 : a > b ? 1 : av < bv ? -1 : av > bv ? 1 : 0))
    .map(([name, value]) => `${name}=${value}`)
    .join('&');
  const headers = input.signedHeaders
    .map((name) => `${name}:${(header(request.headers, name) ?? '').trim().replace(/\s+/g, ' ')}\n`)
    .join('');
  return [request.method, path, query, headers, input.signedHeaders.join(';'), input.payloadHash].join('\n');
}

interface Parsed {
  accessKeyId: string;
  date: string;
  region: string;
  service: string;
  signedHeaders: string[];
  signature: string;
  amzDate: string;
  presigned: boolean;
  expiresSeconds?: number;
}

function parseAuthorization(request: IncomingSignedRequest): Parsed | 'anonymous' | string {
  const authorization = header(request.headers, 'authorization');
  const query = new Map(parseRawQuery(request.rawQuery));
  if (authorization) {
    const match =
      /^AWS4-HMAC-SHA256\s+Credential=([^,\s]+),\s*SignedHeaders=([^,\s]+),\s*Signature=([0-9a-f]+)$/.exec(
        authorization.trim(),
      );
    if (!match) return 'The authorization header is malformed.';
    const [accessKeyId, date, region, service, terminator] = match[1]!.split('/');
    if (terminator !== 'aws4_request' || !accessKeyId || !date || !region || !service)
      return 'The credential scope is malformed.';
    const amzDate = header(request.headers, 'x-amz-date') ?? '';
    return {
      accessKeyId,
      date,
      region,
      service,
      signedHeaders: match[2]!.split(';'),
      signature: match[3]!,
      amzDate,
      presigned: false,
    };
  }
  if (query.has('X-Amz-Signature') || query.has('X-Amz-Credential')) {
    if (query.get('X-Amz-Algorithm') !== ALGORITHM)
      return 'X-Amz-Algorithm only supports "AWS4-HMAC-SHA256".';
    const [accessKeyId, date, region, service, terminator] = (query.get('X-Amz-Credential') ?? '').split('/');
    if (terminator !== 'aws4_request' || !accessKeyId || !date || !region || !service)
      return 'The credential scope is malformed.';
    const expires = Number(query.get('X-Amz-Expires'));
    if (!Number.isInteger(expires) || expires < 1 || expires > MAX_EXPIRES_SECONDS)
      return 'X-Amz-Expires must be a whole number of seconds from 1 to 604800.';
    return {
      accessKeyId,
      date,
      region,
      service,
      signedHeaders: (query.get('X-Amz-SignedHeaders') ?? '').split(';').filter(Boolean),
      signature: query.get('X-Amz-Signature') ?? '',
      amzDate: query.get('X-Amz-Date') ?? '',
      presigned: true,
      expiresSeconds: expires,
    };
  }
  return 'anonymous';
}

const amzDateToTime = (amzDate: string) => {
  const match = /^(\d{4})(\d{2})(\d{2})T(\d{2})(\d{2})(\d{2})Z$/.exec(amzDate);
  return match
    ? Date.UTC(+match[1]!, +match[2]! - 1, +match[3]!, +match[4]!, +match[5]!, +match[6]!)
    : Number.NaN;
};

/**
 * Verifies a request's signature. `bodyHash` is the SHA-256 (hex) of the body as received, used when the
 * request does not name its payload hash in x-amz-content-sha256 (every service but S3).
 */
export function verifySignature(
  request: IncomingSignedRequest,
  secretFor: (accessKeyId: string) => string | undefined,
  options: { now: Date; bodyHash?: string },
): SignatureVerdict {
  const parsed = parseAuthorization(request);
  if (parsed === 'anonymous') return { ok: false, anonymous: true };
  if (typeof parsed === 'string')
    return { ok: false, anonymous: false, code: 'AuthorizationQueryParametersError', message: parsed };
  const secret = secretFor(parsed.accessKeyId);
  if (secret === undefined)
    return {
      ok: false,
      anonymous: false,
      code: 'InvalidAccessKeyId',
      message: 'The AWS Access Key Id you provided does not exist in our records.',
    };
  const signedAt = amzDateToTime(parsed.amzDate);
  if (Number.isNaN(signedAt) || !parsed.amzDate.startsWith(parsed.date))
    return {
      ok: false,
      anonymous: false,
      code: 'AccessDenied',
      message: 'The request date is missing or malformed.',
    };
  const now = options.now.getTime();
  if (parsed.presigned) {
    if (now > signedAt + parsed.expiresSeconds! * 1000)
      return { ok: false, anonymous: false, code: 'AccessDenied', message: 'Request has expired' };
    if (signedAt > now + MAX_SKEW_MS)
      return { ok: false, anonymous: false, code: 'AccessDenied', message: 'Request is not valid yet' };
  } else if (Math.abs(now - signedAt) > MAX_SKEW_MS) {
    return {
      ok: false,
      anonymous: false,
      code: 'RequestTimeTooSkewed',
      message: 'The difference between the request time and the current time is too large.',
    };
  }
  if (!parsed.signedHeaders.includes('host'))
    return { ok: false, anonymous: false, code: 'AccessDenied', message: 'The host header must be signed.' };
  const payloadHash = parsed.presigned
    ? (new Map(parseRawQuery(request.rawQuery)).get('X-Amz-Content-Sha256') ?? 'UNSIGNED-PAYLOAD')
    : (header(request.headers, 'x-amz-content-sha256') ?? options.bodyHash ?? sha256Hex(''));
  // A signed payload hash binds the body: a body that hashes otherwise is not the body that was signed.
  if (
    /^[0-9a-f]{64}$/.test(payloadHash) &&
    options.bodyHash !== undefined &&
    options.bodyHash !== payloadHash
  ) {
    return {
      ok: false,
      anonymous: false,
      code: 'XAmzContentSHA256Mismatch',
      message: "The provided 'x-amz-content-sha256' header does not match what was computed.",
    };
  }
  const canonical = canonicalRequest({
    request,
    service: parsed.service,
    signedHeaders: parsed.signedHeaders,
    payloadHash,
    ...(parsed.presigned ? { excludeQuery: 'X-Amz-Signature' } : {}),
  });
  const scope = `${parsed.date}/${parsed.region}/${parsed.service}/aws4_request`;
  const stringToSign = [ALGORITHM, parsed.amzDate, scope, sha256Hex(canonical)].join('\n');
  const expected = hmac(signingKey(secret, parsed.date, parsed.region, parsed.service), stringToSign);
  const given = Buffer.from(parsed.signature, 'hex');
  if (given.length !== expected.length || !timingSafeEqual(given, expected)) {
    return {
      ok: false,
      anonymous: false,
      code: 'SignatureDoesNotMatch',
      message:
        'The request signature we calculated does not match the signature you provided. Check your key and signing method.',
    };
  }
  return { ok: true, accessKeyId: parsed.accessKeyId, presigned: parsed.presigned, payloadHash };
}
