// Port: DfE subscriptions, the hashes of the tokens in their links, the ledger that sends each summary to
// each subscriber once, and sending an email with list headers (List-Unsubscribe, RFC 8058).
import type { Subscription } from '../domain/dfe-subscriptions.ts';
import type { OutgoingEmail } from './mailer.ts';

export type TokenPurpose = 'confirm' | 'unsubscribe';

export interface StoredToken {
  readonly purpose: TokenPurpose;
  readonly subscriptionId: string;
  /** ISO time after which the link no longer works. */
  readonly expiresAt: string;
}

export interface SubscriptionStore {
  get(subscriptionId: string): Promise<Subscription | undefined>;
  /** Every subscription (DfE subscribers are few: one partition holds them all). */
  list(): Promise<Subscription[]>;
  /** Creates or replaces the subscription (a repeated request resets an unconfirmed one). */
  put(subscription: Subscription): Promise<void>;
  /** 'confirmed' once; 'missing' when the subscription is gone. Confirming twice is not an error. */
  confirm(subscriptionId: string, at: string): Promise<'confirmed' | 'missing'>;
  /** Removes the subscription and what it was, if it was there. */
  remove(subscriptionId: string): Promise<Subscription | undefined>;
  /** Keeps the hash of a token sent in a link. */
  saveToken(tokenHash: string, token: StoredToken): Promise<void>;
  findToken(tokenHash: string): Promise<StoredToken | undefined>;
  /** Removes a single-use token; false when it was already used. */
  useToken(tokenHash: string): Promise<boolean>;
}

/** One summary to one subscription: the business key of exactly-once delivery. */
export interface DeliveryKey {
  readonly summaryId: string;
  readonly subscriptionId: string;
}

export type DeliveryClaim = { kind: 'claimed'; token: string } | { kind: 'sent' } | { kind: 'busy' };

export interface DeliveryLedger {
  /** Succeeds only when nobody claimed the delivery, or the last claim's lease ran out unsent. */
  claim(key: DeliveryKey, now: Date, leaseMs: number): Promise<DeliveryClaim>;
  markSent(key: DeliveryKey, token: string, messageId: string, now: Date): Promise<void>;
  /** Gives the claim up after a failed send, so a retry need not wait for the lease. */
  release(key: DeliveryKey, token: string): Promise<void>;
}

export interface ListEmail extends OutgoingEmail {
  /** Extra headers, e.g. List-Unsubscribe and List-Unsubscribe-Post. */
  readonly headers: readonly { readonly name: string; readonly value: string }[];
}

export interface ListMailer {
  /** Resolves with the provider's message id; rejects with a MailerError. */
  send(email: ListEmail): Promise<{ messageId: string }>;
}
