// Local cloud: the dashboard. Server-rendered GOV.UK Frontend pages over the product's own HTTP API, signed
// in as one of the demo users: what a council officer, an adviser, a DfE analyst or an administrator sees.
// It reads only through the API with that user's token, so every access rule shown here is the API's own.
import { createReadStream, existsSync, statSync } from 'node:fs';
import type http from 'node:http';
import { createRequire } from 'node:module';
import path from 'node:path';
import { COUNCILS, findCouncil, isRegion, REGIONS } from '../../shared/domain/councils.ts';
import {
  CATEGORY_LABELS,
  CONFIDENCES,
  INTELLIGENCE_CATEGORIES,
  SEVERITIES,
} from '../../shared/domain/intelligence.ts';
import { type Role, rolesFromGroups } from '../../shared/domain/roles.ts';
import type { DemoUser } from './issuer.ts';

export interface DashboardDeps {
  /** The local HTTP API's base URL. */
  readonly api: string;
  readonly users: readonly DemoUser[];
  readonly tokenFor: (user: DemoUser) => Promise<string>;
}

const COOKIE = 'upstream-demo-user';
const ASSETS = path.join(
  path.dirname(createRequire(import.meta.url).resolve('govuk-frontend/package.json')),
  'dist',
  'govuk',
);
const CONTENT_TYPES: Record<string, string> = {
  '.css': 'text/css; charset=utf-8',
  '.woff2': 'font/woff2',
  '.woff': 'font/woff',
  '.png': 'image/png',
  '.svg': 'image/svg+xml',
  '.ico': 'image/x-icon',
  '.json': 'application/json',
};

/** Escapes text for HTML element content and attribute values. */
export function escapeHtml(value: unknown): string {
  return String(value ?? '')
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&#39;');
}

const h = escapeHtml;

type Page = { status: number; title: string; body: string };

export function layout(page: Omit<Page, 'status'>, user: DemoUser | undefined): string {
  return `<!DOCTYPE html>
<html lang="en" class="govuk-template">
<head>
  <meta charset="utf-8">
  <title>${h(page.title)} – Upstream (local)</title>
  <meta name="viewport" content="width=device-width, initial-scale=1">
  <link rel="stylesheet" href="/assets/govuk-frontend.min.css">
</head>
<body class="govuk-template__body govuk-frontend-supported">
  <a href="#main-content" class="govuk-skip-link">Skip to main content</a>
  <section aria-label="Service information" class="govuk-service-navigation">
    <div class="govuk-width-container"><div class="govuk-service-navigation__container">
      <span class="govuk-service-navigation__service-name"><a href="/" class="govuk-service-navigation__link">Upstream</a></span>${
        user
          ? `<nav aria-label="Menu" class="govuk-service-navigation__wrapper"><ul class="govuk-service-navigation__list">
        <li class="govuk-service-navigation__item"><a class="govuk-service-navigation__link" href="/">Home</a></li>
        <li class="govuk-service-navigation__item"><a class="govuk-service-navigation__link" href="/sign-out">Sign out</a></li></ul></nav>`
          : ''
      }
    </div></div>
  </section>
  <div class="govuk-width-container">
    <div class="govuk-phase-banner"><p class="govuk-phase-banner__content">
      <strong class="govuk-tag govuk-phase-banner__content__tag">Local</strong>
      <span class="govuk-phase-banner__text">Demo data on this machine.${user ? ` Signed in as ${h(user.description)}.` : ''}</span></p></div>
    <main class="govuk-main-wrapper" id="main-content" role="main">
${page.body}
    </main>
  </div>
  <footer class="govuk-footer" role="contentinfo"><div class="govuk-width-container">
    <p class="govuk-body-s">Published statistics: Department for Education and Ofsted, Open Government Licence v3.0.</p>
  </div></footer>
</body>
</html>`;
}

const BAND_TAG: Record<string, string> = {
  green: 'govuk-tag--green',
  amber: 'govuk-tag--yellow',
  red: 'govuk-tag--red',
};
const bandTag = (band: string) =>
  `<strong class="govuk-tag ${BAND_TAG[band] ?? 'govuk-tag--grey'}">${h(band)}</strong>`;

