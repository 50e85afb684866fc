// Domain: the directory of regional advisers who receive risk alerts. A principal adviser and any number of
// improvement advisers per region; an adviser is deactivated rather than deleted, so past sends stay
// explainable.

export const ADVISER_ROLES = ['principal', 'improvement'] as const;
export type AdviserRole = (typeof ADVISER_ROLES)[number];

export const ADVISER_DELIVERIES = ['immediate', 'digest'] as const;
/** `immediate`: one email per alert. `digest`: alerts are held and sent together once per digest window. */
export type AdviserDelivery = (typeof ADVISER_DELIVERIES)[number];

/** Lower-case letters, digits and hyphens: the id sits in an address and in a table key. */
export const ADVISER_ID = /^[a-z0-9](?:[a-z0-9-]{0,62}[a-z0-9])?$/;

export interface Adviser {
  readonly adviserId: string;
  readonly name: string;
  /** Stored lower-case, so one mailbox is one recipient. */
  readonly email: string;
  /** Region slug, e.g. "south-east". */
  readonly region: string;
  readonly role: AdviserRole;
  readonly delivery: AdviserDelivery;
  readonly active: boolean;
  readonly updatedAt: string;
  readonly updatedBy: string;
}

export function normaliseEmail(email: string): string {
  return email.trim().toLowerCase();
}

/**
 * The active advisers of a region, one per mailbox: an address listed twice (say as principal and as
 * improvement adviser) is still one recipient and gets one email.
 */
export function alertRecipients(advisers: readonly Adviser[], region: string): Adviser[] {
  const byEmail = new Map<string, Adviser>();
  for (const adviser of advisers) {
    if (!adviser.active || adviser.region !== region) continue;
    const email = normaliseEmail(adviser.email);
    const listed = byEmail.get(email);
    // Listed twice with different preferences: the mailbox asked for immediate alerts at least once.
    if (!listed || (listed.delivery === 'digest' && adviser.delivery === 'immediate')) {
      byEmail.set(email, { ...adviser, email });
    }
  }
  return [...byEmail.values()].sort((a, b) => a.email.localeCompare(b.email));
}
