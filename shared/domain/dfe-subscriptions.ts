// Domain: DfE subscriptions to the national summary (national or one region; weekly or on material change),
// with double opt-in and one-click unsubscribe (RFC 8058), and the emails and pages they need. Pure.
//
// The link in an email is the credential: tokens are random, sent once, and only their SHA-256 is kept.
import { createHash } from 'node:crypto';
import * as z from 'zod';
import { isRegion, REGIONS } from './councils.ts';
import type { DfeSummary, SummaryTrigger } from './dfe-summary.ts';
import type { Cell } from './disclosure.ts';
import { escapeXml, summaryText, summaryTitle } from './feeds.ts';

const CADENCES = ['weekly', 'on-change'] as const;
export type Cadence = (typeof CADENCES)[number];
/** 'national' or a region slug, e.g. 'south-east'. */
export type Scope = string;

export type SubscriptionStatus = 'pending' | 'confirmed';

export interface Subscription {
  readonly subscriptionId: string;
  /** Lower-case address. */
  readonly email: string;
  readonly scope: Scope;
  readonly cadence: Cadence;
  readonly status: SubscriptionStatus;
  /** The JWT subject of the DfE liaison or administrator who set it up. */
  readonly owner: string;
  readonly createdAt: string;
  readonly confirmedAt: string | null;
}

/** How long a confirmation link works. */
export const CONFIRM_TOKEN_DAYS = 7;
/** How long the unsubscribe link in an email works (mail is read late, and unsubscribing must always work). */
export const UNSUBSCRIBE_TOKEN_DAYS = 400;

const SCOPE_WORDS = `"national" or one of the regions: ${Object.keys(REGIONS).sort().join(', ')}`;

export const SubscriptionRequestSchema = z.strictObject({
  email: z
    .string({ error: 'Enter an email address' })
    .trim()
    .max(254, 'The email address must be 254 characters or fewer')
    .pipe(z.email({ error: 'Enter an email address in the correct format, like name@example.gov.uk' })),
  scope: z
    .string({ error: `Choose a scope: ${SCOPE_WORDS}` })
    .refine((scope) => scope === 'national' || isRegion(scope), {
      error: `The scope must be ${SCOPE_WORDS}`,
    }),
  cadence: z.enum(CADENCES, { error: 'The cadence must be "weekly" or "on-change"' }),
});

const sha256 = (text: string) => createHash('sha256').update(text, 'utf8').digest('hex');

/** One subscription per address, scope and cadence: asking again finds the same one. */
export function subscriptionIdFor(request: Pick<Subscription, 'email' | 'scope' | 'cadence'>): string {
  return `SUB-${sha256(`${request.email.toLowerCase()}|${request.scope}|${request.cadence}`).slice(0, 20).toUpperCase()}`;
}

export const SUBSCRIPTION_ID = /^SUB-[0-9A-F]{20}$/;

/** What is kept of a token: its hash only. */
export const hashToken = (token: string) => sha256(token);

/** A token as it arrives in a link: 43 base64url characters (32 random bytes). */
export const TOKEN = /^[A-Za-z0-9_-]{43}$/;

const scopeName = (scope: Scope) => (scope === 'national' ? 'England' : (REGIONS[scope] ?? scope));

export function describeSubscription(subscription: Pick<Subscription, 'scope' | 'cadence'>): string {
  const when =
    subscription.cadence === 'weekly' ? 'every week' : 'when the national picture changes materially';
  return `the national summary for ${scopeName(subscription.scope)}, ${when}`;
}

/** Which subscriptions get a summary: weekly ones get weekly summaries; on-change ones get the others, when
 * they are national or their region is among those that changed. */
export function wantsSummary(
  subscription: Pick<Subscription, 'scope' | 'cadence' | 'status'>,
  trigger: SummaryTrigger,
  changedRegions: readonly string[],
): boolean {
  if (subscription.status !== 'confirmed') return false;
  if (trigger === 'weekly') return subscription.cadence === 'weekly';
  return (
    subscription.cadence === 'on-change' &&
    (subscription.scope === 'national' || changedRegions.includes(subscription.scope))
  );
}

// Emails ------------------------------------------------------------------------------------------------

export interface RenderedEmail {
  readonly subject: string;
  readonly text: string;
  readonly html: string;
}

/** RFC 2369 and RFC 8058: a one-click unsubscribe that mail clients show as a button. */
export function listUnsubscribeHeaders(unsubscribeUrl: string): { name: string; value: string }[] {
  return [
    { name: 'List-Unsubscribe', value: `<${unsubscribeUrl}>` },
    { name: 'List-Unsubscribe-Post', value: 'List-Unsubscribe=One-Click' },
  ];
}

const FONT = 'font-family:Arial,sans-serif;font-size:16px;line-height:1.5;color:#0b0c0c';

function emailPage(title: string, body: string): string {
  return [
    '<!DOCTYPE html>',
    `<html lang="en-GB"><head><meta charset="utf-8"><title>${escapeXml(title)}</title></head>`,
    `<body style="${FONT}">`,
    body,
    '</body></html>',
  ].join('\n');
}

const show = (cell: Cell) => String(cell);