function table(caption: string, head: readonly string[], rows: readonly (readonly string[])[]): string {
  if (rows.length === 0) return `<p class="govuk-body">${h(caption)}: none.</p>`;
  return `<table class="govuk-table"><caption class="govuk-table__caption govuk-table__caption--m">${h(caption)}</caption>
<thead class="govuk-table__head"><tr class="govuk-table__row">${head.map((cell) => `<th scope="col" class="govuk-table__header">${h(cell)}</th>`).join('')}</tr></thead>
<tbody class="govuk-table__body">${rows.map((row) => `<tr class="govuk-table__row">${row.map((cell) => `<td class="govuk-table__cell">${cell}</td>`).join('')}</tr>`).join('\n')}</tbody></table>`;
}

const notice = (text: string) => `<div class="govuk-inset-text">${h(text)}</div>`;

function formatValue(value: unknown, unit: unknown, decimals: unknown): string {
  if (typeof value !== 'number') return '–';
  const shown = value.toLocaleString('en-GB', {
    minimumFractionDigits: Number(decimals ?? 0),
    maximumFractionDigits: Number(decimals ?? 0),
  });
  return unit === 'percent' ? `${shown}%` : unit === 'per10k' ? `${shown} per 10,000` : shown;
}

class Api {
  constructor(
    private readonly base: string,
    private readonly token: string,
  ) {}

  async get<T>(
    pathname: string,
  ): Promise<{ ok: true; body: T } | { ok: false; status: number; message: string }> {
    const response = await fetch(`${this.base}${pathname}`, {
      headers: { authorization: `Bearer ${this.token}` },
    });
    if (response.ok) return { ok: true, body: (await response.json()) as T };
    const text = await response.text();
    let message = text;
    try {
      message = (JSON.parse(text) as { message?: string }).message ?? text;
    } catch {}
    return { ok: false, status: response.status, message };
  }
}

// Pages ---------------------------------------------------------------------------------------------------

function signInPage(users: readonly DemoUser[]): Page {
  const options = users
    .map(
      (user, index) => `<div class="govuk-radios__item">
  <input class="govuk-radios__input" id="user-${index}" name="user" type="radio" value="${h(user.username)}"${index === 0 ? ' checked' : ''}>
  <label class="govuk-label govuk-radios__label" for="user-${index}">${h(user.description)}
    <span class="govuk-hint govuk-radios__hint">${h(user.groups.join(', '))}</span></label></div>`,
    )
    .join('\n');
  return {
    status: 200,
    title: 'Sign in',
    body: `<h1 class="govuk-heading-xl">Upstream</h1>
<p class="govuk-body-l">Early warning for children's services: returns, indicators, risk and summaries.</p>
<form method="post" action="/sign-in"><div class="govuk-form-group"><fieldset class="govuk-fieldset">
<legend class="govuk-fieldset__legend govuk-fieldset__legend--m"><h2 class="govuk-fieldset__heading">Sign in as a demo user</h2></legend>
<div class="govuk-radios" data-module="govuk-radios">${options}</div></fieldset></div>
<button type="submit" class="govuk-button" data-module="govuk-button">Sign in</button></form>`,
  };
}

interface SubmissionSummary {
  submissionId: string;
  returnType: string;
  collectionYear: number;
  status: string;
  createdAt: string;
  summary?: string;
}

