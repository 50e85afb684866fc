// Web app: the product's pages for councils, advisers, DfE and administrators. Server-rendered with GOV.UK
// Frontend; every form works without JavaScript. Pages read and write through the HTTP API with the
// signed-in user's token, so what each role may see and do is the API's rule, not this file's.
import { createHash, randomBytes } from 'node:crypto';
import { isRegion, REGIONS } from '../domain/councils.ts';
import { type Role, rolesFromGroups } from '../domain/roles.ts';
import type { WebSession, WebSessionStore } from '../ports/web-sessions.ts';
import { directoryPage } from './admin-pages.ts';
import { ApiClient } from './api-client.ts';
import { AuthClient, type AuthServerConfig, idTokenClaims, randomToken, sameToken } from './auth.ts';
import { funnelPage } from './funnel-page.ts';
import { cookie, redirect, type WebRequest, type WebResponse } from './http.ts';
import { boundaryOf, type FormFile, parseMultipart } from './multipart.ts';
import { nationalPage, subscriptionsPage } from './national-pages.ts';
import {
  councilHome,
  councilPage,
  type IntelligenceFormState,
  type Page,
  regionPage,
  submissionPage,
} from './pages.ts';
import type { Renderer } from './render.ts';

export const SESSION_COOKIE = 'upstream-session';
export const SIGN_IN_COOKIE = 'upstream-sign-in';
/** A session ends after this, whatever its tokens say (Cognito's refresh tokens last as long). */
export const SESSION_SECONDS = 12 * 3600;
const SIGN_IN_SECONDS = 600;
/** Refresh the ID token this long before it expires, so an API call never races its expiry. */
const REFRESH_MARGIN_SECONDS = 60;

export interface WebAppDeps {
  /** The app's own address, as the browser sees it (no trailing slash). */
  readonly appUrl: string;
  /** The HTTP API's base URL. */
  readonly apiUrl: string;
  readonly auth: Omit<AuthServerConfig, 'redirectUri' | 'signedOutUri'>;
  readonly sessions: WebSessionStore;
  readonly render: Renderer;
  readonly fetcher?: typeof fetch;
  /** Epoch seconds. */
  readonly now?: () => number;
}

export interface Signed {
  readonly session: WebSession;
  readonly roles: Role[];
  readonly api: ApiClient;
}

const HTML = 'text/html; charset=utf-8';

