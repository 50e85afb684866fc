// Local cloud: S3's CORS, from a bucket's CorsConfiguration in the template. A browser's preflight is
// answered or refused as S3 does (the first rule that allows the origin, the method and every requested
// header), and a request from an allowed origin gets S3's CORS headers, so a rule that would stop a
// council's browser in AWS stops it locally too.

/** One rule of AWS::S3::Bucket CorsConfiguration.CorsRules. */
export interface S3CorsRule {
  readonly AllowedMethods: readonly string[];
  readonly AllowedOrigins: readonly string[];
  readonly AllowedHeaders?: readonly string[];
  readonly ExposedHeaders?: readonly string[];
  readonly MaxAge?: number;
}

export interface CorsAnswer {
  readonly status: number;
  readonly headers: Record<string, string>;
  /** S3's error, when the preflight is refused. */
  readonly refusal?: { readonly code: string; readonly message: string };
}

/** The rules of a template's CorsConfiguration, or none. */
export function corsRulesOf(configuration: unknown): S3CorsRule[] {
  const rules = (configuration as { CorsRules?: unknown } | undefined)?.CorsRules;
  return Array.isArray(rules) ? (rules as S3CorsRule[]) : [];
}

/** S3 allows one * in an origin or header name, standing for any characters. */
const wildcard = (pattern: string, value: string, caseless: boolean) => {
  const escaped = pattern.replace(/[.+?^${}()|[\]\\]/g, '\\$&').replace(/\*/g, '.*');
  return new RegExp(`^${escaped}$`, caseless ? 'i' : '').test(value);
};

const allows = (rule: S3CorsRule, origin: string, method: string, headers: readonly string[]) =>
  rule.AllowedOrigins.some((allowed) => wildcard(allowed, origin, false)) &&
  rule.AllowedMethods.includes(method.toUpperCase()) &&
  headers.every((name) => (rule.AllowedHeaders ?? []).some((allowed) => wildcard(allowed, name, true)));

function ruleHeaders(rule: S3CorsRule, origin: string): Record<string, string> {
  const any = rule.AllowedOrigins.includes('*');
  return {
    'access-control-allow-origin': any ? '*' : origin,
    'access-control-allow-methods': rule.AllowedMethods.join(', '),
    ...(any ? {} : { 'access-control-allow-credentials': 'true' }),
    ...(rule.ExposedHeaders?.length
      ? { 'access-control-expose-headers': rule.ExposedHeaders.join(', ') }
      : {}),
    ...(rule.MaxAge !== undefined ? { 'access-control-max-age': String(rule.MaxAge) } : {}),
    vary: 'Origin, Access-Control-Request-Headers, Access-Control-Request-Method',
  };
}

/** S3's answer to an OPTIONS request on a bucket or object. */
export function preflight(
  rules: readonly S3CorsRule[],
  request: { origin?: string; method?: string; headers?: string },
): CorsAnswer {
  if (!request.origin || !request.method) {
    return {
      status: 400,
      headers: {},
      refusal: { code: 'BadRequest', message: 'Insufficient information. Origin request header needed.' },
    };
  }
  if (rules.length === 0) {
    return {
      status: 403,
      headers: {},
      refusal: { code: 'AccessForbidden', message: 'CORSResponse: CORS is not enabled for this bucket.' },
    };
  }
  const requested = (request.headers ?? '')
    .split(',')
    .map((name) => name.trim().toLowerCase())
    .filter(Boolean);
  const rule = rules.find((candidate) => allows(candidate, request.origin!, request.method!, requested));
  if (!rule) {
    return {
      status: 403,
      headers: {},
      refusal: {
        code: 'AccessForbidden',
        message:
          "CORSResponse: This CORS request is not allowed. This is usually because the evalution of Origin, request method / Access-Control-Request-Method or Access-Control-Request-Headers are not whitelisted by the resource's CORS spec.",
      },
    };
  }
  return {
    status: 200,
    headers: {
      ...ruleHeaders(rule, request.origin),
      ...(requested.length ? { 'access-control-allow-headers': requested.join(', ') } : {}),
    },
  };
}

/** The CORS headers S3 adds to a request from a browser: only for an origin and method a rule allows. */
export function corsResponseHeaders(
  rules: readonly S3CorsRule[],
  origin: string | undefined,
  method: string,
): Record<string, string> {
  if (!origin) return {};
  const rule = rules.find((candidate) => allows(candidate, origin, method, []));
  return rule ? ruleHeaders(rule, origin) : {};
}

const LOOPBACK_ORIGIN = /^http:\/\/(127\.0\.0\.1|localhost)(:\d+)?$/;

/**
 * The template names the local app by the stage's loopback origin (http://127.0.0.1:3000); the local cloud
 * serves the app on whatever port it was given, so a loopback origin stands for that one, as the app's
 * address does in the functions' environment. Every other origin stays as the template has it.
 */
export function withLocalAppOrigin(rules: readonly S3CorsRule[], appOrigin: string): S3CorsRule[] {
  return rules.map((rule) => ({
    ...rule,
    AllowedOrigins: [
      ...new Set(rule.AllowedOrigins.map((origin) => (LOOPBACK_ORIGIN.test(origin) ? appOrigin : origin))),
    ],
  }));
}
