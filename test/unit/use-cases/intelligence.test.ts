import { describe, expect, it } from 'vitest';
import { IntelligenceChangedV1Schema } from '../../../events/intelligence-changed.ts';
import type { IntelligenceItem } from '../../../shared/domain/intelligence.ts';
import type { Role } from '../../../shared/domain/roles.ts';
import type { IntelligenceChange, PublishChange } from '../../../shared/ports/intelligence.ts';
import {
  amendIntelligence,
  type Caller,
  createIntelligence,
  getIntelligence,
  type IntelligenceDeps,
  type IntelligenceResult,
  listIntelligence,
  sendUnsentChanges,
  withdrawIntelligence,
} from '../../../shared/use-cases/intelligence.ts';
import { InMemoryIntelligenceStore } from '../../../shared/use-cases/intelligence-in-memory.ts';

const NOW = new Date('2026-11-23T10:00:00.000Z');
const NARRATIVE = 'The DCS told me in confidence that two team managers in the front door have resigned.';
const SOURCE = 'Call with the DCS';

const southEastAdviser: Caller = {
  roles: [{ kind: 'adviser', region: 'south-east' }],
  subject: 'adviser-se',
};
const otherSouthEastAdviser: Caller = {
  roles: [{ kind: 'adviser', region: 'south-east' }],
  subject: 'adviser-se-2',
};
const londonAdviser: Caller = { roles: [{ kind: 'adviser', region: 'london' }], subject: 'adviser-london' };
const admin: Caller = { roles: [{ kind: 'admin' }], subject: 'admin-1' };
const kentCouncil: Caller = { roles: [{ kind: 'council', la: '886' }], subject: 'kent-data-officer' };
const dfe: Caller = { roles: [{ kind: 'dfe' }], subject: 'dfe-analyst' };
const nobody: Caller = { roles: [], subject: 'no-groups' };
const kentCouncilAndDfe: Caller = {
  roles: [{ kind: 'council', la: '886' }, { kind: 'dfe' }],
  subject: 'two-hats',
};

/** A store whose next save loses a race: someone else's change lands between the read and the write. */
class RacingStore extends InMemoryIntelligenceStore {
  raceOnce?: (store: InMemoryIntelligenceStore) => void;
  override async saveChange(change: IntelligenceChange) {
    const race = this.raceOnce;
    this.raceOnce = undefined;
    race?.(this);
    return super.saveChange(change);
  }
}

function harness(options: { failSends?: number } = {}) {
  const store = new RacingStore();
  const sent: { body: string; groupId: string; deduplicationId: string }[] = [];
  let failures = options.failSends ?? 0;
  let ids = 0;
  let now = NOW;
  const publish: PublishChange = async (message) => {
    if (failures > 0) {
      failures -= 1;
      throw new Error('queue unreachable');
    }
    sent.push(message);
  };
  const deps = (): IntelligenceDeps => ({
    store,
    publish,
    now,
    newItemId: (la) => {
      ids += 1;
      return `INT-${la}-20261123-${String(ids).padStart(10, '0')}`;
    },
  });
  return {
    store,
    sent,
    deps,
    setNow: (date: Date) => {
      now = date;
    },
    failNextSends: (count: number) => {
      failures = count;
    },
  };
}

const createBody = (overrides: Record<string, unknown> = {}) => ({
  la: '886',
  category: 'workforce-pressure',
  severity: 'high',
  confidence: 'medium',
  source: SOURCE,
  observedOn: '2026-11-20',
  narrative: NARRATIVE,
  ...overrides,
});

function ok(result: IntelligenceResult) {
  if (!result.ok) throw new Error(`expected success, got ${result.status}: ${result.message}`);
  return result;
}

const itemOf = (result: IntelligenceResult) =>
  ok(result).body.item as IntelligenceItem & { countsToday: boolean };

async function created(
  h: ReturnType<typeof harness>,
  overrides: Record<string, unknown> = {},
  by = southEastAdviser,
) {
  return itemOf(await createIntelligence(createBody(overrides), by, h.deps()));
}