export function createWebApp(deps: WebAppDeps) {
  const now = deps.now ?? (() => Math.floor(Date.now() / 1000));
  const secure = !/^http:\/\/(127\.0\.0\.1|localhost)(:\d+)?$/.test(deps.appUrl);
  const auth = new AuthClient(
    {
      ...deps.auth,
      redirectUri: `${deps.appUrl}/auth/callback`,
      signedOutUri: `${deps.appUrl}/signed-out`,
    },
    deps.fetcher,
  );
  const authOrigin = new URL(deps.auth.baseUrl).origin;

  function respond(
    page: Page,
    signed: Signed | undefined,
    extraCookies: readonly string[] = [],
  ): WebResponse {
    const nonce = randomBytes(16).toString('base64');
    const body = deps.render(page.template, {
      ...page.context,
      title: page.title,
      cspNonce: nonce,
      assetPath: '/assets',
      user: signed
        ? { username: signed.session.username, csrfToken: signed.session.csrfToken, roles: signed.roles }
        : undefined,
      navigation: signed ? navigationFor(signed.roles) : [],
    });
    return {
      status: page.status,
      headers: {
        'content-type': HTML,
        'cache-control': 'no-store',
        'content-security-policy': [
          "default-src 'self'",
          `script-src 'self' 'nonce-${nonce}'`,
          "style-src 'self'",
          "img-src 'self' data:",
          "connect-src 'self' https:",
          `form-action 'self' ${authOrigin}`,
          "frame-ancestors 'none'",
          "base-uri 'none'",
          "object-src 'none'",
        ].join('; '),
        'x-content-type-options': 'nosniff',
        'referrer-policy': 'same-origin',
      },
      cookies: extraCookies,
      body,
    };
  }

  const errorPage = (status: number, message: string): Page => ({
    status,
    title: status === 403 ? 'You cannot see this page' : status === 404 ? 'Page not found' : 'Sorry',
    template: 'error.njk',
    context: { message },
  });

  async function signedIn(request: WebRequest): Promise<Signed | undefined> {
    const id = request.cookies[SESSION_COOKIE];
    if (!id) return undefined;
    let session = await deps.sessions.getSession(id, now());
    if (!session) return undefined;
    if (session.idTokenExpiresAt - REFRESH_MARGIN_SECONDS <= now()) {
      if (!session.refreshToken) return undefined;
      try {
        const tokens = await auth.refresh(session.refreshToken);
        const claims = idTokenClaims(tokens.idToken);
        session = { ...session, idToken: tokens.idToken, idTokenExpiresAt: claims.exp };
        await deps.sessions.putSession(session);
      } catch {
        await deps.sessions.deleteSession(session.id);
        return undefined;
      }
    }
    return {
      session,
      roles: rolesFromGroups(session.groups),
      api: new ApiClient(deps.apiUrl, session.idToken, deps.fetcher),
    };
  }

  async function startSignIn(returnTo: string): Promise<WebResponse> {
    const state = randomToken();
    const codeVerifier = randomToken(48);
    await deps.sessions.putPendingSignIn({
      state,
      codeVerifier,
      returnTo: safeReturnTo(returnTo),
      expiresAt: now() + SIGN_IN_SECONDS,
    });
    return redirect(auth.authorizeUrl(state, codeVerifier), [
      cookie(SIGN_IN_COOKIE, state, { secure, maxAge: SIGN_IN_SECONDS }),
    ]);
  }

  async function callback(request: WebRequest): Promise<WebResponse> {
    const state = request.query.get('state') ?? '';
    const code = request.query.get('code') ?? '';
    const clearSignIn = cookie(SIGN_IN_COOKIE, '', { secure, maxAge: 0 });
    // The state must be the one this browser was given: a code sent to someone else's browser is refused.
    if (!sameToken(state, request.cookies[SIGN_IN_COOKIE])) {
      return respond(errorPage(400, 'The sign-in could not be completed. Please sign in again.'), undefined, [
        clearSignIn,
      ]);
    }
    const pending = await deps.sessions.takePendingSignIn(state, now());
    if (!pending || !code) {
      return respond(
        errorPage(400, 'The sign-in took too long or was already used. Please sign in again.'),
        undefined,
        [clearSignIn],
      );
    }
    let tokens: Awaited<ReturnType<AuthClient['exchangeCode']>>;
    try {
      tokens = await auth.exchangeCode(code, pending.codeVerifier);
    } catch (error) {
      return respond(errorPage(400, `${(error as Error).message}. Please sign in again.`), undefined, [
        clearSignIn,
      ]);
    }
    const claims = idTokenClaims(tokens.idToken);
    const session: WebSession = {
      id: randomToken(),
      idToken: tokens.idToken,
      ...(tokens.refreshToken ? { refreshToken: tokens.refreshToken } : {}),
      idTokenExpiresAt: claims.exp,
      csrfToken: randomToken(),
      username: claims.username,
      groups: claims.groups,
      expiresAt: now() + SESSION_SECONDS,
    };
    await deps.sessions.putSession(session);
    return redirect(pending.returnTo, [
      clearSignIn,
      cookie(SESSION_COOKIE, session.id, { secure, maxAge: SESSION_SECONDS }),
    ]);
  }

  async function signOut(signed: Signed): Promise<WebResponse> {
    await deps.sessions.deleteSession(signed.session.id);
    if (signed.session.refreshToken) await auth.revoke(signed.session.refreshToken).catch(() => false);
    return redirect(auth.logoutUrl(), [cookie(SESSION_COOKIE, '', { secure, maxAge: 0 })]);
  }

  async function passThrough(response: Response, filename?: string): Promise<WebResponse> {
    const type = response.headers.get('content-type') ?? 'application/octet-stream';
    const bytes = Buffer.from(await response.arrayBuffer());
    const text = /^(text\/|application\/(json|.*\+xml|xml))/.test(type);
    return {
      status: response.status,
      headers: {
        'content-type': type,
        'cache-control': 'no-store',
        ...(filename && response.ok ? { 'content-disposition': `attachment; filename="${filename}"` } : {}),
      },
      body: text ? bytes.toString('utf8') : bytes.toString('base64'),
      base64: !text,
    };
  }

  async function handle(request: WebRequest): Promise<WebResponse> {
    const { method, path } = request;
    if (method === 'GET' && path === '/sign-in') return startSignIn(request.query.get('returnTo') ?? '/');
    if (method === 'GET' && path === '/auth/callback') return callback(request);
    if (method === 'GET' && path === '/signed-out') {
      return respond(
        { status: 200, title: 'You have signed out', template: 'signed-out.njk', context: {} },
        undefined,
      );
    }

    const signed = await signedIn(request);
    if (!signed) {
      if (method === 'GET' && path === '/') {
        return respond({ status: 200, title: 'Sign in', template: 'start.njk', context: {} }, undefined, [
          cookie(SESSION_COOKIE, '', { secure, maxAge: 0 }),
        ]);
      }
      if (method === 'GET')
        return redirect(`/sign-in?returnTo=${encodeURIComponent(pathWithQuery(request))}`);
      return respond(errorPage(401, 'Your session has ended. Please sign in again.'), undefined);
    }

    if (method === 'POST') {
      const boundary = boundaryOf(request.headers['content-type']);
      const multipart = boundary
        ? parseMultipart(request.rawBody ?? Buffer.from(request.body), boundary)
        : undefined;
      const form = multipart?.fields ?? new URLSearchParams(request.body);
      // Every form carries the session's CSRF token; anything else is a forged or stale post.
      if (!sameToken(form.get('_csrf') ?? undefined, signed.session.csrfToken)) {
        return respond(
          errorPage(403, 'This form has expired. Go back, reload the page and try again.'),
          signed,
        );
      }
      if (path === '/sign-out') return signOut(signed);
      if (path === '/returns') return sendReturn(signed, form, multipart?.files ?? []);
      const override = /^\/councils\/(\d{3})\/override(\/lift)?$/.exec(path);
      if (override) return changeOverride(signed, override[1]!, form, Boolean(override[2]));
      const record = /^\/councils\/(\d{3})\/intelligence$/.exec(path);
      if (record) return recordIntelligence(signed, record[1]!, form);
      if (path === '/england/subscriptions') return subscribe(signed, form);
      const unsubscribe = /^\/england\/subscriptions\/([0-9A-Za-z-]{1,64})\/delete$/.exec(path);
      if (unsubscribe) return deleteSubscription(signed, unsubscribe[1]!);
      if (path === '/directory') return saveAdviser(signed, form);
      const deactivate = /^\/directory\/([a-z0-9-]{1,64})\/deactivate$/.exec(path);
      if (deactivate) return deactivateAdviser(signed, deactivate[1]!);
      return respond(errorPage(404, 'There is no such page.'), signed);
    }
    if (method !== 'GET') return respond(errorPage(405, 'This page cannot be changed that way.'), signed);

    const feed = /^\/england\/feeds\/(dfe\.(?:atom|json|csv))$/.exec(path);
    if (feed) return passThrough(await signed.api.request('GET', `/feeds/${feed[1]}`));
    const status = /^\/returns\/([0-9A-Za-z-]{8,64})\/status$/.exec(path);
    if (status) return submissionStatus(signed, status[1]!);
    const csv = /^\/returns\/([0-9A-Za-z-]{8,64})\/report\.csv$/.exec(path);
    if (csv) {
      return passThrough(
        await signed.api.request('GET', `/submissions/${encodeURIComponent(csv[1]!)}/report?format=csv`),
        `report-${csv[1]}.csv`,
      );
    }

    const route = PAGES.find(([pattern]) => pattern.test(path));
    const page = route
      ? await route[1](signed, route[0].exec(path)!, request)
      : errorPage(404, 'There is no such page.');
    return respond(page, signed);
  }

  type PageRoute = [RegExp, (signed: Signed, match: RegExpExecArray, request: WebRequest) => Promise<Page>];
  const PAGES: PageRoute[] = [
    [/^\/$/, (signed) => home(signed)],
    [
      /^\/councils\/(\d{3})$/,
      async (signed, match, request) =>
        onlyDfe(signed.roles)
          ? refused(NOT_FOR_DFE)
          : councilPage(
              signed.api,
              match[1]!,
              { recorded: request.query.has('recorded') },
              { changed: request.query.has('overridden') },
            ),
    ],
    [
      /^\/returns\/([0-9A-Za-z-]{8,64})$/,
      (signed, match, request) => submissionPage(signed.api, match[1]!, request.query),
    ],
    [
      /^\/regions\/([a-z-]+)$/,
      async (signed, match) =>
        isRegion(match[1]!)
          ? regionPage(signed.api, match[1]!, signed.roles)
          : errorPage(404, 'There is no such region.'),
    ],
    [
      /^\/councils\/(\d{3})\/indicators\/([a-z0-9-]{1,64})$/,
      async (signed, match) =>
        onlyDfe(signed.roles) ? refused(NOT_FOR_DFE) : funnelPage(signed.api, match[1]!, match[2]!),
    ],
    [/^\/england$/, (signed) => nationalPage(signed.api)],
    [
      /^\/england\/subscriptions$/,
      (signed, _, request) =>
        subscriptionsPage(signed.api, signed.session.csrfToken, { done: doneMessage(request) }),
    ],
    [
      /^\/directory$/,
      (signed, _, request) =>
        directoryPage(signed.api, signed.session.csrfToken, { done: doneMessage(request) }),
    ],
  ];

  async function home(signed: Signed): Promise<Page> {
    const council = signed.roles.find((role) => role.kind === 'council');
    if (council) return councilHome(signed.api, council.la);
    const adviser = signed.roles.find((role) => role.kind === 'adviser');
    if (adviser) return regionPage(signed.api, adviser.region, signed.roles);
    if (signed.roles.length > 0) return nationalPage(signed.api);
    return errorPage(403, 'Your account has no Upstream role. Ask your administrator to add you to a group.');
  }

  /** Subscribes an address to the national summary; the API sends the confirmation link. */
  async function subscribe(signed: Signed, form: URLSearchParams): Promise<WebResponse> {
    const values = {
      email: form.get('email') ?? '',
      scope: form.get('scope') ?? '',
      cadence: form.get('cadence') ?? '',
    };
    const created = await signed.api.send<{ status: string }>('POST', '/subscriptions', values);
    if (created.ok) {
      return redirect(`/england/subscriptions?done=${created.body.status === 'confirmed' ? 'kept' : 'sent'}`);
    }
    const page = await subscriptionsPage(signed.api, signed.session.csrfToken, {
      values,
      error: created.message,
    });
    return respond({ ...page, status: created.status === 403 ? 403 : 400 }, signed);
  }

  async function deleteSubscription(signed: Signed, subscriptionId: string): Promise<WebResponse> {
    const deleted = await signed.api.send('DELETE', `/subscriptions/${encodeURIComponent(subscriptionId)}`);
    return deleted.ok
      ? redirect('/england/subscriptions?done=deleted')
      : respond(errorPage(deleted.status === 403 ? 403 : 404, deleted.message), signed);
  }

  /** Adds or changes an adviser: the id names the entry, the rest is the API's adviser record. */
  async function saveAdviser(signed: Signed, form: URLSearchParams): Promise<WebResponse> {
    const values = Object.fromEntries([...form].filter(([name]) => name !== '_csrf'));
    const adviserId = (values.adviserId ?? '').trim();
    const { adviserId: _id, ...adviser } = values;
    const saved = adviserId
      ? await signed.api.send('PUT', `/directory/advisers/${encodeURIComponent(adviserId)}`, {
          ...adviser,
          active: true,
        })
      : {
          ok: false as const,
          status: 400,
          message: 'Give the adviser an id, for example south-east-principal.',
        };
    if (saved.ok) {
      return redirect('/directory?done=saved');
    }
    const page = await directoryPage(signed.api, signed.session.csrfToken, { values, error: saved.message });
    return respond({ ...page, status: saved.status === 403 ? 403 : 400 }, signed);
  }

  async function deactivateAdviser(signed: Signed, adviserId: string): Promise<WebResponse> {
    const done = await signed.api.send(
      'POST',
      `/directory/advisers/${encodeURIComponent(adviserId)}/deactivate`,
    );
    return done.ok
      ? redirect('/directory?done=deactivated')
      : respond(errorPage(done.status === 403 ? 403 : 404, done.message), signed);
  }

  /** The upload form: start the submission through the API, then put each file to its address. */
  async function sendReturn(signed: Signed, form: URLSearchParams, files: FormFile[]): Promise<WebResponse> {
    const council = signed.roles.find((role) => role.kind === 'council');
    if (!council) return respond(errorPage(403, 'Only a council’s own staff can send its returns.'), signed);
    const values = {
      returnType: form.get('returnType') ?? '',
      collectionYear: form.get('collectionYear') ?? '',
    };
    const refuse = async (status: number, error: string) =>
      respond({ ...(await councilHome(signed.api, council.la, { values, error })), status }, signed);
    if (files.length === 0) return refuse(400, 'Choose the files of your return.');
    const started = await signed.api.send<{
      submissionId: string;
      uploads: { fileName: string; url: string; headers: Record<string, string> }[];
    }>('POST', '/submissions', {
      returnType: values.returnType,
      collectionYear: Number(values.collectionYear),
      // Name, size and SHA-256: the upload addresses are bound to them, and ingest checks them again.
      files: files.map((file) => ({
        name: file.name,
        size: file.content.length,
        sha256: createHash('sha256').update(file.content).digest('hex'),
      })),
    });
    if (!started.ok) return refuse(started.status === 403 ? 403 : 400, started.message);
    for (const upload of started.body.uploads) {
      const file = files.find((candidate) => candidate.name === upload.fileName)!;
      const put = await (deps.fetcher ?? fetch)(upload.url, {
        method: 'PUT',
        headers: upload.headers,
        body: new Uint8Array(file.content),
      });
      if (!put.ok) {
        return refuse(
          502,
          `${file.name} could not be stored (${put.status}). Nothing is lost: send the return again.`,
        );
      }
    }
    return redirect(`/returns/${encodeURIComponent(started.body.submissionId)}`);
  }

  /** For the page's script: the status until it is final. */
  async function submissionStatus(signed: Signed, submissionId: string): Promise<WebResponse> {
    const found = await signed.api.get<{ status: string }>(
      `/submissions/${encodeURIComponent(submissionId)}`,
    );
    const body = found.ok
      ? { status: found.body.status, final: !['awaiting_files', 'processing'].includes(found.body.status) }
      : { message: found.message };
    return {
      status: found.ok ? 200 : found.status,
      headers: { 'content-type': 'application/json; charset=utf-8', 'cache-control': 'no-store' },
      body: JSON.stringify(body),
    };
  }

  /** An adviser sets or lifts an override of the band; the API decides who may and checks the reason. */
  async function changeOverride(
    signed: Signed,
    la: string,
    form: URLSearchParams,
    lift: boolean,
  ): Promise<WebResponse> {
    const values = {
      band: form.get('band') ?? '',
      reason: form.get('reason') ?? '',
      expiresOn: form.get('expiresOn') ?? '',
    };
    const changed = lift
      ? await signed.api.send('DELETE', `/risk/councils/${la}/override`)
      : await signed.api.send('PUT', `/risk/councils/${la}/override`, values);
    if (changed.ok) return redirect(`/councils/${la}?overridden=1#override`);
    const page = await councilPage(signed.api, la, {}, { values, error: changed.message });
    return respond({ ...page, status: changed.status === 403 ? 403 : 400 }, signed);
  }

  async function recordIntelligence(signed: Signed, la: string, form: URLSearchParams): Promise<WebResponse> {
    const values = Object.fromEntries([...form].filter(([name]) => name !== '_csrf'));
    const created = await signed.api.send('POST', '/intelligence', { la, ...values });
    if (created.ok) return redirect(`/councils/${la}?recorded=1#record`);
    const state: IntelligenceFormState = { values, error: created.message };
    const page = await councilPage(signed.api, la, state);
    return respond({ ...page, status: created.status === 403 ? 403 : 400 }, signed);
  }

  return { handle };
}

