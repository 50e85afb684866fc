// Use case: DfE liaisons and administrators subscribe an address to the national summary (double opt-in:
// nothing is sent until the address confirms through a single-use link), list and delete their own
// subscriptions; anyone holding a link confirms or unsubscribes without signing in (the link is the
// credential, and only its hash is kept). Ports only.
import {
  CONFIRM_TOKEN_DAYS,
  describeSubscription,
  hashToken,
  listUnsubscribeHeaders,
  renderConfirmationEmail,
  renderPage,
  type Subscription,
  SubscriptionRequestSchema,
  subscriptionIdFor,
  TOKEN,
  UNSUBSCRIBE_TOKEN_DAYS,
} from '../domain/dfe-subscriptions.ts';
import type { Role } from '../domain/roles.ts';
import type { ListMailer, SubscriptionStore } from '../ports/subscriptions.ts';
import { type Refusal, refuse, refuseInvalid } from './refusal.ts';
import { unsubscribeUrl } from './send-dfe-summary-email.ts';

export interface SubscriptionDeps {
  readonly subscriptions: SubscriptionStore;
  readonly mailer: ListMailer;
  readonly fromAddress: string;
  /** The API's address, without a trailing slash. */
  readonly apiUrl: string;
  readonly newToken: () => string;
  readonly now: () => Date;
}

export interface Caller {
  readonly roles: readonly Role[];
  /** The JWT subject. */
  readonly subject: string;
}

export type ApiOutcome = { readonly ok: true; readonly status: number; readonly body: unknown } | Refusal;

export interface PageOutcome {
  readonly status: number;
  readonly html: string;
}

const isDfe = (roles: readonly Role[]) => roles.some((role) => role.kind === 'dfe' || role.kind === 'admin');
const isAdmin = (roles: readonly Role[]) => roles.some((role) => role.kind === 'admin');
const NOT_ALLOWED = 'Only DfE liaisons and administrators can manage summary subscriptions.';

const view = (subscription: Subscription) => ({
  subscriptionId: subscription.subscriptionId,
  email: subscription.email,
  scope: subscription.scope,
  cadence: subscription.cadence,
  status: subscription.status,
  createdAt: subscription.createdAt,
  confirmedAt: subscription.confirmedAt,
  description: describeSubscription(subscription),
});

const daysLater = (now: Date, days: number) => new Date(now.getTime() + days * 86_400_000).toISOString();

/** POST /subscriptions: creates (or, unconfirmed, renews) the subscription and sends the confirmation email. */
export async function subscribe(body: unknown, caller: Caller, deps: SubscriptionDeps): Promise<ApiOutcome> {
  if (!isDfe(caller.roles)) return refuse(403, NOT_ALLOWED);
  const parsed = SubscriptionRequestSchema.safeParse(body);
  if (!parsed.success) {
    return refuseInvalid(parsed.error.issues);
  }
  const request = { ...parsed.data, email: parsed.data.email.toLowerCase() };
  const subscriptionId = subscriptionIdFor(request);
  const existing = await deps.subscriptions.get(subscriptionId);
  if (existing?.status === 'confirmed') {
    return {
      ok: true,
      status: 200,
      body: { ...view(existing), message: 'This address already has this subscription.' },
    };
  }
  const now = deps.now();
  const subscription: Subscription = {
    subscriptionId,
    ...request,
    status: 'pending',
    owner: caller.subject,
    createdAt: existing?.createdAt ?? now.toISOString(),
    confirmedAt: null,
  };
  await deps.subscriptions.put(subscription);
  const confirmToken = deps.newToken();
  const unsubscribeToken = deps.newToken();
  await deps.subscriptions.saveToken(hashToken(confirmToken), {
    purpose: 'confirm',
    subscriptionId,
    expiresAt: daysLater(now, CONFIRM_TOKEN_DAYS),
  });
  await deps.subscriptions.saveToken(hashToken(unsubscribeToken), {
    purpose: 'unsubscribe',
    subscriptionId,
    expiresAt: daysLater(now, UNSUBSCRIBE_TOKEN_DAYS),
  });
  const apiUrl = deps.apiUrl.replace(/\/+$/, '');
  const unsubscribeLink = unsubscribeUrl(apiUrl, unsubscribeToken);
  const email = renderConfirmationEmail(subscription, {
    confirmUrl: `${apiUrl}/subscriptions/confirm?token=${encodeURIComponent(confirmToken)}`,
    unsubscribeUrl: unsubscribeLink,
  });
  await deps.mailer.send({
    from: deps.fromAddress,
    to: subscription.email,
    ...email,
    headers: listUnsubscribeHeaders(unsubscribeLink),
  });
  return {
    ok: true,
    status: 202,
    body: {
      ...view(subscription),
      message: `We have sent a confirmation link to ${subscription.email}. Nothing is sent until it is confirmed.`,
    },
  };
}