function refusal(result: IntelligenceResult) {
  if (result.ok) throw new Error(`expected a refusal, got ${result.status}`);
  return result;
}

describe('who may use soft intelligence', () => {
  it.each([
    ['a council', kentCouncil, /not shared with councils/],
    ['DfE', dfe, /regional advisers and administrators only: its narratives never leave advisers’ scope/],
    ['someone with no role', nobody, /no Upstream role/],
    ['a council officer who also has DfE access', kentCouncilAndDfe, /not shared with councils/],
    ['an adviser from another region', londonAdviser, /Kent is in South East; you advise London/],
  ])('refuses %s with 403 and stores and sends nothing', async (_name, caller, message) => {
    const h = harness();
    const result = refusal(await createIntelligence(createBody(), caller, h.deps()));
    expect(result.status).toBe(403);
    expect(result.message).toMatch(message);
    expect(h.store.items.size).toBe(0);
    expect(h.sent).toEqual([]);
  });

  it('lets an adviser record intelligence about a council in their own region, and an administrator anywhere', async () => {
    const h = harness();
    expect((await createIntelligence(createBody(), southEastAdviser, h.deps())).ok).toBe(true);
    expect((await createIntelligence(createBody({ la: '302' }), admin, h.deps())).ok).toBe(true);
    expect((await createIntelligence(createBody({ la: '302' }), londonAdviser, h.deps())).ok).toBe(true);
    expect(h.store.items.size).toBe(3);
  });

  it('refuses councils, DfE and other regions’ advisers every read and change of an existing item', async () => {
    const h = harness();
    const item = await created(h);
    for (const caller of [kentCouncil, dfe, nobody, londonAdviser]) {
      const attempts = [
        await getIntelligence(item.itemId, caller, h.deps()),
        await listIntelligence({ la: '886' }, caller, h.deps()),
        await amendIntelligence(item.itemId, { version: 1, severity: 'low' }, caller, h.deps()),
        await withdrawIntelligence(item.itemId, { version: 1, reason: 'Not true' }, caller, h.deps()),
      ];
      for (const attempt of attempts) {
        expect(refusal(attempt).status, caller.subject).toBe(403);
        expect(JSON.stringify(attempt)).not.toContain(NARRATIVE);
      }
    }
    expect(h.store.items.get(item.itemId)?.version).toBe(1);
    expect(h.sent).toHaveLength(1);
  });

  it('lists an adviser’s whole region when no council is named, and never another region’s items', async () => {
    const h = harness();
    const kent = await created(h);
    const surrey = await created(h, { la: '936' });
    await created(h, { la: '302' }, admin);
    const region = ok(await listIntelligence({}, southEastAdviser, h.deps())).body;
    expect(region.regions).toEqual(['south-east']);
    expect((region.items as IntelligenceItem[]).map((item) => item.itemId).sort()).toEqual(
      [kent.itemId, surrey.itemId].sort(),
    );
    const council = ok(await listIntelligence({ la: '936' }, southEastAdviser, h.deps())).body;
    expect(council).toMatchObject({ la: '936', council: 'Surrey', count: 1 });
    const everywhere = ok(await listIntelligence({}, admin, h.deps())).body;
    expect(everywhere.count).toBe(3);
  });

  it('refuses an item id that names no item with 404, and an unknown council with 400', async () => {
    const h = harness();
    const missing = refusal(await getIntelligence('INT-886-20261123-FFFFFFFFFF', southEastAdviser, h.deps()));
    expect(missing).toMatchObject({ status: 404, message: expect.stringMatching(/no intelligence item/) });
    const malformed = refusal(await getIntelligence('../../etc', southEastAdviser, h.deps()));
    expect(malformed.status).toBe(404);
    const unknown = refusal(await listIntelligence({ la: '999' }, southEastAdviser, h.deps()));
    expect(unknown).toMatchObject({
      status: 400,
      message: expect.stringMatching(/no English council with number "999"/),
    });
  });
});

