// CLI: `upstream login` against a deployed stack: Cognito managed login with the authorization-code flow and
// PKCE, the code coming back to a one-shot server on this machine's loopback (RFC 8252). The local cloud's
// authorization server answers the same requests, so the same path runs on both. Tokens are refreshed here
// when they are about to expire.
import http from 'node:http';
import { COMMAND_LINE_CALLBACK_PORT, COMMAND_LINE_CALLBACK_URL } from '../config/command-line-sign-in.ts';
import { AuthClient, AuthError, idTokenClaims, randomToken, type Tokens } from '../web/auth.ts';
import { CliError, type Session } from './service.ts';

export interface SignInOptions {
  /** The authorization server's base URL: the stack's SignInUrl output. */
  readonly authUrl: string;
  /** The stack's CommandLineClientId output. */
  readonly clientId: string;
  /** The stack's ApiUrl output. */
  readonly api: string;
  /** Told the address to open in a browser. */
  readonly tell: (line: string) => void;
  /** How long to wait for the browser. Default five minutes. */
  readonly timeoutMs?: number;
  readonly now?: () => number;
}

function authClient(authUrl: string, clientId: string): AuthClient {
  return new AuthClient({
    baseUrl: authUrl,
    clientId,
    redirectUri: COMMAND_LINE_CALLBACK_URL,
    signedOutUri: COMMAND_LINE_CALLBACK_URL,
  });
}

function sessionFrom(
  tokens: Tokens,
  options: { authUrl: string; clientId: string; api: string },
  now: number,
) {
  const claims = idTokenClaims(tokens.idToken);
  return {
    api: options.api,
    token: tokens.idToken,
    username: claims.username,
    authUrl: options.authUrl,
    clientId: options.clientId,
    expiresAt: Math.min(claims.exp || Number.POSITIVE_INFINITY, Math.floor(now / 1000) + tokens.expiresIn),
    ...(tokens.refreshToken ? { refreshToken: tokens.refreshToken } : {}),
  } satisfies Session;
}

const PAGE = (title: string, text: string) =>
  `<!DOCTYPE html><html lang="en"><head><meta charset="utf-8"><title>${title}</title></head><body><main><h1>${title}</h1><p>${text}</p></main></body></html>`;

/** Waits on the loopback for the browser to come back with ?code&state; refuses anything else. */
function awaitCode(state: string, timeoutMs: number): { ready: Promise<void>; code: Promise<string> } {
  let settle: { resolve: (code: string) => void; reject: (error: Error) => void };
  const code = new Promise<string>((resolve, reject) => {
    settle = { resolve, reject };
  });
  const server = http.createServer((request, response) => {
    const url = new URL(request.url ?? '/', COMMAND_LINE_CALLBACK_URL);
    if (url.pathname !== '/callback') {
      response.writeHead(404).end();
      return;
    }
    const error = url.searchParams.get('error');
    const returnedCode = url.searchParams.get('code');
    const html = (status: number, title: string, text: string) => {
      response.writeHead(status, { 'content-type': 'text/html; charset=utf-8', 'cache-control': 'no-store' });
      response.end(PAGE(title, text));
    };
    if (url.searchParams.get('state') !== state) {
      html(400, 'Sign-in refused', 'This sign-in was not started by this command. Run upstream login again.');
      return;
    }
    if (error || !returnedCode) {
      html(400, 'Sign-in did not finish', 'You can close this tab and run upstream login again.');
      settle.reject(new CliError(`The sign-in service said: ${error ?? 'no code was returned'}.`));
      return;
    }
    html(200, 'Signed in to Upstream', 'You can close this tab and go back to the terminal.');
    settle.resolve(returnedCode);
  });
  const timer = setTimeout(
    () =>
      settle.reject(new CliError('No sign-in came back within the time allowed. Run upstream login again.')),
    timeoutMs,
  );
  const ready = new Promise<void>((resolve, reject) => {
    server.once('error', (error: NodeJS.ErrnoException) =>
      reject(
        new CliError(
          error.code === 'EADDRINUSE'
            ? `Port ${COMMAND_LINE_CALLBACK_PORT} on this machine is in use, and sign-in must come back to it. Close what uses it (another upstream login?) and try again.`
            : `Could not wait for the sign-in on port ${COMMAND_LINE_CALLBACK_PORT}: ${error.message}`,
        ),
      ),
    );
    // localhost as Cognito requires; only this machine can reach it.
    server.listen(COMMAND_LINE_CALLBACK_PORT, '127.0.0.1', () => resolve());
  });
  const finish = () => {
    clearTimeout(timer);
    server.closeAllConnections();
    server.close();
  };
  code.then(finish, finish);
  ready.catch(finish);
  return { ready, code };
}

export async function signIn(options: SignInOptions): Promise<Session> {
  const now = options.now ?? Date.now;
  const client = authClient(options.authUrl, options.clientId);
  const state = randomToken();
  const verifier = randomToken(48);
  const waiting = awaitCode(state, options.timeoutMs ?? 5 * 60_000);
  await waiting.ready;
  options.tell(
    `Open this address in your browser and sign in (waiting up to five minutes):\n\n  ${client.authorizeUrl(state, verifier)}\n`,
  );
  const code = await waiting.code;
  try {
    return sessionFrom(await client.exchangeCode(code, verifier), options, now());
  } catch (error) {
    if (error instanceof AuthError) throw new CliError(`${error.message}. Run upstream login again.`);
    throw error;
  }
}

/** The session, refreshed first when its token expires within a minute and it can be (a managed-login session). */
export async function freshSession(
  session: Session,
  save: (session: Session) => void,
  now = Date.now(),
): Promise<Session> {
  const expiring = session.expiresAt !== undefined && session.expiresAt - 60 <= now / 1000;
  if (!expiring) return session;
  if (!session.refreshToken || !session.authUrl || !session.clientId) {
    throw new CliError('Your sign-in has expired. Run `upstream login` again.');
  }
  try {
    const tokens = await authClient(session.authUrl, session.clientId).refresh(session.refreshToken);
    const refreshed: Session = {
      ...sessionFrom(tokens, { authUrl: session.authUrl, clientId: session.clientId, api: session.api }, now),
      refreshToken: tokens.refreshToken ?? session.refreshToken,
    };
    save(refreshed);
    return refreshed;
  } catch (error) {
    if (error instanceof AuthError)
      throw new CliError('Your sign-in has expired. Run `upstream login` again.');
    throw error;
  }
}

/** Revokes a managed-login session's refresh token: true when revoked, false when refused, undefined when none. */
export async function revokeSession(session: Session): Promise<boolean | undefined> {
  if (!session.refreshToken || !session.authUrl || !session.clientId) return undefined;
  return authClient(session.authUrl, session.clientId)
    .revoke(session.refreshToken)
    .catch(() => false);
}