function regionLines(summary: DfeSummary, scope: Scope): string[] {
  if (scope === 'national') return [];
  const region = summary.regions.find((each) => each.region === scope);
  if (!region) return [];
  const lines = [
    `${region.name}: green ${show(region.bands.green)}, amber ${show(region.bands.amber)}, red ${show(region.bands.red)}; councils assessed ${show(region.councils)}.`,
  ];
  const moved = summary.movement?.regions.find((each) => each.region === scope);
  if (moved)
    lines.push(
      `${region.name} since the last summary: ${show(moved.movement.escalated)} moved to a higher-risk band, ${show(moved.movement.deEscalated)} to a lower one, ${show(moved.movement.unchanged)} unchanged.`,
    );
  return lines;
}

export function renderSummaryEmail(
  summary: DfeSummary,
  subscription: Pick<Subscription, 'scope' | 'cadence'>,
  links: { readonly unsubscribeUrl: string; readonly feedUrl: string; readonly appUrl: string },
): RenderedEmail {
  const scoped = subscription.scope === 'national' ? '' : ` (${scopeName(subscription.scope)})`;
  const subject = `${summaryTitle(summary)}${scoped}`;
  const own = regionLines(summary, subscription.scope);
  const footer = [
    `You get this email because you subscribed to ${describeSubscription(subscription)}.`,
    `Unsubscribe: ${links.unsubscribeUrl}`,
  ];
  const text = [
    ...(own.length > 0 ? [...own, ''] : []),
    summaryText(summary),
    '',
    `With charts and tables in Upstream: ${links.appUrl}`,
    `The same figures as Atom, JSON Feed and CSV: ${links.feedUrl}`,
    '',
    '--',
    ...footer,
    '',
  ].join('\n');
  const paragraphs = (lines: readonly string[]) =>
    lines
      .join('\n')
      .split(/\n{2,}/)
      .map((block) => `<p>${escapeXml(block).replace(/\n/g, '<br>')}</p>`)
      .join('\n');
  const html = emailPage(
    subject,
    [
      `<h1 style="font-size:24px">${escapeXml(subject)}</h1>`,
      own.length > 0 ? paragraphs(own) : '',
      paragraphs(summaryText(summary).split('\n').slice(2)),
      `<p><a href="${escapeXml(links.appUrl)}">With charts and tables in Upstream</a> · <a href="${escapeXml(links.feedUrl)}">The same figures as a feed</a></p>`,
      '<hr>',
      `<p style="font-size:14px">${escapeXml(footer[0]!)} <a href="${escapeXml(links.unsubscribeUrl)}">Unsubscribe</a></p>`,
    ].join('\n'),
  );
  return { subject, text, html };
}

export function renderConfirmationEmail(
  subscription: Pick<Subscription, 'scope' | 'cadence'>,
  links: { readonly confirmUrl: string; readonly unsubscribeUrl: string },
): RenderedEmail {
  const subject = 'Confirm your subscription to the children’s services national summary';
  const what = describeSubscription(subscription);
  const text = [
    `Someone asked for this address to get ${what}.`,
    '',
    `To confirm, open this link (it works once, for ${CONFIRM_TOKEN_DAYS} days):`,
    links.confirmUrl,
    '',
    'If you did not ask for this, ignore this email: nothing will be sent unless you confirm.',
    '',
    '--',
    `Unsubscribe: ${links.unsubscribeUrl}`,
    '',
  ].join('\n');
  const html = emailPage(
    subject,
    [
      `<h1 style="font-size:24px">Confirm your subscription</h1>`,
      `<p>Someone asked for this address to get ${escapeXml(what)}.</p>`,
      `<p><a href="${escapeXml(links.confirmUrl)}">Confirm your subscription</a> (the link works once, for ${CONFIRM_TOKEN_DAYS} days).</p>`,
      '<p>If you did not ask for this, ignore this email: nothing will be sent unless you confirm.</p>',
      '<hr>',
      `<p style="font-size:14px"><a href="${escapeXml(links.unsubscribeUrl)}">Unsubscribe</a></p>`,
    ].join('\n'),
  );
  return { subject, text, html };
}

// Pages -------------------------------------------------------------------------------------------------

/** A plain, accessible page for the links in emails: a title, a few paragraphs, an optional form. */
export function renderPage(
  title: string,
  paragraphs: readonly string[],
  form?: { readonly action: string; readonly button: string },
): string {
  return [
    '<!DOCTYPE html>',
    '<html lang="en-GB">',
    '<head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">',
    `<title>${escapeXml(title)} – Upstream</title>`,
    `<style>body{${FONT};max-width:40em;margin:2em auto;padding:0 1em}h1{font-size:32px}button{font-size:19px;padding:.5em 1em;background:#00703c;color:#fff;border:0;box-shadow:0 2px 0 #002d18}button:focus{outline:3px solid #fd0;}</style>`,
    '</head>',
    '<body>',
    '<main id="main-content">',
    `<h1>${escapeXml(title)}</h1>`,
    ...paragraphs.map((paragraph) => `<p>${escapeXml(paragraph)}</p>`),
    ...(form
      ? [
          `<form method="post" action="${escapeXml(form.action)}">`,
          `<button type="submit">${escapeXml(form.button)}</button>`,
          '</form>',
        ]
      : []),
    '</main>',
    '</body>',
    '</html>',
    '',
  ].join('\n');
}