describe('recording an item', () => {
  it.each([
    ['no council', { la: undefined }, /"la" is required: the council’s DfE 3-digit number/],
    ['an unknown council', { la: '999' }, /no English council with number "999"/],
    [
      'an unknown category',
      { category: 'gossip' },
      /"category" must be one of: leadership-change, workforce-pressure/,
    ],
    [
      'an unknown severity',
      { severity: 'severe' },
      /"severity" must be one of: low, medium, high, critical\./,
    ],
    ['no confidence', { confidence: undefined }, /"confidence" must be one of: low, medium, high/],
    ['a UK-style date', { observedOn: '20/11/2026' }, /"observedOn" must be a date written yyyy-mm-dd/],
    [
      'a date that does not exist',
      { observedOn: '2026-02-30' },
      /"observedOn" must be a date written yyyy-mm-dd/,
    ],
    [
      'a date in the future',
      { observedOn: '2026-11-24' },
      /"observedOn" cannot be in the future.*2026-11-23 at the latest/,
    ],
    ['a date before 2013', { observedOn: '2012-12-31' }, /"observedOn" must be on or after 2013-01-01/],
    ['no narrative', { narrative: undefined }, /"narrative" is required: say what was observed/],
    ['a blank narrative', { narrative: '   \n ' }, /"narrative" is required/],
    [
      'a narrative over the limit',
      { narrative: 'x'.repeat(4001) },
      /"narrative" is 4,001 characters long; the limit is 4,000\. Shorten it\./,
    ],
    ['no source', { source: undefined }, /"source" is required: say where this came from/],
    ['a long source', { source: 's'.repeat(201) }, /"source" is 201 characters long; the limit is 200/],
    [
      'an expiry before the observation',
      { expiresOn: '2026-11-19' },
      /"expiresOn" \(2026-11-19\) must be after "observedOn" \(2026-11-20\)/,
    ],
    ['an expiry on the observation day', { expiresOn: '2026-11-20' }, /must be after "observedOn"/],
    [
      'an expiry too far ahead',
      { expiresOn: '2030-01-01' },
      /at most 36 months after "observedOn", i\.e\. 2029-11-20 at the latest/,
    ],
    [
      'a field it does not know',
      { colour: 'red' },
      /"colour" is not a field you can send here\. Send only: la, category/,
    ],
    ['a status', { status: 'withdrawn' }, /A new item is always active/],
  ])('refuses %s, saying what is allowed', async (_name, overrides, message) => {
    const h = harness();
    const result = refusal(await createIntelligence(createBody(overrides), southEastAdviser, h.deps()));
    expect(result.status).toBe(400);
    expect(result.message).toMatch(message);
    expect(h.store.items.size).toBe(0);
    expect(h.sent).toEqual([]);
  });

  it.each([
    ['a string', 'severity high'],
    ['nothing', undefined],
    ['an array', [createBody()]],
  ])('refuses %s as a body', async (_name, body) => {
    const result = refusal(await createIntelligence(body, southEastAdviser, harness().deps()));
    expect(result).toMatchObject({ status: 400, message: expect.stringMatching(/must be a JSON object/) });
  });

  it('names every problem at once', async () => {
    const result = refusal(
      await createIntelligence(
        createBody({ severity: 'x', narrative: '' }),
        southEastAdviser,
        harness().deps(),
      ),
    );
    expect(result.message).toMatch(/"severity" must be one of/);
    expect(result.message).toMatch(/"narrative" is required/);
  });

  it('stores the item with its defaults and who recorded it', async () => {
    const h = harness();
    const result = ok(await createIntelligence(createBody(), southEastAdviser, h.deps()));
    expect(result.status).toBe(201);
    expect(result.body.message).toMatch(/counts until 2027-05-20, the default of 6 months for this category/);
    expect(result.body.recompute).toBe('queued');
    const item = itemOf(result);
    expect(item).toMatchObject({
      itemId: 'INT-886-20261123-0000000001',
      la: '886',
      council: 'Kent',
      categoryLabel: 'Workforce pressure',
      expiresOn: '2027-05-20',
      expiryDefaulted: true,
      status: 'active',
      countsToday: true,
      createdBy: 'adviser-se',
      createdAt: NOW.toISOString(),
      version: 1,
    });
    expect(h.store.items.get(item.itemId)?.narrative).toBe(NARRATIVE);
  });

  it('keeps an expiry the adviser gives, and accepts a narrative of exactly 4,000 characters', async () => {
    const h = harness();
    const item = await created(h, {
      expiresOn: '2027-01-31',
      narrative: 'n'.repeat(4000),
      source: '  Peer review  ',
    });
    expect(item).toMatchObject({ expiresOn: '2027-01-31', expiryDefaulted: false, source: 'Peer review' });
  });

  it('gives each category its own default expiry', async () => {
    const h = harness();
    const serious = await created(h, { category: 'serious-incident' });
    const assurance = await created(h, { category: 'positive-assurance', observedOn: '2026-08-31' });
    expect(serious.expiresOn).toBe('2028-05-20');
    // 31 August + 6 months lands on the last day of February.
    expect(assurance.expiresOn).toBe('2027-02-28');
  });
});

