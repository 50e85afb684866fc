// Local cloud: stands in for Cognito managed login. The authorization-code flow with PKCE, as the web app
// uses it in AWS: /oauth2/authorize (here: pick a demo user), /oauth2/token (code and refresh grants),
// /oauth2/revoke and /logout. Codes are single-use and short-lived; the verifier must match the challenge.
import { createHash, randomBytes } from 'node:crypto';
import type http from 'node:http';
import type { DemoUser, LocalIssuer } from './issuer.ts';

export interface AuthorizationServerDeps {
  readonly issuer: LocalIssuer;
  readonly users: readonly DemoUser[];
  /** The only address codes may be sent back to: the local web app's callback. */
  readonly redirectUri: () => string;
  /** Where /logout may send the browser afterwards. */
  readonly signedOutUri: () => string;
  readonly now?: () => number;
}

interface IssuedCode {
  readonly clientId: string;
  readonly redirectUri: string;
  readonly challenge: string;
  readonly username: string;
  readonly expiresAt: number;
}

const CODE_SECONDS = 300;
const ID_TOKEN_SECONDS = 3600;

const escapeHtml = (value: string) => value.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

async function readForm(request: http.IncomingMessage): Promise<URLSearchParams> {
  let body = '';
  for await (const chunk of request) {
    body += chunk;
    if (body.length > 20_000) break;
  }
  return new URLSearchParams(body);
}

