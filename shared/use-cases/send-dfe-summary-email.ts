// Use case: one SummaryEmailDue becomes one email to one confirmed subscriber, exactly once per summary and
// subscription. Before sending, a claim on (summaryId, subscriptionId) is written conditionally with a lease;
// after the send it is marked sent, so a redelivered message finds it and sends nothing. The one gap left is a
// crash after SES accepted the email and before it was marked sent (SES has no idempotency key): that email
// would go again once the lease runs out. Each email carries its own one-click unsubscribe link (RFC 8058),
// whose token is kept only as a hash.
import type { SummaryEmailDueV1 } from '../../events/dfe-digest.ts';
import {
  hashToken,
  listUnsubscribeHeaders,
  renderSummaryEmail,
  UNSUBSCRIBE_TOKEN_DAYS,
} from '../domain/dfe-subscriptions.ts';
import { FEED_PATHS } from '../domain/feeds.ts';
import { MailerError } from '../ports/mailer.ts';
import type { DeliveryLedger, ListMailer, SubscriptionStore } from '../ports/subscriptions.ts';
import type { SummaryStore } from '../ports/summaries.ts';
import { PoisonMessageError } from './queue-messages.ts';

/** Longer than one invocation can spend on an email (the function's time-out stays below it). */
export const DEFAULT_LEASE_MS = 120_000;

export interface SendDeps {
  readonly summaries: Pick<SummaryStore, 'get'>;
  readonly subscriptions: Pick<SubscriptionStore, 'get' | 'saveToken'>;
  readonly ledger: DeliveryLedger;
  readonly mailer: ListMailer;
  readonly fromAddress: string;
  /** The API's address, without a trailing slash: the links in the email point to it. */
  readonly apiUrl: string;
  /** The web app's address, without a trailing slash: the email links to the national page there. */
  readonly appUrl: string;
  /** A new random link token (32 random bytes, base64url). */
  readonly newToken: () => string;
  readonly now: () => Date;
  readonly leaseMs?: number;
}

export type SendOutcome =
  | { readonly kind: 'sent'; readonly messageId: string }
  | { readonly kind: 'already-sent' }
  | { readonly kind: 'not-subscribed' };

export const unsubscribeUrl = (apiUrl: string, token: string) =>
  `${apiUrl.replace(/\/+$/, '')}/subscriptions/unsubscribe?token=${encodeURIComponent(token)}`;

export async function sendSummaryEmail(message: SummaryEmailDueV1, deps: SendDeps): Promise<SendOutcome> {
  const key = { summaryId: message.summaryId, subscriptionId: message.subscriptionId };
  const stored = await deps.summaries.get(message.summaryId);
  if (!stored) throw new PoisonMessageError(`There is no summary ${message.summaryId} to send.`);
  const subscription = await deps.subscriptions.get(message.subscriptionId);
  // Unsubscribed (or never confirmed) since the summary was published: nothing to send, and nothing to retry.
  if (subscription?.status !== 'confirmed') return { kind: 'not-subscribed' };

  const now = deps.now();
  const claim = await deps.ledger.claim(key, now, deps.leaseMs ?? DEFAULT_LEASE_MS);
  if (claim.kind === 'sent') return { kind: 'already-sent' };
  if (claim.kind === 'busy')
    throw new Error(
      `Another attempt is sending summary ${key.summaryId} to ${key.subscriptionId}; retrying later`,
    );

  let messageId: string;
  try {
    const token = deps.newToken();
    await deps.subscriptions.saveToken(hashToken(token), {
      purpose: 'unsubscribe',
      subscriptionId: subscription.subscriptionId,
      expiresAt: new Date(now.getTime() + UNSUBSCRIBE_TOKEN_DAYS * 86_400_000).toISOString(),
    });
    const link = unsubscribeUrl(deps.apiUrl, token);
    const email = renderSummaryEmail(stored.summary, subscription, {
      unsubscribeUrl: link,
      feedUrl: `${deps.apiUrl.replace(/\/+$/, '')}${FEED_PATHS.atom}`,
      appUrl: `${deps.appUrl.replace(/\/+$/, '')}/england`,
    });
    ({ messageId } = await deps.mailer.send({
      from: deps.fromAddress,
      to: subscription.email,
      ...email,
      headers: listUnsubscribeHeaders(link),
    }));
  } catch (error) {
    // Not sent: give the claim up so the retry need not wait for the lease.
    await deps.ledger.release(key, claim.token);
    if (error instanceof MailerError && !error.retryable)
      throw new PoisonMessageError(`SES will not send this email: ${error.message}`);
    throw error;
  }
  // Sent: from here a failure must not release the claim, or the retry would send the email again.
  await deps.ledger.markSent(key, claim.token, messageId, deps.now());
  return { kind: 'sent', messageId };
}