describe('amending an item', () => {
  it('changes the fields sent and records old → new in the audit trail', async () => {
    const h = harness();
    const item = await created(h);
    h.setNow(new Date('2026-11-24T09:00:00.000Z'));
    const result = ok(
      await amendIntelligence(
        item.itemId,
        { version: 1, severity: 'critical', source: 'Meeting with the DCS' },
        otherSouthEastAdviser,
        h.deps(),
      ),
    );
    expect(result.body.message).toMatch(/Amended\. Kent’s risk rating will be recomputed/);
    expect(itemOf(result)).toMatchObject({
      severity: 'critical',
      source: 'Meeting with the DCS',
      confidence: 'medium',
      version: 2,
      createdBy: 'adviser-se',
      updatedBy: 'adviser-se-2',
      updatedAt: '2026-11-24T09:00:00.000Z',
    });
    const trail = h.store.audit.get(item.itemId)!;
    expect(trail[1]).toEqual({
      itemId: item.itemId,
      version: 2,
      action: 'amended',
      at: '2026-11-24T09:00:00.000Z',
      by: 'adviser-se-2',
      changes: [
        { field: 'severity', from: 'high', to: 'critical' },
        { field: 'source', from: SOURCE, to: 'Meeting with the DCS' },
      ],
    });
  });

  it('moves a default expiry with the category and date, and leaves an adviser’s own expiry alone', async () => {
    const h = harness();
    const defaulted = await created(h);
    const moved = itemOf(
      await amendIntelligence(
        defaulted.itemId,
        { version: 1, category: 'serious-incident' },
        southEastAdviser,
        h.deps(),
      ),
    );
    expect(moved).toMatchObject({ expiresOn: '2028-05-20', expiryDefaulted: true });
    expect(h.store.audit.get(defaulted.itemId)![1]!.changes).toEqual([
      { field: 'category', from: 'workforce-pressure', to: 'serious-incident' },
      { field: 'expiresOn', from: '2027-05-20', to: '2028-05-20' },
    ]);

    const fixed = await created(h, { expiresOn: '2027-01-31' });
    const kept = itemOf(
      await amendIntelligence(
        fixed.itemId,
        { version: 1, category: 'serious-incident' },
        southEastAdviser,
        h.deps(),
      ),
    );
    expect(kept).toMatchObject({ expiresOn: '2027-01-31', expiryDefaulted: false });

    const reset = itemOf(
      await amendIntelligence(fixed.itemId, { version: 2, expiresOn: null }, southEastAdviser, h.deps()),
    );
    expect(reset).toMatchObject({ expiresOn: '2028-05-20', expiryDefaulted: true });
    expect(h.store.audit.get(fixed.itemId)![2]!.changes).toEqual([
      { field: 'expiresOn', from: '2027-01-31', to: '2028-05-20' },
      { field: 'expiryBasis', from: 'set by adviser', to: 'category default' },
    ]);
  });

  it('refuses a new date that would fall after the adviser’s own expiry, saying how to fix it', async () => {
    const h = harness();
    const item = await created(h, { observedOn: '2026-10-01', expiresOn: '2026-11-01' });
    const result = refusal(
      await amendIntelligence(
        item.itemId,
        { version: 1, observedOn: '2026-11-10' },
        southEastAdviser,
        h.deps(),
      ),
    );
    expect(result.message).toMatch(
      /"expiresOn" \(2026-11-01\) must be after "observedOn" \(2026-11-10\)\. Send an "expiresOn" too, or null/,
    );
  });

  it('records a changed narrative by its length and fingerprint, never its text', async () => {
    const h = harness();
    const item = await created(h);
    const replacement = 'Both team managers have now left; interim cover agreed until March.';
    ok(
      await amendIntelligence(
        item.itemId,
        { version: 1, narrative: replacement },
        southEastAdviser,
        h.deps(),
      ),
    );
    const found = ok(await getIntelligence(item.itemId, southEastAdviser, h.deps())).body;
    expect((found.item as IntelligenceItem).narrative).toBe(replacement);
    const audit = JSON.stringify(found.audit);
    expect(audit).not.toContain(NARRATIVE);
    expect(audit).not.toContain(replacement);
    expect((found.audit as { changes: unknown[] }[])[1]!.changes).toEqual([
      {
        field: 'narrative',
        summary: `narrative changed (${NARRATIVE.length} characters → ${replacement.length} characters)`,
        fromLength: NARRATIVE.length,
        toLength: replacement.length,
        fromSha256: expect.stringMatching(/^[0-9a-f]{64}$/),
        toSha256: expect.stringMatching(/^[0-9a-f]{64}$/),
      },
    ]);
  });

  it('refuses a change made from an old version with 409, keeping the other adviser’s change', async () => {
    const h = harness();
    const item = await created(h);
    ok(
      await amendIntelligence(
        item.itemId,
        { version: 1, severity: 'critical' },
        otherSouthEastAdviser,
        h.deps(),
      ),
    );
    const late = refusal(
      await amendIntelligence(item.itemId, { version: 1, severity: 'low' }, southEastAdviser, h.deps()),
    );
    expect(late.status).toBe(409);
    expect(late.message).toMatch(
      /changed since you read it: it is now version 2 \(you sent version 1\), last changed by adviser-se-2 at .*Reload it/,
    );
    expect(h.store.items.get(item.itemId)).toMatchObject({ severity: 'critical', version: 2 });
    expect(h.store.audit.get(item.itemId)).toHaveLength(2);
    expect(h.sent).toHaveLength(2);
  });

  it('refuses with 409 when another change lands between reading and writing', async () => {
    const h = harness();
    const item = await created(h);
    h.store.raceOnce = (store) => {
      const current = store.items.get(item.itemId)!;
      store.items.set(item.itemId, { ...current, confidence: 'high', version: 2, updatedBy: 'adviser-se-2' });
    };
    const result = refusal(
      await amendIntelligence(item.itemId, { version: 1, severity: 'low' }, southEastAdviser, h.deps()),
    );
    expect(result).toMatchObject({ status: 409, message: expect.stringMatching(/now version 2/) });
    expect(h.store.items.get(item.itemId)).toMatchObject({ severity: 'high', confidence: 'high' });
    expect(h.sent).toHaveLength(1);
  });

  it('treats a request for what the item already says as done, with no new version or event', async () => {
    const h = harness();
    const item = await created(h);
    ok(
      await amendIntelligence(item.itemId, { version: 1, severity: 'critical' }, southEastAdviser, h.deps()),
    );
    // The same request again, e.g. retried after a lost response.
    const again = ok(
      await amendIntelligence(item.itemId, { version: 1, severity: 'critical' }, southEastAdviser, h.deps()),
    );
    expect(again.body.message).toMatch(/Nothing to change/);
    expect(itemOf(again).version).toBe(2);
    expect(h.sent).toHaveLength(2);
    expect(h.store.audit.get(item.itemId)).toHaveLength(2);
  });

  it.each([
    ['no version', { severity: 'low' }, /"version" is required: send the version of the item you last read/],
    [
      'nothing to change',
      { version: 1 },
      /Say what to change: any of category, severity, confidence, source, observedOn, narrative, expiresOn/,
    ],
    [
      'a new council',
      { version: 1, la: '887' },
      /council of an item cannot be changed: withdraw this item and record it again/,
    ],
    [
      'a status',
      { version: 1, status: 'withdrawn' },
      /To withdraw an item, POST to \/intelligence\/\{itemId\}\/withdraw/,
    ],
    ['a bad severity', { version: 1, severity: 'urgent' }, /"severity" must be one of/],
    [
      'a narrative over the limit',
      { version: 1, narrative: 'y'.repeat(4500) },
      /"narrative" is 4,500 characters long/,
    ],
  ])('refuses %s with 400', async (_name, body, message) => {
    const h = harness();
    const item = await created(h);
    const result = refusal(await amendIntelligence(item.itemId, body, southEastAdviser, h.deps()));
    expect(result).toMatchObject({ status: 400, message: expect.stringMatching(message) });
    expect(h.store.items.get(item.itemId)?.version).toBe(1);
  });
});

