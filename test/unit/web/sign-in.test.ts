// The web app's sign-in and session rules, with an in-memory session store and a scripted authorization
// server: PKCE, state bound to the browser, CSRF on every post, expiry, refresh and sign-out.
import { describe, expect, it } from 'vitest';
import { InMemoryWebSessionStore } from '../../../shared/adapters/dynamo-web-session-store.ts';
import { createWebApp, SESSION_COOKIE, SIGN_IN_COOKIE, safeReturnTo } from '../../../shared/web/app.ts';
import { codeChallenge } from '../../../shared/web/auth.ts';
import { parseCookies, type WebRequest } from '../../../shared/web/http.ts';
import { createRenderer, templateSearchPaths } from '../../../shared/web/render.ts';

const APP = 'https://upstream.example.gov.uk';
const AUTH = 'https://login.example.com';
const render = createRenderer(templateSearchPaths());

function idToken(exp: number, groups = ['council:886']): string {
  const part = (value: unknown) => Buffer.from(JSON.stringify(value)).toString('base64url');
  return `${part({ alg: 'none' })}.${part({ 'cognito:username': 'kent', 'cognito:groups': groups, exp })}.sig`;
}

/** An authorization server and API that record what they were asked. */
function world(start = 1_000_000) {
  let clock = start;
  const calls: { url: string; form?: URLSearchParams; authorization?: string }[] = [];
  const challenges = new Map<string, string>();
  const revoked: string[] = [];
  const fetcher = (async (input: string | URL, init?: RequestInit) => {
    const url = String(input);
    const form = typeof init?.body === 'object' ? (init.body as URLSearchParams) : undefined;
    const authorization = (init?.headers as Record<string, string> | undefined)?.authorization;
    calls.push({ url, ...(form ? { form } : {}), ...(authorization ? { authorization } : {}) });
    if (url === `${AUTH}/oauth2/token`) {
      if (form?.get('grant_type') === 'authorization_code') {
        const ok = challenges.get(form.get('code')!) === codeChallenge(form.get('code_verifier') ?? '');
        return ok
          ? Response.json({ id_token: idToken(clock + 3600), refresh_token: 'refresh-1', expires_in: 3600 })
          : Response.json({ error: 'invalid_grant' }, { status: 400 });
      }
      if (form?.get('refresh_token') === 'refresh-1' && !revoked.includes('refresh-1')) {
        return Response.json({ id_token: idToken(clock + 3600), expires_in: 3600 });
      }
      return Response.json({ error: 'invalid_grant' }, { status: 400 });
    }
    if (url === `${AUTH}/oauth2/revoke`) {
      revoked.push(form!.get('token')!);
      return new Response('');
    }
    if (url.startsWith('https://api.example.com/submissions')) return Response.json({ councils: [] });
    if (url.startsWith('https://api.example.com/intelligence'))
      return Response.json({ id: 'x' }, { status: 201 });
    return Response.json({ message: 'Not found' }, { status: 404 });
  }) as typeof fetch;
  const sessions = new InMemoryWebSessionStore();
  const app = createWebApp({
    appUrl: APP,
    apiUrl: 'https://api.example.com',
    auth: { baseUrl: AUTH, clientId: 'web-client' },
    sessions,
    render,
    fetcher,
    now: () => clock,
  });
  const request = (path: string, init: Partial<WebRequest> & { query?: URLSearchParams } = {}) =>
    app.handle({
      method: 'GET',
      path,
      query: new URLSearchParams(),
      headers: {},
      cookies: {},
      body: '',
      ...init,
    });

  /** The whole flow, as a browser would: returns the session cookie and CSRF token. */
  async function signIn(returnTo = '/') {
    const started = await request('/sign-in', { query: new URLSearchParams({ returnTo }) });
    const authorize = new URL(started.headers.location!);
    const state = authorize.searchParams.get('state')!;
    challenges.set('code-1', authorize.searchParams.get('code_challenge')!);
    const cookies = parseCookies(started.cookies ?? []);
    const back = await request('/auth/callback', {
      query: new URLSearchParams({ code: 'code-1', state }),
      cookies: { [SIGN_IN_COOKIE]: cookies[SIGN_IN_COOKIE]! },
    });
    const session = parseCookies((back.cookies ?? []).filter((c) => c.startsWith(SESSION_COOKIE)))[
      SESSION_COOKIE
    ]!;
    return { started, authorize, back, session, csrf: [...sessions.sessions.values()][0]?.csrfToken };
  }
  return { request, signIn, calls, revoked, sessions, tick: (seconds: number) => (clock += seconds) };
}