/** GET /subscriptions: the caller's own subscriptions (an administrator sees every one). */
export async function listSubscriptions(
  caller: Caller,
  deps: Pick<SubscriptionDeps, 'subscriptions'>,
): Promise<ApiOutcome> {
  if (!isDfe(caller.roles)) return refuse(403, NOT_ALLOWED);
  const all = await deps.subscriptions.list();
  const visible = isAdmin(caller.roles)
    ? all
    : all.filter((subscription) => subscription.owner === caller.subject);
  return {
    ok: true,
    status: 200,
    body: {
      subscriptions: visible
        .sort(
          (a, b) =>
            a.createdAt.localeCompare(b.createdAt) || a.subscriptionId.localeCompare(b.subscriptionId),
        )
        .map(view),
    },
  };
}

/** DELETE /subscriptions/{subscriptionId}: the caller's own (an administrator's: any). */
export async function deleteSubscription(
  subscriptionId: string,
  caller: Caller,
  deps: Pick<SubscriptionDeps, 'subscriptions'>,
): Promise<ApiOutcome> {
  if (!isDfe(caller.roles)) return refuse(403, NOT_ALLOWED);
  const existing = await deps.subscriptions.get(subscriptionId);
  // Someone else's subscription reads as missing: whether it exists is not the caller's business.
  if (!existing || (!isAdmin(caller.roles) && existing.owner !== caller.subject)) {
    return refuse(404, `You have no subscription ${subscriptionId}.`);
  }
  await deps.subscriptions.remove(subscriptionId);
  return { ok: true, status: 200, body: { subscriptionId, message: 'The subscription has been deleted.' } };
}

const LINK_NOT_VALID: PageOutcome = {
  status: 404,
  html: renderPage('This link is not valid', [
    'The link may have been used already, have expired, or have been copied incompletely.',
    'If you still want the summary, ask your DfE liaison or an administrator to subscribe you again.',
  ]),
};

async function liveToken(
  token: string | undefined,
  purpose: 'confirm' | 'unsubscribe',
  deps: SubscriptionDeps,
) {
  if (!token || !TOKEN.test(token)) return undefined;
  const hash = hashToken(token);
  const stored = await deps.subscriptions.findToken(hash);
  if (!stored || stored.purpose !== purpose || stored.expiresAt <= deps.now().toISOString()) return undefined;
  return { hash, stored };
}

/** GET /subscriptions/confirm?token=…: confirms the subscription; the link works once. */
export async function confirmByLink(token: string | undefined, deps: SubscriptionDeps): Promise<PageOutcome> {
  const found = await liveToken(token, 'confirm', deps);
  if (!found || !(await deps.subscriptions.useToken(found.hash))) return LINK_NOT_VALID;
  const subscription = await deps.subscriptions.get(found.stored.subscriptionId);
  if (
    !subscription ||
    (await deps.subscriptions.confirm(subscription.subscriptionId, deps.now().toISOString())) === 'missing'
  )
    return LINK_NOT_VALID;
  return {
    status: 200,
    html: renderPage('Subscription confirmed', [
      `You will get ${describeSubscription(subscription)}.`,
      'Every email has a link to unsubscribe.',
    ]),
  };
}

/** GET /subscriptions/unsubscribe?token=…: asks before unsubscribing (link checkers open links too). */
export async function unsubscribePage(
  token: string | undefined,
  deps: SubscriptionDeps,
): Promise<PageOutcome> {
  const found = await liveToken(token, 'unsubscribe', deps);
  if (!found) return LINK_NOT_VALID;
  const subscription = await deps.subscriptions.get(found.stored.subscriptionId);
  if (!subscription) return unsubscribed();
  return {
    status: 200,
    html: renderPage(
      'Unsubscribe',
      [`Stop getting ${describeSubscription(subscription)} at ${subscription.email}?`],
      { action: unsubscribeUrl(deps.apiUrl, token!), button: 'Unsubscribe' },
    ),
  };
}

function unsubscribed(): PageOutcome {
  return {
    status: 200,
    html: renderPage('You have unsubscribed', [
      'You will not get any more emails from this subscription.',
      'If this was a mistake, ask your DfE liaison or an administrator to subscribe you again.',
    ]),
  };
}

/** POST /subscriptions/unsubscribe?token=…: one-click unsubscribe (RFC 8058), and the page's button. */
export async function unsubscribeByLink(
  token: string | undefined,
  deps: SubscriptionDeps,
): Promise<PageOutcome> {
  const found = await liveToken(token, 'unsubscribe', deps);
  if (!found) return LINK_NOT_VALID;
  await deps.subscriptions.remove(found.stored.subscriptionId);
  return unsubscribed();
}