describe('withdrawing an item', () => {
  it('needs a reason', async () => {
    const h = harness();
    const item = await created(h);
    const result = refusal(
      await withdrawIntelligence(item.itemId, { version: 1 }, southEastAdviser, h.deps()),
    );
    expect(result).toMatchObject({
      status: 400,
      message: expect.stringMatching(/"reason" is required: say why the item is withdrawn/),
    });
    const blank = refusal(
      await withdrawIntelligence(item.itemId, { version: 1, reason: '  ' }, southEastAdviser, h.deps()),
    );
    expect(blank.message).toMatch(/"reason" is required/);
  });

  it('stops the item counting, keeps it for the record, and audits who withdrew it and why', async () => {
    const h = harness();
    const item = await created(h);
    const reason = 'Recorded against the wrong council';
    const result = ok(
      await withdrawIntelligence(item.itemId, { version: 1, reason }, southEastAdviser, h.deps()),
    );
    expect(itemOf(result)).toMatchObject({
      status: 'withdrawn',
      countsToday: false,
      version: 2,
      withdrawal: { reason, by: 'adviser-se', at: NOW.toISOString() },
    });
    expect(await h.store.activeSignals('886', '2026-11-23')).toEqual([]);
    expect(ok(await listIntelligence({ la: '886' }, southEastAdviser, h.deps())).body.count).toBe(0);
    const all = ok(
      await listIntelligence({ la: '886', includeWithdrawn: 'true' }, southEastAdviser, h.deps()),
    );
    expect(all.body.count).toBe(1);
    expect(h.store.audit.get(item.itemId)![1]).toMatchObject({
      action: 'withdrawn',
      by: 'adviser-se',
      reason,
      changes: [{ field: 'status', from: 'active', to: 'withdrawn' }],
    });
  });

  it('treats the same withdrawal again as done, and refuses any other change to a withdrawn item', async () => {
    const h = harness();
    const item = await created(h);
    const body = { version: 1, reason: 'Duplicate of another item' };
    ok(await withdrawIntelligence(item.itemId, body, southEastAdviser, h.deps()));
    const again = ok(await withdrawIntelligence(item.itemId, body, southEastAdviser, h.deps()));
    expect(again.body.message).toMatch(/already withdrawn/);
    const other = refusal(
      await withdrawIntelligence(item.itemId, { version: 2, reason: 'Other' }, southEastAdviser, h.deps()),
    );
    expect(other).toMatchObject({
      status: 409,
      message: expect.stringMatching(/was withdrawn on 2026-11-23/),
    });
    const amend = refusal(
      await amendIntelligence(item.itemId, { version: 2, severity: 'low' }, southEastAdviser, h.deps()),
    );
    expect(amend).toMatchObject({ status: 409, message: expect.stringMatching(/Record a new item instead/) });
    expect(h.sent).toHaveLength(2);
  });

  it('refuses a withdrawal from an old version with 409', async () => {
    const h = harness();
    const item = await created(h);
    ok(
      await amendIntelligence(item.itemId, { version: 1, severity: 'critical' }, southEastAdviser, h.deps()),
    );
    const result = refusal(
      await withdrawIntelligence(item.itemId, { version: 1, reason: 'Not true' }, southEastAdviser, h.deps()),
    );
    expect(result).toMatchObject({ status: 409, message: expect.stringMatching(/now version 2/) });
  });

  it('says includeWithdrawn must be true or false', async () => {
    const result = refusal(
      await listIntelligence({ includeWithdrawn: 'yes' }, southEastAdviser, harness().deps()),
    );
    expect(result).toMatchObject({ status: 400, message: '"includeWithdrawn" must be true or false.' });
  });
});