async function councilHome(api: Api, la: string): Promise<Page> {
  const council = findCouncil(la);
  const listed = await api.get<{ councils: { la: string; submissions: SubmissionSummary[] }[] }>(
    `/submissions?la=${encodeURIComponent(la)}`,
  );
  const submissions = listed.ok
    ? (listed.body.councils.find((entry) => entry.la === la)?.submissions ?? [])
    : [];
  return {
    status: 200,
    title: `${council?.name ?? la} returns`,
    body: `<span class="govuk-caption-xl">${h(council?.name ?? la)}</span><h1 class="govuk-heading-xl">Your returns</h1>
${listed.ok ? '' : notice(listed.message)}
${table(
  'Submissions',
  ['Reference', 'Return', 'Year', 'Status', 'Result'],
  submissions.map((submission) => [
    `<a class="govuk-link" href="/submissions/${h(encodeURIComponent(submission.submissionId))}">${h(submission.submissionId)}</a>`,
    h(submission.returnType.toUpperCase()),
    h(submission.collectionYear),
    h(submission.status.replace(/_/g, ' ')),
    h(submission.summary ?? ''),
  ]),
)}
<p class="govuk-body"><a class="govuk-link" href="/councils/${h(la)}">${h(council?.name ?? la)}'s indicators</a></p>`,
  };
}

interface Report {
  summary: string;
  status: string;
  collectionYearLabel?: string;
  totals?: { problems: number };
  rules: { code: string; description: string; count: number }[];
  rows: { code: string; table: string; rowNumber: number; field?: string; message: string }[];
  councilIssues?: { code: string; message: string }[];
}

async function submissionPage(api: Api, submissionId: string): Promise<Page> {
  const found = await api.get<SubmissionSummary & { la: string }>(
    `/submissions/${encodeURIComponent(submissionId)}`,
  );
  if (!found.ok) return { status: found.status, title: 'Submission', body: notice(found.message) };
  const submission = found.body;
  const report = await api.get<Report>(`/submissions/${encodeURIComponent(submissionId)}/report`);
  const shownRows = 100;
  let details = notice(report.ok ? '' : report.message);
  if (report.ok) {
    const { rules, rows } = report.body;
    details = `<p class="govuk-body">${h(report.body.summary)}</p>
${table(
  'Checks that found problems',
  ['Check', 'What it means', 'Rows'],
  rules.map((rule) => [h(rule.code), h(rule.description), h(rule.count.toLocaleString('en-GB'))]),
)}
${table(
  rows.length > shownRows
    ? `Problems, row by row (the first ${shownRows} of ${rows.length.toLocaleString('en-GB')})`
    : 'Problems, row by row',
  ['Table', 'Row', 'Field', 'Check', 'Problem'],
  rows
    .slice(0, shownRows)
    .map((row) => [h(row.table), h(row.rowNumber), h(row.field ?? ''), h(row.code), h(row.message)]),
)}`;
  }
  return {
    status: 200,
    title: `Submission ${submissionId}`,
    body: `<span class="govuk-caption-xl">${h(findCouncil(submission.la)?.name ?? submission.la)} · ${h(submission.returnType.toUpperCase())} ${h(submission.collectionYear)}</span>
<h1 class="govuk-heading-xl">Submission ${h(submissionId)}</h1>
<dl class="govuk-summary-list"><div class="govuk-summary-list__row"><dt class="govuk-summary-list__key">Status</dt>
<dd class="govuk-summary-list__value" data-testid="submission-status">${h(submission.status.replace(/_/g, ' '))}</dd></div></dl>
${details}`,
  };
}

interface RiskView {
  band: string;
  modelBand: string;
  assessedAt: string;
  modelVersion: string;
  drivers: { text: string; red: boolean }[];
  override: { band: string; reason: string; expiresOn: string; applied: boolean } | null;
  notes: string[];
  history: { version: number; asOf: string; band: string; cause: string }[];
}

