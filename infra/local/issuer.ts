// Local cloud: stands in for the Cognito user pool. It signs demo users' tokens with a local key and
// verifies bearer tokens exactly as the HTTP API's JWT authoriser does (signature, issuer, audience or
// client_id, expiry, not-before, scopes).
import { createHash, randomUUID } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import {
  createLocalJWKSet,
  exportJWK,
  generateKeyPair,
  importJWK,
  type JWK,
  type JWTPayload,
  jwtVerify,
  SignJWT,
} from 'jose';
import type { LocalAuthorizer, LocalUserPool } from './model.ts';

export interface DemoUser {
  readonly username: string;
  readonly email: string;
  readonly groups: readonly string[];
  readonly description: string;
}

/** Demo users, one per role, so every part of the product can be tried locally. */
export const DEMO_USERS: readonly DemoUser[] = [
  {
    username: 'kent-data-officer',
    email: 'data.officer@kent.example',
    groups: ['council:886'],
    description: 'Kent County Council data officer',
  },
  {
    username: 'barnet-data-officer',
    email: 'data.officer@barnet.example',
    groups: ['council:302'],
    description: 'Barnet data officer',
  },
  {
    username: 'south-east-adviser',
    email: 'adviser.se@upstream.example',
    groups: ['adviser:south-east'],
    description: 'South East regional adviser',
  },
  {
    username: 'london-adviser',
    email: 'adviser.london@upstream.example',
    groups: ['adviser:london'],
    description: 'London regional adviser',
  },
  {
    username: 'dfe-liaison',
    email: 'liaison@education.example',
    groups: ['dfe'],
    description: 'DfE liaison',
  },
  {
    username: 'administrator',
    email: 'admin@upstream.example',
    groups: ['admin'],
    description: 'national administrator',
  },
];

const TOKEN_LIFETIME_SECONDS = 3600;

type SigningKey = Awaited<ReturnType<typeof importJWK>>;

export class LocalIssuer {
  private constructor(
    private readonly privateKey: SigningKey,
    readonly publicJwk: JWK,
    readonly pool: LocalUserPool,
  ) {}

  /** Loads the signing key kept under stateDir (so tokens outlive a restart) or makes one. */
  static async create(pool: LocalUserPool, stateDir?: string): Promise<LocalIssuer> {
    const keyFile = stateDir ? path.join(stateDir, 'issuer-key.json') : undefined;
    let privateJwk: JWK;
    if (keyFile && existsSync(keyFile)) {
      privateJwk = JSON.parse(readFileSync(keyFile, 'utf8')) as JWK;
    } else {
      const { privateKey } = await generateKeyPair('RS256', { extractable: true });
      privateJwk = { ...(await exportJWK(privateKey)), alg: 'RS256', use: 'sig' };
      privateJwk.kid = createHash('sha256').update(String(privateJwk.n)).digest('base64url').slice(0, 16);
      if (keyFile) {
        mkdirSync(path.dirname(keyFile), { recursive: true });
        writeFileSync(keyFile, JSON.stringify(privateJwk), { mode: 0o600 });
      }
    }
    const { d: _d, p: _p, q: _q, dp: _dp, dq: _dq, qi: _qi, ...publicJwk } = privateJwk;
    const privateKey = await importJWK(privateJwk, 'RS256');
    return new LocalIssuer(privateKey, publicJwk, pool);
  }

  jwks(): { keys: JWK[] } {
    return { keys: [this.publicJwk] };
  }