export function authorizationServer(deps: AuthorizationServerDeps) {
  const now = deps.now ?? (() => Math.floor(Date.now() / 1000));
  const codes = new Map<string, IssuedCode>();
  const refreshTokens = new Map<string, { username: string; clientId: string }>();
  const clients = () => deps.issuer.pool.clientIds;
  // The web app's callback is at the local address (its template has the deployed one); any other client's
  // codes go only where its template registers, exactly as Cognito checks them (the CLI's localhost port).
  const registered = (clientId: string, uri: string) =>
    uri === deps.redirectUri() || (deps.issuer.pool.callbackUrls?.[clientId] ?? []).includes(uri);

  const json = (response: http.ServerResponse, status: number, body: unknown) => {
    response.writeHead(status, { 'content-type': 'application/json', 'cache-control': 'no-store' });
    response.end(JSON.stringify(body));
    return true;
  };
  const page = (response: http.ServerResponse, status: number, title: string, body: string) => {
    response.writeHead(status, { 'content-type': 'text/html; charset=utf-8', 'cache-control': 'no-store' });
    response.end(`<!DOCTYPE html><html lang="en"><head><meta charset="utf-8"><title>${escapeHtml(title)}</title>
<meta name="viewport" content="width=device-width, initial-scale=1"></head>
<body><main><h1>${escapeHtml(title)}</h1>${body}</main></body></html>`);
    return true;
  };

  /** What is wrong with an authorization request, in words, or undefined when it may go ahead. */
  function refusal(params: URLSearchParams): string | undefined {
    if (params.get('response_type') !== 'code') return 'Only the authorization-code flow is offered.';
    if (!clients().includes(params.get('client_id') ?? '')) return 'Unknown client.';
    if (!registered(params.get('client_id') ?? '', params.get('redirect_uri') ?? '')) {
      return 'That redirect address is not registered.';
    }
    if (params.get('code_challenge_method') !== 'S256' || !params.get('code_challenge')) {
      return 'A PKCE code challenge (S256) is required.';
    }
    if (!params.get('state')) return 'A state is required.';
    return undefined;
  }

  async function tokens(username: string, clientId: string, withRefresh: boolean) {
    const user = deps.users.find((candidate) => candidate.username === username)!;
    const idToken = await deps.issuer.tokenFor(user, now(), clientId);
    const refreshToken = withRefresh ? randomBytes(32).toString('base64url') : undefined;
    if (refreshToken) refreshTokens.set(refreshToken, { username, clientId });
    return {
      id_token: idToken,
      access_token: idToken,
      token_type: 'Bearer',
      expires_in: ID_TOKEN_SECONDS,
      ...(refreshToken ? { refresh_token: refreshToken } : {}),
    };
  }

  return async (request: http.IncomingMessage, response: http.ServerResponse): Promise<boolean> => {
    const url = new URL(request.url ?? '/', 'http://127.0.0.1');
    const method = request.method ?? 'GET';

    if (url.pathname === '/oauth2/authorize' && method === 'GET') {
      const problem = refusal(url.searchParams);
      if (problem) return page(response, 400, 'Sign-in refused', `<p>${escapeHtml(problem)}</p>`);
      const hidden = [...url.searchParams]
        .map(
          ([name, value]) => `<input type="hidden" name="${escapeHtml(name)}" value="${escapeHtml(value)}">`,
        )
        .join('');
      const choices = deps.users
        .map(
          (
            user,
            index,
          ) => `<div><input type="radio" id="user-${index}" name="username" value="${escapeHtml(user.username)}"${index === 0 ? ' checked' : ''}>
<label for="user-${index}">${escapeHtml(user.description)} (${escapeHtml(user.groups.join(', '))})</label></div>`,
        )
        .join('');
      return page(
        response,
        200,
        'Sign in to Upstream (local)',
        `<p>On this machine, sign in as one of the demo users. In AWS this is Cognito managed login.</p>
<form method="post" action="/oauth2/authorize">${hidden}<fieldset><legend>Demo user</legend>${choices}</fieldset>
<p><button type="submit">Sign in</button></p></form>`,
      );
    }
    if (url.pathname === '/oauth2/authorize' && method === 'POST') {
      const form = await readForm(request);
      const problem = refusal(form);
      const user = deps.users.find((candidate) => candidate.username === form.get('username'));
      if (problem || !user)
        return page(response, 400, 'Sign-in refused', `<p>${escapeHtml(problem ?? 'Unknown user.')}</p>`);
      const code = randomBytes(24).toString('base64url');
      codes.set(code, {
        clientId: form.get('client_id')!,
        redirectUri: form.get('redirect_uri')!,
        challenge: form.get('code_challenge')!,
        username: user.username,
        expiresAt: now() + CODE_SECONDS,
      });
      const back = new URL(form.get('redirect_uri')!);
      back.searchParams.set('code', code);
      back.searchParams.set('state', form.get('state')!);
      response.writeHead(302, { location: back.toString(), 'cache-control': 'no-store' });
      response.end();
      return true;
    }
    if (url.pathname === '/oauth2/token' && method === 'POST') {
      const form = await readForm(request);
      const clientId = form.get('client_id') ?? '';
      if (!clients().includes(clientId)) return json(response, 400, { error: 'invalid_client' });
      if (form.get('grant_type') === 'authorization_code') {
        const code = form.get('code') ?? '';
        const issued = codes.get(code);
        codes.delete(code);
        const verifier = form.get('code_verifier') ?? '';
        const challenge = createHash('sha256').update(verifier).digest('base64url');
        if (
          !issued ||
          issued.expiresAt <= now() ||
          issued.clientId !== clientId ||
          issued.redirectUri !== form.get('redirect_uri') ||
          issued.challenge !== challenge
        ) {
          return json(response, 400, { error: 'invalid_grant' });
        }
        return json(response, 200, await tokens(issued.username, clientId, true));
      }
      if (form.get('grant_type') === 'refresh_token') {
        const held = refreshTokens.get(form.get('refresh_token') ?? '');
        if (!held || held.clientId !== clientId) return json(response, 400, { error: 'invalid_grant' });
        return json(response, 200, await tokens(held.username, clientId, false));
      }
      return json(response, 400, { error: 'unsupported_grant_type' });
    }
    if (url.pathname === '/oauth2/revoke' && method === 'POST') {
      const form = await readForm(request);
      const held = refreshTokens.get(form.get('token') ?? '');
      if (held && held.clientId === form.get('client_id')) refreshTokens.delete(form.get('token')!);
      response.writeHead(200);
      response.end();
      return true;
    }
    if (url.pathname === '/logout' && method === 'GET') {
      if (url.searchParams.get('logout_uri') !== deps.signedOutUri()) {
        return page(response, 400, 'Sign-out refused', '<p>That sign-out address is not registered.</p>');
      }
      response.writeHead(302, { location: deps.signedOutUri(), 'cache-control': 'no-store' });
      response.end();
      return true;
    }
    return false;
  };
}

/** Whether a refresh token is still live (for tests of sign-out). */
export type AuthorizationServer = ReturnType<typeof authorizationServer>;