describe('the audit trail', () => {
  it('holds one entry per version, oldest first, with who and when', async () => {
    const h = harness();
    const item = await created(h);
    h.setNow(new Date('2026-11-24T08:00:00.000Z'));
    ok(
      await amendIntelligence(
        item.itemId,
        { version: 1, confidence: 'high' },
        otherSouthEastAdviser,
        h.deps(),
      ),
    );
    h.setNow(new Date('2026-11-25T08:00:00.000Z'));
    ok(await withdrawIntelligence(item.itemId, { version: 2, reason: 'Resolved' }, admin, h.deps()));
    const audit = ok(await getIntelligence(item.itemId, southEastAdviser, h.deps())).body.audit as {
      version: number;
      action: string;
      by: string;
      at: string;
      changes: { field: string }[];
    }[];
    expect(audit.map((entry) => [entry.version, entry.action, entry.by, entry.at])).toEqual([
      [1, 'created', 'adviser-se', NOW.toISOString()],
      [2, 'amended', 'adviser-se-2', '2026-11-24T08:00:00.000Z'],
      [3, 'withdrawn', 'admin-1', '2026-11-25T08:00:00.000Z'],
    ]);
    expect(audit[0]!.changes.map((change) => change.field)).toEqual([
      'category',
      'severity',
      'confidence',
      'source',
      'observedOn',
      'narrative',
      'expiresOn',
      'expiryBasis',
    ]);
    expect(JSON.stringify(audit)).not.toContain(NARRATIVE);
  });
});

