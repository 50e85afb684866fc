// Domain: digest mode. Alerts for an adviser who asked for a digest are held, then sent together once per
// digest window. Pure planning: which held alerts go into which email, and under which digest id.
import type { AlertEmailInput } from './alert-email.ts';

/** One alert held for one adviser until the next digest. */
export interface HeldAlert {
  readonly adviserId: string;
  readonly eventId: string;
  readonly occurredAt: string;
  /** Set once a flush has taken the alert into a digest; the digest is then sent under this id. */
  readonly digestId?: string;
  /** What the alert says (no narrative: intelligence by category, severity and date only). */
  readonly input: AlertEmailInput;
}

/** One digest email to one adviser. */
export interface DigestPlan {
  readonly adviserId: string;
  readonly digestId: string;
  /** Oldest first. */
  readonly alerts: readonly HeldAlert[];
  /** True when the alerts still have to be taken into the digest (tagged with its id) before it is sent. */
  readonly fresh: boolean;
}

/** More than this many alerts in one email stops being readable; the rest go in a second digest. */
export const MAX_ALERTS_PER_DIGEST = 25;

const byTime = (a: HeldAlert, b: HeldAlert) =>
  a.occurredAt.localeCompare(b.occurredAt) || a.eventId.localeCompare(b.eventId);

/**
 * Groups held alerts into digests: alerts already taken into a digest by an earlier flush stay in that
 * digest (so a flush that stopped half-way finishes the same email, never a second one); the others are
 * grouped per adviser, oldest first, under a new id made from the adviser, the flush time and a counter.
 */
export function planDigests(held: readonly HeldAlert[], flushedAt: Date): DigestPlan[] {
  const byAdviser = new Map<string, HeldAlert[]>();
  for (const alert of held) {
    const list = byAdviser.get(alert.adviserId) ?? [];
    list.push(alert);
    byAdviser.set(alert.adviserId, list);
  }
  const plans: DigestPlan[] = [];
  for (const adviserId of [...byAdviser.keys()].sort()) {
    const alerts = [...byAdviser.get(adviserId)!].sort(byTime);
    const started = new Map<string, HeldAlert[]>();
    const untaken: HeldAlert[] = [];
    for (const alert of alerts) {
      if (alert.digestId === undefined) untaken.push(alert);
      else started.set(alert.digestId, [...(started.get(alert.digestId) ?? []), alert]);
    }
    for (const [digestId, members] of [...started.entries()].sort(([a], [b]) => a.localeCompare(b))) {
      plans.push({ adviserId, digestId, alerts: members, fresh: false });
    }
    for (let start = 0, part = 1; start < untaken.length; start += MAX_ALERTS_PER_DIGEST, part += 1) {
      plans.push({
        adviserId,
        digestId: digestId(adviserId, flushedAt, part),
        alerts: untaken.slice(start, start + MAX_ALERTS_PER_DIGEST),
        fresh: true,
      });
    }
  }
  return plans;
}

export function digestId(adviserId: string, flushedAt: Date, part: number): string {
  return `digest:${adviserId}:${flushedAt.toISOString()}:${part}`;
}