  /** An ID token shaped like Cognito's, for a demo user, issued to the pool's first client or `clientId`. */
  async tokenFor(
    user: DemoUser,
    now = Math.floor(Date.now() / 1000),
    clientId = this.pool.clientIds[0],
  ): Promise<string> {
    if (!clientId) throw new Error(`User pool ${this.pool.id} has no app client`);
    const sub = createHash('sha256')
      .update(user.username)
      .digest('hex')
      .replace(/^(.{8})(.{4})(.{4})(.{4})(.{12}).*$/, '$1-$2-$3-$4-$5');
    return new SignJWT({
      'cognito:groups': [...user.groups],
      'cognito:username': user.username,
      email: user.email,
      email_verified: true,
      token_use: 'id',
      auth_time: now,
    })
      .setProtectedHeader({ alg: 'RS256', kid: this.publicJwk.kid!, typ: 'JWT' })
      .setSubject(sub)
      .setIssuer(this.pool.issuer)
      .setAudience(clientId)
      .setIssuedAt(now)
      .setExpirationTime(now + TOKEN_LIFETIME_SECONDS)
      .sign(this.privateKey);
  }

  /**
   * An access token shaped like Cognito's for the client-credentials grant: the client is its own subject,
   * with the granted scopes, then the claims the pool's token trigger added or overrode.
   */
  async clientCredentialsToken(
    clientId: string,
    scopes: readonly string[],
    claims: Readonly<Record<string, string>> = {},
    now = Math.floor(Date.now() / 1000),
  ): Promise<string> {
    return new SignJWT({
      client_id: clientId,
      token_use: 'access',
      scope: scopes.join(' '),
      auth_time: now,
      version: 2,
      jti: randomUUID(),
      ...claims,
    })
      .setProtectedHeader({ alg: 'RS256', kid: this.publicJwk.kid!, typ: 'JWT' })
      .setSubject(clientId)
      .setIssuer(this.pool.issuer)
      .setIssuedAt(now)
      .setExpirationTime(now + TOKEN_LIFETIME_SECONDS)
      .sign(this.privateKey);
  }
}

export type Verification = { ok: true; claims: JWTPayload; scopes: string[] } | { ok: false; reason: string };

/** Verifies a token for a route's JWT authoriser; keys come from the local issuer for that user pool. */
export async function verifyForAuthorizer(
  headerValue: string | undefined,
  authorizer: LocalAuthorizer,
  issuers: readonly LocalIssuer[],
  requiredScopes: readonly string[],
): Promise<Verification> {
  if (!headerValue) return { ok: false, reason: 'no token' };
  const token = headerValue.replace(/^Bearer\s+/i, '').trim();
  const issuer = issuers.find((candidate) => candidate.pool.issuer === authorizer.issuer);
  if (!issuer) return { ok: false, reason: `no local keys for issuer ${authorizer.issuer}` };
  try {
    const { payload } = await jwtVerify(token, createLocalJWKSet(issuer.jwks()), {
      issuer: authorizer.issuer,
      algorithms: ['RS256'],
      clockTolerance: 0,
    });
    const audiences = Array.isArray(payload.aud) ? payload.aud : payload.aud ? [payload.aud] : [];
    const clientId = typeof payload.client_id === 'string' ? payload.client_id : undefined;
    const audienceOk = authorizer.audience.some(
      (wanted) => audiences.includes(wanted) || clientId === wanted,
    );
    if (!audienceOk) return { ok: false, reason: 'audience mismatch' };
    const scopes = typeof payload.scope === 'string' ? payload.scope.split(' ').filter(Boolean) : [];
    if (requiredScopes.length > 0 && !requiredScopes.some((scope) => scopes.includes(scope))) {
      return { ok: false, reason: 'missing scope' };
    }
    return { ok: true, claims: payload, scopes };
  } catch (error) {
    return { ok: false, reason: (error as Error).message };
  }
}

/** API Gateway passes claims to the function as strings; arrays become "[a b]". */
export function flattenClaims(claims: JWTPayload): Record<string, string> {
  const flat: Record<string, string> = {};
  for (const [name, value] of Object.entries(claims)) {
    if (Array.isArray(value)) flat[name] = `[${value.join(' ')}]`;
    else if (value !== null && typeof value === 'object') flat[name] = JSON.stringify(value);
    else flat[name] = String(value);
  }
  return flat;
}