const NOT_FOR_DFE =
  'DfE sees England as a whole: a council’s own page is for the council, its advisers and administrators.';

const refused = (message: string): Page => ({
  status: 403,
  title: 'You cannot see this page',
  template: 'error.njk',
  context: { message },
});

/** DfE's liaisons see England as a whole; a user with another role as well sees what that role allows. */
const onlyDfe = (roles: readonly Role[]) => roles.length > 0 && roles.every((role) => role.kind === 'dfe');

/**
 * What a form did, carried through its redirect as a code and shown as a banner: only these words, so a
 * crafted link cannot put its own text on the page.
 */
const DONE: Readonly<Record<string, string>> = {
  sent: 'We have sent a confirmation link to the address. Nothing is sent to it until it is confirmed.',
  kept: 'This address already has this subscription.',
  deleted: 'The subscription has been deleted.',
  saved: 'The adviser is saved and receives the region’s alerts.',
  deactivated: 'The adviser is deactivated and receives no more alerts.',
};
const doneMessage = (request: WebRequest) => DONE[request.query.get('done') ?? ''];

function navigationFor(roles: readonly Role[]): { href: string; text: string }[] {
  const items = [{ href: '/', text: 'Home' }];
  for (const role of roles) {
    if (role.kind === 'council') items.push({ href: `/councils/${role.la}`, text: 'Indicators' });
    if (role.kind === 'adviser') {
      items.push({ href: `/regions/${role.region}`, text: REGIONS[role.region] ?? role.region });
    }
    if (role.kind === 'dfe' || role.kind === 'admin') {
      items.push({ href: '/england', text: 'England' });
      items.push({ href: '/england/subscriptions', text: 'Subscriptions' });
    }
    if (role.kind === 'admin') items.push({ href: '/directory', text: 'Advisers' });
  }
  return items.filter((item, index) => items.findIndex((other) => other.href === item.href) === index);
}

/** Only this app's own paths: an open redirect would let a link sign someone in and send them elsewhere. */
export function safeReturnTo(value: string): string {
  return /^\/(?![/\\])[^\s]*$/.test(value) ? value : '/';
}

const pathWithQuery = (request: WebRequest) =>
  `${request.path}${request.query.size > 0 ? `?${request.query.toString()}` : ''}`;

export type WebApp = ReturnType<typeof createWebApp>;