describe('queueing a recompute', () => {
  it('sends one IntelligenceChanged per change, grouped by council, deduplicated by item and version', async () => {
    const h = harness();
    const item = await created(h);
    ok(
      await amendIntelligence(
        item.itemId,
        { version: 1, narrative: `${NARRATIVE} Update.` },
        southEastAdviser,
        h.deps(),
      ),
    );
    ok(
      await withdrawIntelligence(item.itemId, { version: 2, reason: 'Resolved' }, southEastAdviser, h.deps()),
    );
    expect(h.sent.map((message) => [message.groupId, message.deduplicationId])).toEqual([
      ['886', `${item.itemId}#1`],
      ['886', `${item.itemId}#2`],
      ['886', `${item.itemId}#3`],
    ]);
    const events = h.sent.map((message) => IntelligenceChangedV1Schema.parse(JSON.parse(message.body)));
    expect(events.map((event) => event.change)).toEqual(['created', 'amended', 'withdrawn']);
    expect(events[0]).toEqual({
      type: 'IntelligenceChanged',
      version: 1,
      eventId: `${item.itemId}#1`,
      occurredAt: NOW.toISOString(),
      la: '886',
      itemId: item.itemId,
      itemVersion: 1,
      change: 'created',
    });
    for (const message of h.sent) {
      expect(message.body).not.toContain('Update.');
      expect(message.body).not.toContain(NARRATIVE.slice(0, 30));
      expect(message.body).not.toContain(SOURCE);
      expect(message.body).not.toMatch(/narrative|source/i);
    }
    expect(h.store.unsent.size).toBe(0);
  });

  it('keeps the change when the queue is unreachable, and sends its event once with a later write', async () => {
    const h = harness({ failSends: 1 });
    const result = ok(await createIntelligence(createBody(), southEastAdviser, h.deps()));
    expect(result.status).toBe(201);
    expect(result.body.recompute).toBe('pending');
    expect(result.body.message).toMatch(
      /could not be queued yet; it is kept and will be queued automatically/,
    );
    const first = itemOf(result);
    expect(h.store.items.has(first.itemId)).toBe(true);
    expect(h.sent).toEqual([]);
    expect([...h.store.unsent.keys()]).toEqual([`${first.itemId}#1`]);

    // A write within the grace period leaves it alone: its own request may still be sending it.
    await created(h, { la: '936' });
    expect(h.sent.map((message) => message.deduplicationId)).toEqual(['INT-936-20261123-0000000002#1']);

    h.setNow(new Date(NOW.getTime() + 5 * 60_000));
    await created(h, { la: '887' });
    expect(h.sent.map((message) => message.deduplicationId)).toEqual([
      'INT-936-20261123-0000000002#1',
      'INT-887-20261123-0000000003#1',
      `${first.itemId}#1`,
    ]);
    expect(h.store.unsent.size).toBe(0);
    expect(await sendUnsentChanges(h.deps())).toEqual({ sent: 0, failed: 0 });
  });

  it('sends nothing for a refusal, a validation failure or a request that changes nothing', async () => {
    const h = harness();
    const item = await created(h);
    await createIntelligence(createBody({ severity: 'x' }), southEastAdviser, h.deps());
    await amendIntelligence(item.itemId, { version: 1, severity: 'high' }, southEastAdviser, h.deps());
    await amendIntelligence(item.itemId, { version: 1, severity: 'low' }, dfe, h.deps());
    expect(h.sent).toHaveLength(1);
  });

  it('retries unsent events on demand and reports what it could not send', async () => {
    const h = harness({ failSends: 1 });
    const item = await created(h);
    h.setNow(new Date(NOW.getTime() + 2 * 60_000));
    h.failNextSends(1);
    expect(await sendUnsentChanges(h.deps())).toEqual({ sent: 0, failed: 1 });
    expect(await sendUnsentChanges(h.deps())).toEqual({ sent: 1, failed: 0 });
    expect(h.sent.map((message) => message.deduplicationId)).toEqual([`${item.itemId}#1`]);
  });
});

