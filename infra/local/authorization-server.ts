// Local cloud: stands in for Cognito managed login. The authorization-code flow with PKCE, as the web app
// uses it in AWS: /oauth2/authorize (here: pick a demo user), /oauth2/token (code and refresh grants),
// /oauth2/revoke and /logout. Codes are single-use and short-lived; the verifier must match the challenge.
// It also plays the user pool's API for confidential app clients (CreateUserPoolClient, DeleteUserPoolClient),
// and their client-credentials grant at /oauth2/token, running the pool's token trigger as Cognito does.
import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';
import type http from 'node:http';
import type { InvocationResult } from './functions.ts';
import type { DemoUser, LocalIssuer } from './issuer.ts';

export interface AuthorizationServerDeps {
  readonly issuer: LocalIssuer;
  readonly users: readonly DemoUser[];
  /** The only address codes may be sent back to: the local web app's callback. */
  readonly redirectUri: () => string;
  /** Where /logout may send the browser afterwards. */
  readonly signedOutUri: () => string;
  /** Runs the pool's pre-token-generation trigger function, when the template gives it one. */
  readonly invokeTrigger?: (functionName: string, event: unknown) => Promise<InvocationResult>;
  readonly now?: () => number;
}

/** An app client created through the pool's API: confidential, client-credentials only. */
interface MachineAppClient {
  readonly clientId: string;
  readonly clientSecret: string;
  readonly name: string;
  readonly scopes: readonly string[];
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
  const appClients = new Map<string, MachineAppClient>();
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

  /** The user pool API's answers, in its JSON protocol and with its error names. */
  async function userPoolApi(action: string, request: http.IncomingMessage, response: http.ServerResponse) {
    let body = '';
    for await (const chunk of request) body += chunk;
    const input = JSON.parse(body || '{}') as Record<string, unknown>;
    const answer = (status: number, payload: unknown) => {
      response.writeHead(status, { 'content-type': 'application/x-amz-json-1.1' });
      response.end(JSON.stringify(payload));
      return true;
    };
    const fault = (type: string, message: string) => answer(400, { __type: type, message });
    if (input.UserPoolId !== deps.issuer.pool.poolId) {
      return fault('ResourceNotFoundException', `User pool ${String(input.UserPoolId)} does not exist.`);
    }
    if (action === 'CreateUserPoolClient') {
      const scopes = (input.AllowedOAuthScopes as string[] | undefined) ?? [];
      const unknown = scopes.filter((scope) => !(deps.issuer.pool.scopes ?? []).includes(scope));
      if (unknown.length > 0)
        return fault('ScopeDoesNotExistException', `Invalid scope requested: ${unknown.join(', ')}`);
      const flows = (input.AllowedOAuthFlows as string[] | undefined) ?? [];
      if (input.GenerateSecret !== true || flows.join() !== 'client_credentials') {
        return fault(
          'InvalidParameterException',
          'Locally, only confidential clients with the client_credentials flow can be created.',
        );
      }
      const client: MachineAppClient = {
        clientId: randomBytes(13).toString('hex').slice(0, 26),
        clientSecret: randomBytes(39).toString('base64url').toLowerCase().slice(0, 51),
        name: String(input.ClientName ?? ''),
        scopes,
      };
      appClients.set(client.clientId, client);
      return answer(200, {
        UserPoolClient: {
          UserPoolId: deps.issuer.pool.poolId,
          ClientId: client.clientId,
          ClientSecret: client.clientSecret,
          ClientName: client.name,
          AllowedOAuthFlows: flows,
          AllowedOAuthScopes: scopes,
          AllowedOAuthFlowsUserPoolClient: true,
        },
      });
    }
    if (action === 'DeleteUserPoolClient') {
      if (!appClients.delete(String(input.ClientId))) {
        return fault('ResourceNotFoundException', `Client ${String(input.ClientId)} does not exist.`);
      }
      return answer(200, {});
    }
    return fault('UnsupportedOperation', `${action} is not played by the local user pool.`);
  }

  /** The client from HTTP Basic credentials (as Cognito prefers) or client_id and client_secret in the form. */
  function authenticatedClient(form: URLSearchParams, authorization: string | undefined) {
    let id = form.get('client_id') ?? '';
    let secret = form.get('client_secret') ?? '';
    const basic = /^Basic\s+(.+)$/i.exec(authorization ?? '');
    if (basic) {
      const decoded = Buffer.from(basic[1]!, 'base64').toString('utf8');
      const colon = decoded.indexOf(':');
      id = decodeURIComponent(decoded.slice(0, colon));
      secret = decodeURIComponent(decoded.slice(colon + 1));
    }
    const client = appClients.get(id);
    const matches =
      client !== undefined &&
      secret.length === client.clientSecret.length &&
      timingSafeEqual(Buffer.from(secret), Buffer.from(client.clientSecret));
    return matches ? client : undefined;
  }

  async function clientCredentials(
    form: URLSearchParams,
    authorization: string | undefined,
    response: http.ServerResponse,
  ) {
    const client = authenticatedClient(form, authorization);
    if (!client) return json(response, 400, { error: 'invalid_client' });
    const asked = (form.get('scope') ?? '').split(' ').filter(Boolean);
    if (asked.some((scope) => !client.scopes.includes(scope)))
      return json(response, 400, { error: 'invalid_scope' });
    const scopes = asked.length > 0 ? asked : client.scopes;
    let claims: Record<string, string> = {};
    const trigger = deps.issuer.pool.preTokenGeneration;
    // Cognito sends machine clients' token requests to the trigger from event version 3 on.
    if (trigger && trigger.version === 'V3_0' && deps.invokeTrigger) {
      const outcome = await deps.invokeTrigger(trigger.functionName, {
        version: '3',
        triggerSource: 'TokenGeneration_ClientCredentials',
        region: 'eu-west-2',
        userPoolId: deps.issuer.pool.poolId,
        userName: null,
        callerContext: { awsSdkVersion: 'local', clientId: client.clientId },
        request: { userAttributes: {}, groupConfiguration: {}, scopes },
        response: { claimsAndScopeOverrideDetails: null },
      });
      // Cognito answers a failed trigger with invalid_request and the function's message.
      if (!outcome.ok)
        return json(response, 400, {
          error: 'invalid_request',
          error_description: outcome.error.errorMessage,
        });
      const result = outcome.result as {
        response?: {
          claimsAndScopeOverrideDetails?: {
            accessTokenGeneration?: { claimsToAddOrOverride?: Record<string, string> };
          };
        };
      };
      claims =
        result.response?.claimsAndScopeOverrideDetails?.accessTokenGeneration?.claimsToAddOrOverride ?? {};
    }
    const token = await deps.issuer.clientCredentialsToken(client.clientId, scopes, claims, now());
    return json(response, 200, { access_token: token, token_type: 'Bearer', expires_in: ID_TOKEN_SECONDS });
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
    const target = String(request.headers['x-amz-target'] ?? '');
    if (method === 'POST' && target.startsWith('AWSCognitoIdentityProviderService.')) {
      return userPoolApi(target.slice('AWSCognitoIdentityProviderService.'.length), request, response);
    }
    if (url.pathname === '/oauth2/token' && method === 'POST') {
      const form = await readForm(request);
      if (form.get('grant_type') === 'client_credentials') {
        return clientCredentials(form, request.headers.authorization, response);
      }
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
