// Use case: a RiskChanged alert becomes one email to each active adviser of the council's region, or, for an
// adviser who asked for a digest, a held alert that the next digest flush sends with the others.
//
// Exactly once per alert and mailbox: before sending, a claim on (alert id, recipient) is written
// conditionally, with a lease; after the send it is marked sent. A redelivered alert, a retry or a second
// consumer finds the claim and skips that mailbox (or, while another consumer's lease is live, fails so SQS
// tries again later). A consumer that dies between claim and send leaves a lease that runs out, and the
// retry sends. The one gap left is a crash after SES accepted the email and before it is marked sent: SES
// has no idempotency key, so that email would be sent again once the lease runs out.
//
// A throttled or failing SES is retried with a growing, bounded pause inside the invocation; then the
// alert fails with the reasons (also kept on the ledger record), SQS redelivers it (recipients already sent
// are skipped) and after the queue's last receive it rests in the dead-letter queue.
import { IndicatorsRecomputedV1Schema } from '../../events/indicators-recomputed.ts';
import { type RiskChangedV1, RiskChangedV1Schema } from '../../events/risk-changed.ts';
import { planDigests } from '../domain/adviser-digest.ts';
import {
  type AlertEmailInput,
  type IntelligenceSummary,
  renderAlertEmail,
  renderDigestEmail,
} from '../domain/alert-email.ts';
import { findCouncil, REGIONS } from '../domain/councils.ts';
import { alertRecipients } from '../domain/directory.ts';
import { CATEGORY_LABELS, countsOn, type IntelligenceItem } from '../domain/intelligence.ts';
import type { AlertHistory, DigestStore } from '../ports/adviser-alerts.ts';
import type { DirectoryStore } from '../ports/directory.ts';
import type { IntelligenceStore } from '../ports/intelligence.ts';
import { type Mailer, MailerError, type OutgoingEmail, type SendLedger } from '../ports/mailer.ts';
import { messageJson, PoisonMessageError, readEvent } from './queue-messages.ts';

export interface RetryPolicy {
  /** Sends tried per recipient in one invocation, the first included. */
  readonly attempts: number;
  readonly baseDelayMs: number;
  readonly maxDelayMs: number;
}

export const DEFAULT_RETRY: RetryPolicy = { attempts: 4, baseDelayMs: 250, maxDelayMs: 4000 };
/** Must outlast one invocation (the function's time-out); the stack sets twice the time-out. */
export const DEFAULT_LEASE_MS = 120_000;

export interface SendDeps {
  readonly ledger: SendLedger;
  readonly mailer: Pick<Mailer, 'send'>;
  readonly fromAddress: string;
  readonly now: () => Date;
  readonly leaseMs?: number;
  readonly retry?: RetryPolicy;
  readonly sleep?: (ms: number) => Promise<void>;
  /** Jitter source in [0, 1); fixed in tests. */
  readonly random?: () => number;
  readonly onRetry?: (details: {
    recipient: string;
    attempt: number;
    delayMs: number;
    reason: string;
  }) => void;
}

export interface NotifyDeps extends SendDeps {
  readonly directory: Pick<DirectoryStore, 'activeAdvisersInRegion'>;
  readonly history: AlertHistory;
  readonly digests: Pick<DigestStore, 'hold'>;
  readonly intelligence: Pick<IntelligenceStore, 'listForCouncil'>;
  /** The web app's base address. */
  readonly appUrl: string;
}

export interface FlushDeps extends SendDeps {
  readonly directory: Pick<DirectoryStore, 'listAdvisers'>;
  readonly digests: DigestStore;
}

export interface DeliveryFailure {
  readonly recipient: string;
  readonly reason: string;
}

/** Some recipients were not sent to; those that were are recorded and will be skipped on the retry. */
export class AlertDeliveryError extends Error {
  override name = 'AlertDeliveryError';
  constructor(
    readonly alertId: string,
    readonly failures: readonly DeliveryFailure[],
  ) {
    super(
      `${alertId} was not delivered to ${failures.length} recipient(s): ${failures
        .map((failure) => `${failure.recipient}: ${failure.reason}`)
        .join('; ')}`,
    );
  }
}

export type AlertMessage =
  | { kind: 'risk-changed'; event: RiskChangedV1 }
  | { kind: 'ignored'; type: string; eventId: string };