describe('web sign-in', () => {
  it('sends an S256 challenge and state, keeps the verifier server-side, and returns to the page asked for', async () => {
    const { signIn, calls } = world();
    const { authorize, back, session, started } = await signIn('/returns/SUB-1');
    expect(authorize.origin + authorize.pathname).toBe(`${AUTH}/oauth2/authorize`);
    expect(authorize.searchParams.get('code_challenge_method')).toBe('S256');
    expect(authorize.searchParams.get('redirect_uri')).toBe(`${APP}/auth/callback`);
    expect(authorize.searchParams.has('code_verifier')).toBe(false);
    expect(started.cookies?.[0]).toMatch(/HttpOnly; SameSite=Lax; Secure/);
    const exchange = calls.find((call) => call.url.endsWith('/oauth2/token'))!;
    expect(codeChallenge(exchange.form!.get('code_verifier')!)).toBe(
      authorize.searchParams.get('code_challenge'),
    );
    expect(back.status).toBe(303);
    expect(back.headers.location).toBe('/returns/SUB-1');
    expect(back.cookies?.find((c) => c.startsWith(SESSION_COOKIE))).toMatch(
      /HttpOnly; SameSite=Lax; Secure; Max-Age=43200/,
    );
    expect(session).not.toContain('.');
  });

  it('refuses a callback whose state this browser was not given, and a state used twice', async () => {
    const { request, signIn } = world();
    const refused = await request('/auth/callback', {
      query: new URLSearchParams({ code: 'code-1', state: 'forged' }),
      cookies: { [SIGN_IN_COOKIE]: 'another' },
    });
    expect(refused.status).toBe(400);
    const { authorize, started } = await signIn();
    const again = await request('/auth/callback', {
      query: new URLSearchParams({ code: 'code-1', state: authorize.searchParams.get('state')! }),
      cookies: parseCookies(started.cookies ?? []),
    });
    expect(again.status).toBe(400);
    expect(again.body).toMatch(/already used/);
  });

  it('refuses a post without the session’s CSRF token and accepts it with the token', async () => {
    const { request, signIn } = world();
    const { session, csrf } = await signIn();
    const cookies = { [SESSION_COOKIE]: session };
    const body = new URLSearchParams({ category: 'positive-assurance' });
    const forged = await request('/councils/886/intelligence', {
      method: 'POST',
      cookies,
      body: body.toString(),
    });
    expect(forged.status).toBe(403);
    body.set('_csrf', csrf!);
    const genuine = await request('/councils/886/intelligence', {
      method: 'POST',
      cookies,
      body: body.toString(),
    });
    expect(genuine.status).toBe(303);
  });

  it('refreshes the ID token before it expires, and ends the session after twelve hours', async () => {
    const { request, signIn, tick, calls } = world();
    const { session } = await signIn();
    const cookies = { [SESSION_COOKIE]: session };
    tick(3600);
    expect((await request('/', { cookies })).status).toBe(200);
    expect(calls.filter((call) => call.form?.get('grant_type') === 'refresh_token')).toHaveLength(1);
    tick(12 * 3600);
    const expired = await request('/returns/SUB-1', { cookies });
    expect(expired.status).toBe(303);
    expect(expired.headers.location).toBe('/sign-in?returnTo=%2Freturns%2FSUB-1');
  });

  it('signs out: the record is gone, the refresh token revoked and the browser sent to the logout page', async () => {
    const { request, signIn, revoked, sessions } = world();
    const { session, csrf } = await signIn();
    const out = await request('/sign-out', {
      method: 'POST',
      cookies: { [SESSION_COOKIE]: session },
      body: new URLSearchParams({ _csrf: csrf! }).toString(),
    });
    expect(out.headers.location).toBe(
      `${AUTH}/logout?client_id=web-client&logout_uri=${encodeURIComponent(`${APP}/signed-out`)}`,
    );
    expect(revoked).toEqual(['refresh-1']);
    expect(sessions.sessions.size).toBe(0);
    expect((await request('/returns/SUB-1', { cookies: { [SESSION_COOKIE]: session } })).status).toBe(303);
  });

  it.each([
    ['/councils/886', '/councils/886'],
    ['//evil.example', '/'],
    ['/\\evil.example', '/'],
    ['https://evil.example', '/'],
    ['', '/'],
  ])('returns only to its own pages: %j → %j', (given, expected) => {
    expect(safeReturnTo(given)).toBe(expected);
  });
});
