// Ports: what the notify function remembers about alerts it has handled — when each council was last
// alerted, and the alerts held for advisers who receive a digest.
import type { HeldAlert } from '../domain/adviser-digest.ts';

export interface AlertHistory {
  /** Notes that the council was alerted at `occurredAt` (idempotent). */
  recordAlert(la: string, occurredAt: string, eventId: string): Promise<void>;
  /** When the council was last alerted before `occurredAt`, if ever. */
  previousAlertAt(la: string, occurredAt: string): Promise<string | undefined>;
}

export interface DigestStore {
  /**
   * Holds the alert for the adviser's next digest. 'already-held' when this alert was held for this adviser
   * before (it may since have been sent): a redelivered alert never reaches a digest twice.
   */
  hold(alert: HeldAlert): Promise<'held' | 'already-held'>;
  /** Every held alert not yet sent, read consistently. */
  listHeld(): Promise<HeldAlert[]>;
  /**
   * Takes the alerts into the digest, all or none. False when another flush took any of them first (that
   * flush sends them).
   */
  assign(alerts: readonly HeldAlert[], digestId: string): Promise<boolean>;
  /** Forgets alerts once their digest is sent (or their adviser is no longer active). */
  release(alerts: readonly HeldAlert[]): Promise<void>;
}