/** Reads an AlertQueue message: RiskChanged to act on, IndicatorsRecomputed to acknowledge, nothing else. */
export function readAlertMessage(body: string): AlertMessage {
  const raw = messageJson(body);
  const type = (raw as { type?: unknown })?.type;
  if (type === 'IndicatorsRecomputed') {
    const event = readEvent(raw, IndicatorsRecomputedV1Schema, 'an IndicatorsRecomputed v1 event');
    return { kind: 'ignored', type, eventId: event.eventId };
  }
  if (type !== 'RiskChanged') {
    throw new PoisonMessageError(`Unexpected message type on AlertQueue: ${JSON.stringify(type ?? null)}`);
  }
  return { kind: 'risk-changed', event: readEvent(raw, RiskChangedV1Schema, 'a RiskChanged v1 event') };
}

export function councilUrl(appUrl: string, la: string): string {
  return `${appUrl.replace(/\/+$/, '')}/councils/${encodeURIComponent(la)}`;
}

/**
 * Intelligence recorded or amended after the previous alert and by this one (so a redelivery renders the
 * same list); with no previous alert, whatever counts on the assessment date. Newest first; category,
 * severity and date only, never the narrative.
 */
export function intelligenceSince(
  items: readonly IntelligenceItem[],
  event: RiskChangedV1,
  since: string | undefined,
): IntelligenceSummary[] {
  return items
    .filter((item) => item.status === 'active')
    .filter((item) =>
      since === undefined
        ? countsOn(item, event.asOf)
        : item.updatedAt > since && item.updatedAt <= event.occurredAt,
    )
    .sort((a, b) => b.observedOn.localeCompare(a.observedOn) || a.itemId.localeCompare(b.itemId))
    .map((item) => ({
      category: CATEGORY_LABELS[item.category],
      severity: item.severity,
      observedOn: item.observedOn,
    }));
}

/** What an alert says, the same for every recipient. */
export async function alertEmailInput(event: RiskChangedV1, deps: NotifyDeps): Promise<AlertEmailInput> {
  const council = findCouncil(event.la);
  if (!council) throw new PoisonMessageError(`Council ${event.la} is not in the reference list.`);
  const since = await deps.history.previousAlertAt(event.la, event.occurredAt);
  const items = await deps.intelligence.listForCouncil(event.la, { includeWithdrawn: false });
  return {
    event,
    council,
    regionName: REGIONS[event.region] ?? event.region,
    intelligence: intelligenceSince(items, event, since),
    ...(since ? { since } : {}),
    councilUrl: councilUrl(deps.appUrl, event.la),
  };
}

/** Sends, pausing and trying again while the failure is worth retrying; the last error is rethrown. */
export async function sendWithRetry(email: OutgoingEmail, deps: SendDeps): Promise<{ messageId: string }> {
  const policy = deps.retry ?? DEFAULT_RETRY;
  const sleep = deps.sleep ?? ((ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms)));
  const random = deps.random ?? Math.random;
  for (let attempt = 1; ; attempt += 1) {
    try {
      return await deps.mailer.send(email);
    } catch (error) {
      const failure =
        error instanceof MailerError
          ? error
          : new MailerError(String((error as Error)?.message ?? error), true, 'Error');
      if (!failure.retryable || attempt >= policy.attempts) {
        throw new MailerError(
          `${failure.message} (gave up after ${attempt} attempt${attempt === 1 ? '' : 's'})`,
          failure.retryable,
          failure.code,
        );
      }
      // Exponential, with jitter in its upper half, so throttled consumers do not all come back at once.
      const ceiling = Math.min(policy.maxDelayMs, policy.baseDelayMs * 2 ** (attempt - 1));
      const delayMs = Math.round(ceiling * (0.5 + random() / 2));
      deps.onRetry?.({ recipient: email.to, attempt, delayMs, reason: failure.message });
      await sleep(delayMs);
    }
  }
}

export type DeliveryOutcome = 'sent' | 'already-sent' | { failed: string };

/** Claims, sends and records one email to one mailbox. Shared by single alerts and digests. */
export async function deliverOnce(
  alertId: string,
  email: OutgoingEmail,
  deps: SendDeps,
): Promise<DeliveryOutcome> {
  const key = { alertId, recipient: email.to };
  const claim = await deps.ledger.claim(key, deps.now(), deps.leaseMs ?? DEFAULT_LEASE_MS);
  if (claim.kind === 'sent') return 'already-sent';
  if (claim.kind === 'busy') {
    return {
      failed: `another consumer is sending it (its claim lasts until ${claim.until}); retried after that`,
    };
  }
  let messageId: string;
  try {
    ({ messageId } = await sendWithRetry(email, deps));
  } catch (error) {
    const reason = (error as Error).message;
    // Not sent: record why and free the claim, so the SQS retry can send at once rather than after the lease.
    await deps.ledger.markFailed(key, claim.token, reason, deps.now());
    return { failed: reason };
  }
  await deps.ledger.markSent(key, claim.token, messageId, deps.now());
  return 'sent';
}