async function regionPage(api: Api, region: string, roles: readonly Role[]): Promise<Page> {
  const name = REGIONS[region] ?? region;
  const members = COUNCILS.filter((council) => council.region === region);
  const seesRisk = roles.some(
    (role) => role.kind === 'admin' || (role.kind === 'adviser' && role.region === region),
  );
  if (seesRisk) {
    const risks = await Promise.all(
      members.map((council) => api.get<RiskView>(`/risk/councils/${council.la}`)),
    );
    return {
      status: 200,
      title: `${name} councils`,
      body: `<span class="govuk-caption-xl">${h(name)}</span><h1 class="govuk-heading-xl">Councils and their risk</h1>
${table(
  'Councils',
  ['Council', 'Band', 'Assessed'],
  members.map((council, index) => {
    const risk = risks[index]!;
    return [
      `<a class="govuk-link" href="/councils/${h(council.la)}">${h(council.name)}</a>`,
      risk.ok ? bandTag(risk.body.band) : '<span class="govuk-hint">Not assessed yet</span>',
      risk.ok ? h(risk.body.assessedAt.slice(0, 10)) : '',
    ];
  }),
)}`,
    };
  }
  const indicators = await api.get<{
    indicators: {
      name: string;
      unit: string;
      decimals: number;
      period: number;
      englandValue: number;
      regionValue: number;
    }[];
  }>(`/indicators/regions/${encodeURIComponent(region)}`);
  if (!indicators.ok) return { status: indicators.status, title: name, body: notice(indicators.message) };
  return {
    status: 200,
    title: `${name} indicators`,
    body: `<span class="govuk-caption-xl">${h(name)}</span><h1 class="govuk-heading-xl">Indicators</h1>
${table(
  'Published indicators for the region',
  ['Indicator', 'Year', 'Region', 'England'],
  indicators.body.indicators.map((indicator) => [
    h(indicator.name),
    h(indicator.period),
    h(formatValue(indicator.regionValue, indicator.unit, indicator.decimals)),
    h(formatValue(indicator.englandValue, indicator.unit, indicator.decimals)),
  ]),
)}`,
  };
}

async function councilPage(api: Api, la: string, form: IntelligenceForm = {}): Promise<Page> {
  const council = findCouncil(la);
  if (!council)
    return { status: 404, title: 'Not found', body: notice(`There is no council with number "${la}".`) };
  const [risk, indicators, intelligence] = await Promise.all([
    api.get<RiskView>(`/risk/councils/${la}`),
    api.get<{
      indicators: {
        name: string;
        unit: string;
        decimals: number;
        period: number;
        value: number | null;
        provenance: string | null;
        englandValue: number | null;
        statNeighbours: { mean?: number } | null;
      }[];
    }>(`/indicators/councils/${la}`),
    api.get<{ items: { category: string; severity: string; observedOn: string; narrative?: string }[] }>(
      `/intelligence?la=${la}`,
    ),
  ]);
  const sections: string[] = [];
  if (risk.ok) {
    const view = risk.body;
    sections.push(`<h2 class="govuk-heading-l">Risk</h2>
<p class="govuk-body" data-testid="risk-band">Band ${bandTag(view.band)}${view.band !== view.modelBand ? ` (the model says ${h(view.modelBand)})` : ''} · assessed ${h(view.assessedAt.slice(0, 16).replace('T', ' '))} · model ${h(view.modelVersion)}</p>
${view.override ? notice(`Override to ${view.override.band} until ${view.override.expiresOn}: ${view.override.reason}`) : ''}
<h3 class="govuk-heading-m">What drives it</h3>
<ul class="govuk-list govuk-list--bullet">${view.drivers.map((driver) => `<li>${driver.red ? '<strong class="govuk-tag govuk-tag--red">red</strong> ' : ''}${h(driver.text)}</li>`).join('')}</ul>
${view.notes.length > 0 ? `<ul class="govuk-list">${view.notes.map((note) => `<li class="govuk-hint">${h(note)}</li>`).join('')}</ul>` : ''}`);
  } else if (risk.status === 404) {
    sections.push(`<h2 class="govuk-heading-l">Risk</h2>${notice(risk.message)}`);
  }
  if (intelligence.ok) {
    sections.push(
      table(
        'Soft intelligence',
        ['Observed', 'Category', 'Severity', 'Narrative'],
        intelligence.body.items.map((item) => [
          h(item.observedOn),
          h(item.category.replace(/-/g, ' ')),
          h(item.severity),
          h(item.narrative ?? ''),
        ]),
      ),
      intelligenceForm(la, form),
    );
  }
  if (indicators.ok) {
    sections.push(
      table(
        'Indicators',
        ['Indicator', 'Year', 'Council', 'Source', 'Statistical neighbours', 'England'],
        indicators.body.indicators.map((indicator) => [
          h(indicator.name),
          h(indicator.period),
          h(formatValue(indicator.value, indicator.unit, indicator.decimals)),
          h(indicator.provenance ?? ''),
          h(formatValue(indicator.statNeighbours?.mean, indicator.unit, indicator.decimals)),
          h(formatValue(indicator.englandValue, indicator.unit, indicator.decimals)),
        ]),
      ),
    );
  } else {
    sections.push(notice(indicators.message));
  }
  return {
    status: 200,
    title: council.name,
    body: `<span class="govuk-caption-xl">${h(REGIONS[council.region] ?? council.region)}</span>
<h1 class="govuk-heading-xl">${h(council.name)}</h1>
${sections.join('\n')}`,
  };
}

