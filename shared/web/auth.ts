// Web app: sign-in with the authorization-code flow and PKCE against an OAuth 2.0 authorization server
// (Cognito managed login in AWS, the local issuer on this machine), and the token endpoint calls.
import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';

export const randomToken = (bytes = 32): string => randomBytes(bytes).toString('base64url');

/** S256: the challenge sent with the authorization request is the hash of the verifier kept back. */
export const codeChallenge = (verifier: string): string =>
  createHash('sha256').update(verifier).digest('base64url');

export function sameToken(a: string | undefined, b: string | undefined): boolean {
  if (!a || !b) return false;
  const left = Buffer.from(a);
  const right = Buffer.from(b);
  return left.length === right.length && timingSafeEqual(left, right);
}

export interface AuthServerConfig {
  /** The authorization server's base URL (the Cognito domain, or the local console). */
  readonly baseUrl: string;
  readonly clientId: string;
  /** Where the server sends the browser back with a code. */
  readonly redirectUri: string;
  /** Where the server's logout sends the browser afterwards. */
  readonly signedOutUri: string;
}

export interface Tokens {
  readonly idToken: string;
  readonly refreshToken?: string;
  readonly expiresIn: number;
}

export class AuthError extends Error {
  override readonly name = 'AuthError';
}

/** The claims the app reads from an ID token it got straight from the token endpoint over TLS. */
export function idTokenClaims(idToken: string): {
  username: string;
  groups: string[];
  exp: number;
} {
  const [, payload] = idToken.split('.');
  if (!payload) throw new AuthError('The ID token is not a JWT.');
  const claims = JSON.parse(Buffer.from(payload, 'base64url').toString('utf8')) as Record<string, unknown>;
  const groups = claims['cognito:groups'];
  return {
    username: String(claims['cognito:username'] ?? claims.email ?? claims.sub ?? ''),
    groups: Array.isArray(groups) ? groups.map(String) : [],
    exp: Number(claims.exp ?? 0),
  };
}

export class AuthClient {
  constructor(
    readonly config: AuthServerConfig,
    private readonly fetcher: typeof fetch = fetch,
  ) {}

  authorizeUrl(state: string, verifier: string): string {
    const url = new URL('/oauth2/authorize', this.config.baseUrl);
    url.search = new URLSearchParams({
      response_type: 'code',
      client_id: this.config.clientId,
      redirect_uri: this.config.redirectUri,
      scope: 'openid email',
      state,
      code_challenge: codeChallenge(verifier),
      code_challenge_method: 'S256',
    }).toString();
    return url.toString();
  }

  logoutUrl(): string {
    const url = new URL('/logout', this.config.baseUrl);
    url.search = new URLSearchParams({
      client_id: this.config.clientId,
      logout_uri: this.config.signedOutUri,
    }).toString();
    return url.toString();
  }

  exchangeCode(code: string, verifier: string): Promise<Tokens> {
    return this.token({
      grant_type: 'authorization_code',
      client_id: this.config.clientId,
      code,
      redirect_uri: this.config.redirectUri,
      code_verifier: verifier,
    });
  }

  refresh(refreshToken: string): Promise<Tokens> {
    return this.token({
      grant_type: 'refresh_token',
      client_id: this.config.clientId,
      refresh_token: refreshToken,
    });
  }

  /** Revokes the refresh token (and the tokens issued from it); a failure is reported, not thrown. */
  async revoke(refreshToken: string): Promise<boolean> {
    const response = await this.fetcher(new URL('/oauth2/revoke', this.config.baseUrl), {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams({ token: refreshToken, client_id: this.config.clientId }),
    });
    return response.ok;
  }

  private async token(form: Record<string, string>): Promise<Tokens> {
    const response = await this.fetcher(new URL('/oauth2/token', this.config.baseUrl), {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams(form),
    });
    const body = (await response.json().catch(() => ({}))) as Record<string, unknown>;
    if (!response.ok || typeof body.id_token !== 'string') {
      throw new AuthError(`The sign-in service refused: ${String(body.error ?? response.status)}`);
    }
    return {
      idToken: body.id_token,
      ...(typeof body.refresh_token === 'string' ? { refreshToken: body.refresh_token } : {}),
      expiresIn: Number(body.expires_in ?? 3600),
    };
  }
}
