import { describe, expect, it } from 'vitest';
import {
  hashToken,
  listUnsubscribeHeaders,
  renderPage,
  type Subscription,
  wantsSummary,
} from '../../../shared/domain/dfe-subscriptions.ts';
import type { Role } from '../../../shared/domain/roles.ts';
import type { ListEmail, StoredToken, SubscriptionStore } from '../../../shared/ports/subscriptions.ts';
import {
  type Caller,
  confirmByLink,
  deleteSubscription,
  listSubscriptions,
  type SubscriptionDeps,
  subscribe,
  unsubscribeByLink,
  unsubscribePage,
} from '../../../shared/use-cases/dfe-subscriptions.ts';

/** Behaves as the Dynamo adapter does: tokens by hash, single-use deletion, confirm only what exists. */
class MemorySubscriptions implements SubscriptionStore {
  readonly subscriptions = new Map<string, Subscription>();
  readonly tokens = new Map<string, StoredToken>();
  async get(id: string) {
    return this.subscriptions.get(id);
  }
  async list() {
    return [...this.subscriptions.values()];
  }
  async put(subscription: Subscription) {
    this.subscriptions.set(subscription.subscriptionId, subscription);
  }
  async confirm(id: string, at: string) {
    const existing = this.subscriptions.get(id);
    if (!existing) return 'missing' as const;
    this.subscriptions.set(id, { ...existing, status: 'confirmed', confirmedAt: existing.confirmedAt ?? at });
    return 'confirmed' as const;
  }
  async remove(id: string) {
    const existing = this.subscriptions.get(id);
    this.subscriptions.delete(id);
    return existing;
  }
  async saveToken(hash: string, token: StoredToken) {
    this.tokens.set(hash, token);
  }
  async findToken(hash: string) {
    return this.tokens.get(hash);
  }
  async useToken(hash: string) {
    return this.tokens.delete(hash);
  }
}

function setUp() {
  const store = new MemorySubscriptions();
  const sent: ListEmail[] = [];
  let counter = 0;
  let clock = new Date('2026-11-23T09:00:00.000Z');
  const deps: SubscriptionDeps = {
    subscriptions: store,
    mailer: {
      send: async (email) => {
        sent.push(email);
        return { messageId: `m${sent.length}` };
      },
    },
    fromAddress: 'summaries@upstream.example.gov.uk',
    apiUrl: 'https://api.example.gov.uk/',
    newToken: () => `${String(counter++).padStart(3, '0')}${'A'.repeat(40)}`,
    now: () => clock,
  };
  return { store, sent, deps, setClock: (at: string) => (clock = new Date(at)) };
}

const caller = (roles: Role[], subject: string): Caller => ({ roles, subject });
const DFE = caller([{ kind: 'dfe' }], 'dfe-1');
const OTHER_DFE = caller([{ kind: 'dfe' }], 'dfe-2');
const ADMIN = caller([{ kind: 'admin' }], 'admin-1');
const COUNCIL = caller([{ kind: 'council', la: '886' }], 'kent');
const tokenIn = (text: string, route: string) =>
  new URL(new RegExp(`https://\\S+/subscriptions/${route}\\?token=\\S+`).exec(text)![0]).searchParams.get(
    'token',
  )!;

describe('subscribing (double opt-in)', () => {
  it('refuses anyone but DfE and administrators, and bad requests in words', async () => {
    const { deps, sent } = setUp();
    expect(
      await subscribe({ email: 'a@education.gov.uk', scope: 'national', cadence: 'weekly' }, COUNCIL, deps),
    ).toMatchObject({
      ok: false,
      status: 403,
    });
    const bad = await subscribe({ email: 'nope', scope: 'mars', cadence: 'daily' }, DFE, deps);
    expect(bad).toMatchObject({ ok: false, status: 400 });
    if (!bad.ok) {
      expect(bad.message).toContain('Enter an email address in the correct format');
      expect(bad.message).toContain('The scope must be "national" or one of the regions');
      expect(bad.message).toContain('The cadence must be "weekly" or "on-change"');
    }
    expect(sent).toEqual([]);
  });

  it('keeps the subscription pending and sends one confirmation email whose link works once', async () => {
    const { deps, sent, store } = setUp();
    const outcome = await subscribe(
      { email: 'Ana@Education.gov.uk', scope: 'london', cadence: 'weekly' },
      DFE,
      deps,
    );
    expect(outcome).toMatchObject({ ok: true, status: 202 });
    const [subscription] = await store.list();
    expect(subscription).toMatchObject({ email: 'ana@education.gov.uk', status: 'pending', owner: 'dfe-1' });
    expect(sent).toHaveLength(1);
    expect(sent[0]!.to).toBe('ana@education.gov.uk');
    expect(sent[0]!.headers).toEqual(
      listUnsubscribeHeaders(
        `https://api.example.gov.uk/subscriptions/unsubscribe?token=${tokenIn(sent[0]!.text, 'unsubscribe')}`,
      ),
    );
    // Only hashes are kept.
    const token = tokenIn(sent[0]!.text, 'confirm');
    expect(store.tokens.has(token)).toBe(false);
    expect(store.tokens.get(hashToken(token))?.purpose).toBe('confirm');

    const page = await confirmByLink(token, deps);
    expect(page.status).toBe(200);
    expect(page.html).toContain('Subscription confirmed');
    expect((await store.get(subscription!.subscriptionId))?.status).toBe('confirmed');
    expect((await confirmByLink(token, deps)).status).toBe(404);
  });

  it('refuses an expired, unknown, malformed or wrong-purpose link', async () => {
    const { deps, sent, setClock } = setUp();
    await subscribe({ email: 'a@education.gov.uk', scope: 'national', cadence: 'weekly' }, DFE, deps);
    const confirm = tokenIn(sent[0]!.text, 'confirm');
    const unsubscribe = tokenIn(sent[0]!.text, 'unsubscribe');
    expect((await confirmByLink(unsubscribe, deps)).status).toBe(404);
    expect((await confirmByLink('short', deps)).status).toBe(404);
    expect((await confirmByLink(undefined, deps)).status).toBe(404);
    setClock('2026-12-01T09:00:00.000Z');
    expect((await confirmByLink(confirm, deps)).html).toContain('This link is not valid');
  });

  it('asking again for a confirmed subscription sends nothing; an unconfirmed one gets a new link', async () => {
    const { deps, sent } = setUp();
    const request = { email: 'a@education.gov.uk', scope: 'national', cadence: 'on-change' };
    await subscribe(request, DFE, deps);
    await subscribe(request, DFE, deps);
    expect(sent).toHaveLength(2);
    await confirmByLink(tokenIn(sent[1]!.text, 'confirm'), deps);
    expect(await subscribe(request, DFE, deps)).toMatchObject({ ok: true, status: 200 });
    expect(sent).toHaveLength(2);
  });
});