interface IntelligenceForm {
  readonly values?: Readonly<Record<string, string>>;
  readonly error?: string;
  readonly recorded?: boolean;
}

const options = (
  name: string,
  values: readonly string[],
  label: (value: string) => string,
  chosen?: string,
) =>
  values
    .map(
      (value, index) => `<div class="govuk-radios__item">
  <input class="govuk-radios__input" id="${name}-${index}" name="${name}" type="radio" value="${h(value)}"${value === chosen ? ' checked' : ''}>
  <label class="govuk-label govuk-radios__label" for="${name}-${index}">${h(label(value))}</label></div>`,
    )
    .join('');

/** Advisers record what they learn; the API decides who may (the list above is only shown to them). */
function intelligenceForm(la: string, form: IntelligenceForm): string {
  const value = (name: string) => h(form.values?.[name] ?? '');
  return `<h3 class="govuk-heading-m" id="record">Record intelligence</h3>
${form.recorded ? '<div class="govuk-notification-banner govuk-notification-banner--success" role="alert"><div class="govuk-notification-banner__content"><p class="govuk-notification-banner__heading" data-testid="recorded">Recorded. The council is being reassessed.</p></div></div>' : ''}
${form.error ? `<div class="govuk-error-summary" data-module="govuk-error-summary"><div role="alert"><h2 class="govuk-error-summary__title">There is a problem</h2><div class="govuk-error-summary__body"><p class="govuk-body" data-testid="form-error">${h(form.error)}</p></div></div></div>` : ''}
<form method="post" action="/councils/${h(la)}/intelligence" novalidate>
<div class="govuk-form-group"><label class="govuk-label" for="category">Category</label>
<select class="govuk-select" id="category" name="category">${INTELLIGENCE_CATEGORIES.map((category) => `<option value="${h(category)}"${form.values?.category === category ? ' selected' : ''}>${h(CATEGORY_LABELS[category])}</option>`).join('')}</select></div>
<div class="govuk-form-group"><fieldset class="govuk-fieldset"><legend class="govuk-fieldset__legend">Severity</legend>
<div class="govuk-radios govuk-radios--small govuk-radios--inline">${options('severity', SEVERITIES, (v) => v, form.values?.severity ?? 'medium')}</div></fieldset></div>
<div class="govuk-form-group"><fieldset class="govuk-fieldset"><legend class="govuk-fieldset__legend">Confidence</legend>
<div class="govuk-radios govuk-radios--small govuk-radios--inline">${options('confidence', CONFIDENCES, (v) => v, form.values?.confidence ?? 'medium')}</div></fieldset></div>
<div class="govuk-form-group"><label class="govuk-label" for="source">Source</label>
<input class="govuk-input" id="source" name="source" type="text" value="${value('source')}"></div>
<div class="govuk-form-group"><label class="govuk-label" for="observedOn">Date observed</label>
<div class="govuk-hint">For example, 2026-11-20</div>
<input class="govuk-input govuk-input--width-10" id="observedOn" name="observedOn" type="text" value="${value('observedOn')}"></div>
<div class="govuk-form-group"><label class="govuk-label" for="narrative">What you learned</label>
<div class="govuk-hint">Stays with the region's advisers: it is in no email, event or feed.</div>
<textarea class="govuk-textarea" id="narrative" name="narrative" rows="4">${value('narrative')}</textarea></div>
<button type="submit" class="govuk-button">Record intelligence</button></form>`;
}