export interface NotifyOutcome {
  readonly eventId: string;
  readonly recipients: readonly string[];
  readonly sent: readonly string[];
  /** Sent by an earlier delivery of the same alert, or by another consumer. */
  readonly alreadySent: readonly string[];
  /** Advisers who receive a digest: the alert waits for their next one. */
  readonly held: readonly string[];
}

export async function notifyAdvisers(event: RiskChangedV1, deps: NotifyDeps): Promise<NotifyOutcome> {
  const input = await alertEmailInput(event, deps);
  const recipients = alertRecipients(await deps.directory.activeAdvisersInRegion(event.region), event.region);
  const rendered = renderAlertEmail(input);
  const sent: string[] = [];
  const alreadySent: string[] = [];
  const held: string[] = [];
  const failures: DeliveryFailure[] = [];
  // One at a time: SES quotas are per second, and a failure for one mailbox must not stop the others.
  for (const recipient of recipients) {
    if (recipient.delivery === 'digest') {
      await deps.digests.hold({
        adviserId: recipient.adviserId,
        eventId: event.eventId,
        occurredAt: event.occurredAt,
        input,
      });
      held.push(recipient.email);
      continue;
    }
    const outcome = await deliverOnce(
      event.eventId,
      { from: deps.fromAddress, to: recipient.email, ...rendered },
      deps,
    );
    if (outcome === 'sent') sent.push(recipient.email);
    else if (outcome === 'already-sent') alreadySent.push(recipient.email);
    else failures.push({ recipient: recipient.email, reason: outcome.failed });
  }
  if (failures.length > 0) throw new AlertDeliveryError(`Alert ${event.eventId}`, failures);
  // Only a fully handled alert moves "since the last alert" on, so a retried one lists the same items.
  await deps.history.recordAlert(event.la, event.occurredAt, event.eventId);
  return { eventId: event.eventId, recipients: recipients.map((r) => r.email), sent, alreadySent, held };
}

export interface FlushOutcome {
  /** Digest ids sent now, or found already sent by an earlier flush. */
  readonly sent: readonly string[];
  readonly alreadySent: readonly string[];
  /** Digests another flush took first; it sends them. */
  readonly leftToOtherFlush: readonly string[];
  /** Held alerts dropped because their adviser is no longer active (or no longer listed). */
  readonly dropped: readonly { adviserId: string; eventId: string }[];
}

/**
 * Sends one email per adviser with held alerts, combining them. Alerts are taken into a digest (all or
 * none) before it is sent, so a flush that stops half-way, or two flushes at once, still send each alert in
 * exactly one digest, and each digest once.
 */
export async function flushDigests(deps: FlushDeps): Promise<FlushOutcome> {
  const held = await deps.digests.listHeld();
  if (held.length === 0) return { sent: [], alreadySent: [], leftToOtherFlush: [], dropped: [] };
  const advisers = new Map(
    (await deps.directory.listAdvisers()).map((adviser) => [adviser.adviserId, adviser]),
  );
  const sent: string[] = [];
  const alreadySent: string[] = [];
  const leftToOtherFlush: string[] = [];
  const dropped: { adviserId: string; eventId: string }[] = [];
  const failures: DeliveryFailure[] = [];
  for (const plan of planDigests(held, deps.now())) {
    const adviser = advisers.get(plan.adviserId);
    if (!adviser?.active) {
      await deps.digests.release(plan.alerts);
      dropped.push(...plan.alerts.map(({ adviserId, eventId }) => ({ adviserId, eventId })));
      continue;
    }
    if (plan.fresh && !(await deps.digests.assign(plan.alerts, plan.digestId))) {
      leftToOtherFlush.push(plan.digestId);
      continue;
    }
    const rendered = renderDigestEmail(plan.alerts.map((alert) => alert.input));
    const outcome = await deliverOnce(
      plan.digestId,
      { from: deps.fromAddress, to: adviser.email, ...rendered },
      deps,
    );
    if (outcome === 'sent' || outcome === 'already-sent') {
      await deps.digests.release(plan.alerts);
      (outcome === 'sent' ? sent : alreadySent).push(plan.digestId);
    } else {
      failures.push({ recipient: adviser.email, reason: `${plan.digestId}: ${outcome.failed}` });
    }
  }
  if (failures.length > 0) throw new AlertDeliveryError('The digest flush', failures);
  return { sent, alreadySent, leftToOtherFlush, dropped };
}