describe('unsubscribing', () => {
  it('GET asks (a link checker must not unsubscribe anyone); POST unsubscribes, and again is harmless', async () => {
    const { deps, sent, store } = setUp();
    await subscribe({ email: 'a@education.gov.uk', scope: 'national', cadence: 'weekly' }, DFE, deps);
    const token = tokenIn(sent[0]!.text, 'unsubscribe');
    const ask = await unsubscribePage(token, deps);
    expect(ask.html).toContain('<form method="post"');
    expect(await store.list()).toHaveLength(1);
    const done = await unsubscribeByLink(token, deps);
    expect(done.html).toContain('<h1>You have unsubscribed</h1>');
    expect(await store.list()).toEqual([]);
    expect((await unsubscribeByLink(token, deps)).html).toContain('You have unsubscribed');
  });
});

describe('listing and deleting', () => {
  it('shows DfE users their own subscriptions and administrators all; only the owner or an administrator deletes', async () => {
    const { deps } = setUp();
    await subscribe({ email: 'a@education.gov.uk', scope: 'national', cadence: 'weekly' }, DFE, deps);
    await subscribe({ email: 'b@education.gov.uk', scope: 'national', cadence: 'weekly' }, OTHER_DFE, deps);
    const own = await listSubscriptions(DFE, deps);
    expect(
      own.ok && (own.body as { subscriptions: { email: string }[] }).subscriptions.map((s) => s.email),
    ).toEqual(['a@education.gov.uk']);
    const all = await listSubscriptions(ADMIN, deps);
    expect(all.ok && (all.body as { subscriptions: unknown[] }).subscriptions).toHaveLength(2);
    expect((await listSubscriptions(COUNCIL, deps)).ok).toBe(false);

    const theirs = (await deps.subscriptions.list()).find((s) => s.owner === 'dfe-2')!.subscriptionId;
    expect(await deleteSubscription(theirs, DFE, deps)).toMatchObject({ ok: false, status: 404 });
    expect(await deleteSubscription(theirs, ADMIN, deps)).toMatchObject({ ok: true });
    expect(await deps.subscriptions.get(theirs)).toBeUndefined();
  });
});

describe('who gets which summary', () => {
  const base = { scope: 'national', cadence: 'weekly', status: 'confirmed' } as const;
  it('weekly subscriptions get weekly summaries; on-change ones get change summaries for England or their region', () => {
    expect(wantsSummary(base, 'weekly', [])).toBe(true);
    expect(wantsSummary({ ...base, status: 'pending' }, 'weekly', [])).toBe(false);
    expect(wantsSummary(base, 'material-change', ['london'])).toBe(false);
    const onChange = { ...base, cadence: 'on-change' } as const;
    expect(wantsSummary(onChange, 'weekly', [])).toBe(false);
    expect(wantsSummary(onChange, 'material-change', ['london'])).toBe(true);
    expect(wantsSummary({ ...onChange, scope: 'london' }, 'material-change', ['london'])).toBe(true);
    expect(wantsSummary({ ...onChange, scope: 'north-east' }, 'material-change', ['london'])).toBe(false);
  });

  it('pages escape what they show', () => {
    expect(renderPage('<b>', ['a & b'])).toContain('<h1>&lt;b&gt;</h1>');
    expect(renderPage('x', ['a & b'])).toContain('<p>a &amp; b</p>');
  });
});