/** DfE and administrators: the regions, and the latest national summaries from the JSON feed. */
async function nationalPage(api: Api): Promise<Page> {
  const feed = await api.get<{
    items: { id: string; title: string; date_published: string; content_text: string }[];
  }>('/feeds/dfe.json');
  const summaries = !feed.ok
    ? notice(
        feed.status === 404
          ? 'No summary has been published yet: the first comes on Monday at 07:00.'
          : feed.message,
      )
    : feed.body.items
        .slice(0, 3)
        .map(
          (
            item,
          ) => `<div class="govuk-summary-card" data-testid="summary"><div class="govuk-summary-card__title-wrapper">
<h3 class="govuk-summary-card__title">${h(item.title)}</h3></div>
<div class="govuk-summary-card__content"><p class="govuk-body" style="white-space: pre-line">${h(item.content_text)}</p></div></div>`,
        )
        .join('\n');
  return {
    status: 200,
    title: 'England',
    body: `<h1 class="govuk-heading-xl">England</h1>
<h2 class="govuk-heading-l">Latest summaries</h2>
<p class="govuk-body">Aggregated and disclosure-controlled: no council is named. Feeds:
<a class="govuk-link" href="/feeds/dfe.atom">Atom</a>, <a class="govuk-link" href="/feeds/dfe.json">JSON</a>,
<a class="govuk-link" href="/feeds/dfe.csv">CSV</a>.</p>
${summaries}
<h2 class="govuk-heading-l">Regions</h2>
<ul class="govuk-list">${Object.entries(REGIONS)
      .map(([region, name]) => `<li><a class="govuk-link" href="/regions/${h(region)}">${h(name)}</a></li>`)
      .join('')}</ul>`,
  };
}

async function home(api: Api, roles: readonly Role[]): Promise<Page> {
  const council = roles.find((role) => role.kind === 'council');
  if (council) return councilHome(api, council.la);
  const adviser = roles.find((role) => role.kind === 'adviser');
  if (adviser) return regionPage(api, adviser.region, roles);
  if (roles.length > 0) return nationalPage(api);
  return { status: 403, title: 'No role', body: notice('This user has no Upstream role.') };
}

// Routing ---------------------------------------------------------------------------------------------------

function currentUser(request: http.IncomingMessage, users: readonly DemoUser[]): DemoUser | undefined {
  const cookie = (request.headers.cookie ?? '')
    .split(';')
    .map((part) => part.trim().split('='))
    .find(([name]) => name === COOKIE);
  return cookie ? users.find((user) => user.username === decodeURIComponent(cookie[1] ?? '')) : undefined;
}

async function readForm(request: http.IncomingMessage): Promise<URLSearchParams> {
  let body = '';
  for await (const chunk of request) {
    body += chunk;
    if (body.length > 10_000) break;
  }
  return new URLSearchParams(body);
}

function serveAsset(pathname: string, response: http.ServerResponse): boolean {
  const relative = path.normalize(pathname.slice('/assets/'.length));
  const file =
    relative === 'govuk-frontend.min.css'
      ? path.join(ASSETS, relative)
      : path.join(ASSETS, 'assets', relative);
  if (
    relative.startsWith('..') ||
    !file.startsWith(ASSETS) ||
    !existsSync(file) ||
    !statSync(file).isFile()
  ) {
    return false;
  }
  response.writeHead(200, {
    'content-type': CONTENT_TYPES[path.extname(file)] ?? 'application/octet-stream',
    'cache-control': 'max-age=3600',
  });
  createReadStream(file).pipe(response);
  return true;
}

