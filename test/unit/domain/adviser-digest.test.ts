// Unit: digest planning (which held alerts go into which email) and who receives an alert.
import { describe, expect, it } from 'vitest';
import { type HeldAlert, MAX_ALERTS_PER_DIGEST, planDigests } from '../../../shared/domain/adviser-digest.ts';
import type { AlertEmailInput } from '../../../shared/domain/alert-email.ts';
import { type Adviser, alertRecipients } from '../../../shared/domain/directory.ts';

const FLUSH = new Date('2026-11-20T12:00:00.000Z');

function held(adviserId: string, minute: number, digestId?: string): HeldAlert {
  const occurredAt = new Date(Date.UTC(2026, 10, 20, 10, minute)).toISOString();
  return {
    adviserId,
    eventId: `886#${minute + 1}`,
    occurredAt,
    ...(digestId ? { digestId } : {}),
    input: { event: { eventId: `886#${minute + 1}` } } as unknown as AlertEmailInput,
  };
}

describe('planDigests', () => {
  it('gives each adviser one digest of their held alerts, oldest first', () => {
    const plans = planDigests([held('se-2', 30), held('se-1', 5), held('se-2', 10), held('ld-1', 0)], FLUSH);

    expect(
      plans.map((plan) => [plan.adviserId, plan.alerts.map((alert) => alert.eventId), plan.fresh]),
    ).toEqual([
      ['ld-1', ['886#1'], true],
      ['se-1', ['886#6'], true],
      ['se-2', ['886#11', '886#31'], true],
    ]);
    expect(plans[2]!.digestId).toBe('digest:se-2:2026-11-20T12:00:00.000Z:1');
    expect(new Set(plans.map((plan) => plan.digestId)).size).toBe(3);
  });

  it('keeps alerts an earlier flush took into a digest in that digest, and puts new ones in a new one', () => {
    const earlier = 'digest:se-1:2026-11-20T11:00:00.000Z:1';
    const plans = planDigests([held('se-1', 1, earlier), held('se-1', 2), held('se-1', 0, earlier)], FLUSH);

    expect(plans).toEqual([
      {
        adviserId: 'se-1',
        digestId: earlier,
        alerts: [held('se-1', 0, earlier), held('se-1', 1, earlier)],
        fresh: false,
      },
      {
        adviserId: 'se-1',
        digestId: 'digest:se-1:2026-11-20T12:00:00.000Z:1',
        alerts: [held('se-1', 2)],
        fresh: true,
      },
    ]);
  });

  it('splits a long backlog into readable emails of at most MAX_ALERTS_PER_DIGEST alerts', () => {
    const backlog = Array.from({ length: MAX_ALERTS_PER_DIGEST + 3 }, (_, minute) => held('se-1', minute));
    const plans = planDigests(backlog, FLUSH);

    expect(plans.map((plan) => plan.alerts.length)).toEqual([MAX_ALERTS_PER_DIGEST, 3]);
    expect(plans.map((plan) => plan.digestId)).toEqual([
      'digest:se-1:2026-11-20T12:00:00.000Z:1',
      'digest:se-1:2026-11-20T12:00:00.000Z:2',
    ]);
    expect(plans.flatMap((plan) => plan.alerts)).toEqual(backlog);
  });

  it('plans nothing when nothing is held', () => {
    expect(planDigests([], FLUSH)).toEqual([]);
  });
});

describe('alertRecipients', () => {
  const adviser = (overrides: Partial<Adviser>): Adviser => ({
    adviserId: 'se-1',
    name: 'Adviser',
    email: 'one@advisers.example.gov.uk',
    region: 'south-east',
    role: 'principal',
    delivery: 'immediate',
    active: true,
    updatedAt: '2026-11-01T00:00:00.000Z',
    updatedBy: 'admin',
    ...overrides,
  });

  it('is the active advisers of the region, one per mailbox, immediate delivery winning over digest', () => {
    const recipients = alertRecipients(
      [
        adviser({ adviserId: 'se-1', email: 'Two@Advisers.example.gov.uk', delivery: 'digest' }),
        adviser({ adviserId: 'se-2', email: 'two@advisers.example.gov.uk', role: 'improvement' }),
        adviser({ adviserId: 'se-3', email: 'one@advisers.example.gov.uk' }),
        adviser({ adviserId: 'se-4', email: 'gone@advisers.example.gov.uk', active: false }),
        adviser({ adviserId: 'ld-1', email: 'london@advisers.example.gov.uk', region: 'london' }),
      ],
      'south-east',
    );

    expect(recipients.map((r) => [r.adviserId, r.email, r.delivery])).toEqual([
      ['se-3', 'one@advisers.example.gov.uk', 'immediate'],
      ['se-2', 'two@advisers.example.gov.uk', 'immediate'],
    ]);
  });
});
