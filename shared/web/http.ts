// Web app: the request and response it works with, independent of API Gateway's event shape.

export interface WebRequest {
  readonly method: string;
  readonly path: string;
  readonly query: URLSearchParams;
  readonly headers: Readonly<Record<string, string>>;
  readonly cookies: Readonly<Record<string, string>>;
  /** The body as text (form posts are URL-encoded text). */
  readonly body: string;
  /** The body's bytes, for multipart uploads (files may be binary). */
  readonly rawBody?: Buffer;
}

export interface WebResponse {
  readonly status: number;
  readonly headers: Record<string, string>;
  readonly cookies?: readonly string[];
  readonly body: string;
  /** The body is base64 (binary downloads). */
  readonly base64?: boolean;
}

/** Parses "a=1; b=2" (and API Gateway's cookies array, joined) into a map; the first of a name wins. */
export function parseCookies(headers: readonly string[]): Record<string, string> {
  const cookies: Record<string, string> = {};
  for (const header of headers) {
    for (const part of header.split(';')) {
      const index = part.indexOf('=');
      if (index <= 0) continue;
      const name = part.slice(0, index).trim();
      if (!(name in cookies)) cookies[name] = decodeURIComponent(part.slice(index + 1).trim());
    }
  }
  return cookies;
}

export interface CookieOptions {
  readonly secure: boolean;
  /** Seconds; 0 deletes the cookie. Omitted: a browser-session cookie. */
  readonly maxAge?: number;
}

/** Always HttpOnly and SameSite=Lax; Secure everywhere but plain-HTTP loopback. */
export function cookie(name: string, value: string, options: CookieOptions): string {
  return [
    `${name}=${encodeURIComponent(value)}`,
    'Path=/',
    'HttpOnly',
    'SameSite=Lax',
    ...(options.secure ? ['Secure'] : []),
    ...(options.maxAge !== undefined ? [`Max-Age=${options.maxAge}`] : []),
  ].join('; ');
}

export const redirect = (location: string, cookies: readonly string[] = []): WebResponse => ({
  status: 303,
  headers: { location, 'cache-control': 'no-store' },
  cookies,
  body: '',
});