/** Handles the dashboard's paths; false for anything else (the console's other endpoints). */
export function dashboardHandler(deps: DashboardDeps) {
  return async (request: http.IncomingMessage, response: http.ServerResponse): Promise<boolean> => {
    const url = new URL(request.url ?? '/', 'http://127.0.0.1');
    const { pathname } = url;
    if (request.method === 'GET' && pathname.startsWith('/assets/')) return serveAsset(pathname, response);

    const redirect = (location: string, cookie?: string) => {
      response.writeHead(303, { location, ...(cookie ? { 'set-cookie': cookie } : {}) });
      response.end();
      return true;
    };
    if (request.method === 'POST' && pathname === '/sign-in') {
      const username = (await readForm(request)).get('user') ?? '';
      if (!deps.users.some((user) => user.username === username)) return redirect('/');
      return redirect('/', `${COOKIE}=${encodeURIComponent(username)}; Path=/; HttpOnly; SameSite=Lax`);
    }
    if (pathname === '/sign-out') {
      return redirect('/', `${COOKIE}=; Path=/; Max-Age=0; HttpOnly; SameSite=Lax`);
    }
    const recordIn = /^\/councils\/(\d{3})\/intelligence$/.exec(pathname);
    if (request.method === 'POST' && recordIn) {
      const user = currentUser(request, deps.users);
      if (!user) return redirect('/');
      const la = recordIn[1]!;
      const values = Object.fromEntries(await readForm(request));
      const created = await fetch(`${deps.api}/intelligence`, {
        method: 'POST',
        headers: { authorization: `Bearer ${await deps.tokenFor(user)}`, 'content-type': 'application/json' },
        body: JSON.stringify({ la, ...values }),
      });
      if (created.status === 201) return redirect(`/councils/${la}?recorded=1#record`);
      const { message } = (await created.json().catch(() => ({}))) as { message?: string };
      const page = await councilPage(new Api(deps.api, await deps.tokenFor(user)), la, {
        values,
        error: message ?? `The intelligence was not recorded (${created.status}).`,
      });
      response.writeHead(created.status === 403 ? 403 : 400, { 'content-type': 'text/html; charset=utf-8' });
      response.end(layout(page, user));
      return true;
    }
    if (request.method !== 'GET') return false;

    const user = currentUser(request, deps.users);
    if (user && /^\/feeds\/dfe\.(atom|json|csv)$/.test(pathname)) {
      // The feed as the signed-in user may read it (403 for anyone but DfE and administrators).
      const feed = await fetch(`${deps.api}${pathname}`, {
        headers: { authorization: `Bearer ${await deps.tokenFor(user)}` },
      });
      response.writeHead(feed.status, { 'content-type': feed.headers.get('content-type') ?? 'text/plain' });
      response.end(Buffer.from(await feed.arrayBuffer()));
      return true;
    }
    const routes: [RegExp, (api: Api, match: RegExpExecArray, roles: Role[]) => Promise<Page>][] = [
      [/^\/$/, (api, _match, roles) => home(api, roles)],
      [
        /^\/councils\/(\d{3})$/,
        (api, match) => councilPage(api, match[1]!, { recorded: url.searchParams.has('recorded') }),
      ],
      [/^\/submissions\/([0-9A-Za-z-]{8,64})$/, (api, match) => submissionPage(api, match[1]!)],
      [
        /^\/regions\/([a-z-]+)$/,
        async (api, match, roles) =>
          isRegion(match[1]!)
            ? regionPage(api, match[1]!, roles)
            : { status: 404, title: 'Not found', body: notice('There is no such region.') },
      ],
    ];
    const route = routes.find(([pattern]) => pattern.test(pathname));
    if (!route) return false;

    let page: Page;
    if (!user) {
      page = pathname === '/' ? signInPage(deps.users) : { status: 303, title: '', body: '' };
      if (page.status === 303) return redirect('/');
    } else {
      const api = new Api(deps.api, await deps.tokenFor(user));
      page = await route[1](api, route[0].exec(pathname)!, rolesFromGroups(user.groups));
    }
    response.writeHead(page.status, { 'content-type': 'text/html; charset=utf-8' });
    response.end(layout(page, user));
    return true;
  };
}
