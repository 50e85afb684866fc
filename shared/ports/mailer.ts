// Ports: sending an email, and the ledger that makes each message reach each recipient once.

/** A message SES builds from parts: a subject, a plain-text body and an optional HTML body. */
export interface OutgoingEmail {
  readonly from: string;
  /** One mailbox per email: exactly-once delivery is counted per recipient. */
  readonly to: string;
  readonly subject: string;
  /** Always sent: it is what a plain mail client shows. */
  readonly text: string;
  readonly html?: string;
  readonly replyTo?: readonly string[];
  /**
   * Extra headers, e.g. `List-Unsubscribe` and `List-Unsubscribe-Post`. Names SES sets itself (From, To,
   * Subject, Date, Message-ID, MIME-Version, Content-Type…) are refused by SES.
   */
  readonly headers?: readonly { readonly name: string; readonly value: string }[];
}

/** A complete MIME message, sent as is (for what SES cannot build from parts). */
export interface RawEmail {
  /** The envelope sender; the message's own From header is used when absent. */
  readonly from?: string;
  /** The envelope recipients; the message's own To/Cc/Bcc are used when absent. */
  readonly to?: readonly string[];
  /** RFC 5322 message, CRLF line endings. */
  readonly mime: string | Uint8Array;
}

export interface Mailer {
  /** Resolves with the provider's message id; rejects with a MailerError. */
  send(email: OutgoingEmail): Promise<{ messageId: string }>;
  /** Resolves with the provider's message id; rejects with a MailerError. */
  sendRaw(email: RawEmail): Promise<{ messageId: string }>;
}

/** A failed send, with whether trying again later can help (throttling, an outage) or not (a rejection). */
export class MailerError extends Error {
  override name = 'MailerError';
  constructor(
    message: string,
    readonly retryable: boolean,
    /** The provider's error name, e.g. TooManyRequestsException. */
    readonly code: string,
  ) {
    super(message);
  }
}

/** One message to one mailbox: the business key of exactly-once delivery. */
export interface SendKey {
  /** What is being sent, e.g. an alert's eventId (`{la}#{version}`) or a digest's id. */
  readonly alertId: string;
  /** Lower-case address. */
  readonly recipient: string;
}

/**
 * 'claimed': this caller holds the lease and must send, then markSent (or markFailed).
 * 'sent': already sent; skip. 'busy': another consumer holds a live lease; try again after it.
 */
export type ClaimOutcome =
  | { kind: 'claimed'; token: string }
  | { kind: 'sent' }
  | { kind: 'busy'; until: string };

export interface SendLedger {
  /**
   * A conditional write: succeeds only when there is no claim yet, the last attempt failed, or the last
   * claim's lease ran out unsent (its holder died). A live claim or a sent message is never taken over.
   */
  claim(key: SendKey, now: Date, leaseMs: number): Promise<ClaimOutcome>;
  markSent(key: SendKey, token: string, messageId: string, now: Date): Promise<void>;
  /** Records why the send failed and frees the claim, so a retry need not wait for the lease. */
  markFailed(key: SendKey, token: string, reason: string, now: Date): Promise<void>;
}