describe('what the risk engine sees', () => {
  it('gets the council’s counting items without narrative or source', async () => {
    const h = harness();
    const counting = await created(h, { category: 'serious-incident', severity: 'critical' });
    await created(h, { observedOn: '2025-01-10' }); // expired 2025-07-10
    await created(h, { la: '936' });
    const signals = await h.store.activeSignals('886', '2026-11-23');
    expect(signals).toEqual([
      {
        itemId: counting.itemId,
        la: '886',
        category: 'serious-incident',
        severity: 'critical',
        confidence: 'medium',
        observedOn: '2026-11-20',
        expiresOn: '2028-05-20',
        label: 'Serious incident or practice review (critical severity, medium confidence)',
      },
    ]);
    expect(await h.store.activeSignals('886', '2026-11-19')).toEqual([]);
  });
});

describe('a caller with several roles', () => {
  it('is judged by their adviser roles for each council', async () => {
    const h = harness();
    const roles: Role[] = [
      { kind: 'council', la: '886' },
      { kind: 'adviser', region: 'london' },
    ];
    const twoHats: Caller = { roles, subject: 'two-hats' };
    expect((await createIntelligence(createBody({ la: '302' }), twoHats, h.deps())).ok).toBe(true);
    const kent = refusal(await createIntelligence(createBody(), twoHats, h.deps()));
    expect(kent).toMatchObject({ status: 403, message: expect.stringMatching(/Only South East’s advisers/) });
  });
});
