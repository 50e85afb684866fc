// The recompute use case on in-memory ports and the shipped national baseline: precedence of uploaded
// values, idempotency on eventId, poison messages, and what is sent to the alert queue.
import { beforeEach, describe, expect, it } from 'vitest';
import { IndicatorsRecomputedV1Schema } from '../../../events/indicators-recomputed.ts';
import type { ReturnIngestedV1 } from '../../../events/return-ingested.ts';
import { computeCouncilIndicators, publishedSources } from '../../../shared/domain/indicators/compute.ts';
import type { ReturnAggregates } from '../../../shared/ports/aggregates.ts';
import {
  InMemoryAggregateStore,
  InMemoryIndicatorStore,
} from '../../../shared/use-cases/indicator-in-memory.ts';
import { valueLookups } from '../../../shared/use-cases/indicator-values.ts';
import { PoisonMessageError } from '../../../shared/use-cases/queue-messages.ts';
import { type RecomputeDeps, recomputeIndicators } from '../../../shared/use-cases/recompute-indicators.ts';

const published = publishedSources();
const KENT = '886';
const NOW = new Date('2026-11-23T10:30:00.000Z');

type Sent = { body: string; groupId: string; deduplicationId: string };

function aggregates(overrides: Partial<ReturnAggregates> = {}): ReturnAggregates {
  return {
    la: KENT,
    returnType: 'ssda903',
    collectionYear: 2025,
    submissionId: 'SUB-20261123-0001',
    ingestedAt: '2026-11-23T10:10:00.000Z',
    children: 2500,
    indicators: {
      'placement-instability': { numerator: 100, denominator: 1000 },
      'cla-rate': { numerator: 2000, denominator: null },
    },
    ...overrides,
  };
}

function event(overrides: Partial<ReturnIngestedV1> = {}): ReturnIngestedV1 {
  return {
    type: 'ReturnIngested',
    version: 1,
    eventId: 'SUB-20261123-0001',
    occurredAt: '2026-11-23T10:10:00.000Z',
    la: KENT,
    returnType: 'ssda903',
    collectionYear: 2025,
    submissionId: 'SUB-20261123-0001',
    status: 'accepted',
    ...overrides,
  };
}

describe('recomputeIndicators', () => {
  let store: InMemoryIndicatorStore;
  let aggregateStore: InMemoryAggregateStore;
  let sent: Sent[];
  let deps: RecomputeDeps;

  beforeEach(async () => {
    store = new InMemoryIndicatorStore();
    aggregateStore = new InMemoryAggregateStore();
    sent = [];
    deps = {
      aggregates: aggregateStore,
      indicators: store,
      publishRecomputed: async (message) => {
        sent.push(message);
      },
      published,
      now: () => NOW,
    };
    await aggregateStore.saveReturnAggregates(aggregates());
  });

  const stored = (la: string, period: number, indicator: string) =>
    store.stored.get(`${la}|${period}|${indicator}`);

  it('uses the uploaded value for the council and period, and keeps the published one beside it', async () => {
    const outcome = await recomputeIndicators(JSON.stringify(event()), deps);
    expect(outcome.kind).toBe('recomputed');
    const result = stored(KENT, 2025, 'placement-instability');
    expect(result?.value).toEqual({ provenance: 'uploaded', value: 10, numerator: 100, denominator: 1000 });
    // DfE published 12% (221 of 1,896) for Kent in 2025; it stays available as a candidate.
    expect(result?.candidates.published).toMatchObject({ value: 12, numerator: 221, denominator: 1896 });
    expect(result?.candidates.uploaded).toEqual({ value: 10, numerator: 100, denominator: 1000 });
    // An indicator the return does not carry keeps its published value.
    expect(stored(KENT, 2025, 'long-term-stability')?.value?.provenance).toBe('published');
    expect(result?.england).toBeTypeOf('number');
    expect(result?.funnel?.limits.denominator).toBe(1000);
    expect(result?.rank?.outOf).toBeGreaterThan(140);
  });

  it('records on the stored result the gap to DfE’s published figure for the same year, beyond the tolerance', async () => {
    await recomputeIndicators(JSON.stringify(event()), deps);
    // Uploaded 10% against DfE's 12%: 2 points apart, over the 1-point tolerance for percentages.
    expect(stored(KENT, 2025, 'placement-instability')?.drift).toEqual({
      uploaded: 10,
      published: 12,
      gap: -2,
      tolerance: 1,
    });
    // An indicator without an uploaded value has nothing to compare.
    expect(stored(KENT, 2025, 'long-term-stability')?.drift).toBeNull();
  });

  it('makes a rate per 10,000 with the council’s published child population', async () => {
    await recomputeIndicators(JSON.stringify(event()), deps);
    const set = store.sets.get(`${KENT}|2025|ssda903`);
    const rate = set?.values.find((value) => value.indicator === 'cla-rate');
    // Kent's published 2025 population is 355,390: 2,000 children is 56.3 per 10,000, published to 0 dp.
    expect(rate).toEqual({
      indicator: 'cla-rate',
      value: 56,
      numerator: 2000,
      denominator: 355390,
      denominatorSource: 'published-population',
    });
    expect(stored(KENT, 2025, 'cla-rate')?.value?.provenance).toBe('uploaded');
  });

  it('sends IndicatorsRecomputed to the council’s region group, deduplicated on the eventId', async () => {
    await recomputeIndicators(JSON.stringify(event()), deps);
    expect(sent).toHaveLength(1);
    const [message] = sent;
    expect(message?.groupId).toBe('south-east');
    expect(message?.deduplicationId).toBe('SUB-20261123-0001');
    const body = IndicatorsRecomputedV1Schema.parse(JSON.parse(message!.body));
    expect(body).toMatchObject({ la: KENT, region: 'south-east', periods: [2025], skipped: [] });
    expect(body.indicators).toHaveLength(29);
    expect(body.indicators.find((entry) => entry.indicator === 'placement-instability')).toMatchObject({
      value: 10,
      provenance: 'uploaded',
    });
    // Council-level figures only: nothing that names or describes a child.
    expect(message?.body).not.toMatch(/child(Id|ren)?"\s*:/i);
  });

  it('does nothing the second time an event is delivered', async () => {
    const body = JSON.stringify(event());
    await recomputeIndicators(body, deps);
    const writes = store.writes.length;
    const again = await recomputeIndicators(body, deps);
    expect(again).toEqual({
      kind: 'duplicate',
      eventId: 'SUB-20261123-0001',
      completedAt: NOW.toISOString(),
    });
    expect(store.writes).toHaveLength(writes);
    expect(sent).toHaveLength(1);
  });

  it('sends again with the same deduplication id when the first attempt failed to send', async () => {
    let attempts = 0;
    const flaky: RecomputeDeps = {
      ...deps,
      publishRecomputed: async (message) => {
        attempts += 1;
        if (attempts === 1) throw new Error('queue unavailable');
        sent.push(message);
      },
    };
    const body = JSON.stringify(event());
    await expect(recomputeIndicators(body, flaky)).rejects.toThrow('queue unavailable');
    expect(store.records.size).toBe(0);
    await recomputeIndicators(body, flaky);
    expect(sent.map((message) => message.deduplicationId)).toEqual(['SUB-20261123-0001']);
    expect(store.records.has('SUB-20261123-0001')).toBe(true);
  });

  it('refuses a malformed message as poison, saying why, and writes nothing', async () => {
    const attempts = [
      ['not json', /not JSON/],
      [JSON.stringify({ ...event(), la: undefined }), /"la" is missing/],
      [JSON.stringify({ ...event(), version: 2 }), /version/],
      [JSON.stringify(event({ la: '999' })), /999, which is not an English council/],
    ] as const;
    for (const [body, reason] of attempts) {
      const attempt = recomputeIndicators(body, deps);
      await expect(attempt).rejects.toBeInstanceOf(PoisonMessageError);
      await expect(recomputeIndicators(body, deps)).rejects.toThrow(reason);
    }
    expect(store.writes).toEqual([]);
    expect(sent).toEqual([]);
  });

  it('fails (to be retried) without sending when the aggregates are not stored', async () => {
    const body = JSON.stringify(event({ collectionYear: 2024 }));
    const attempt = recomputeIndicators(body, deps);
    await expect(attempt).rejects.toThrow(/No aggregates are stored for council 886, ssda903 2024/);
    await expect(recomputeIndicators(body, deps)).rejects.not.toBeInstanceOf(PoisonMessageError);
    expect(sent).toEqual([]);
    expect(store.records.size).toBe(0);
  });

  it('names figures that cannot become indicator values', async () => {
    await aggregateStore.saveReturnAggregates(
      aggregates({
        submissionId: 'SUB-20261124-0002',
        ingestedAt: '2026-11-24T09:00:00.000Z',
        indicators: {
          'placement-instability': { numerator: 0, denominator: 0 },
          'no-such-indicator': { numerator: 3, denominator: 9 },
        },
      }),
    );
    const outcome = await recomputeIndicators(JSON.stringify(event()), deps);
    if (outcome.kind !== 'recomputed') throw new Error('expected a recompute');
    expect(outcome.event.skipped).toEqual([
      { indicator: 'no-such-indicator', reason: 'not an indicator in the register' },
      { indicator: 'placement-instability', reason: 'the denominator is zero: no children in the group' },
    ]);
    // The current aggregates are used: a later correction replaces the event's own submission.
    expect(outcome.event.submissionId).toBe('SUB-20261124-0002');
    expect(stored(KENT, 2025, 'placement-instability')?.value?.provenance).toBe('published');
  });

  it('benchmarks against other councils’ uploaded values', async () => {
    await recomputeIndicators(JSON.stringify(event()), deps);
    const before = stored(KENT, 2025, 'placement-instability')!;
    // A council that published worse than Kent's 10% uploads a better figure: Kent drops one place.
    const worse = computeCouncilIndicators('881', 2025, published).find(
      (result) => result.indicator === 'placement-instability',
    )!;
    expect(worse.value!.value).toBeGreaterThan(10);
    await aggregateStore.saveReturnAggregates(
      aggregates({
        la: '881',
        submissionId: 'SUB-ESSEX-0001',
        indicators: { 'placement-instability': { numerator: 1, denominator: 1000 } },
      }),
    );
    await recomputeIndicators(
      JSON.stringify(event({ la: '881', eventId: 'SUB-ESSEX-0001', submissionId: 'SUB-ESSEX-0001' })),
      deps,
    );
    await aggregateStore.saveReturnAggregates(
      aggregates({ submissionId: 'SUB-KENT-0002', ingestedAt: '2026-11-25T00:00:00.000Z' }),
    );
    await recomputeIndicators(
      JSON.stringify(event({ eventId: 'SUB-KENT-0002', submissionId: 'SUB-KENT-0002' })),
      deps,
    );
    const after = stored(KENT, 2025, 'placement-instability')!;
    expect(after.rank!.rank).toBe(before.rank!.rank + 1);
    // Essex (881) is Kent's closest statistical neighbour, so the neighbour mean falls too.
    expect(after.statNeighbours!.mean).toBeLessThan(before.statNeighbours!.mean);
  });

  it('refreshes the next period, whose change on the previous period reads this one', async () => {
    await aggregateStore.saveReturnAggregates(
      aggregates({
        collectionYear: 2026,
        submissionId: 'SUB-KENT-2026',
        indicators: { 'placement-instability': { numerator: 150, denominator: 1000 } },
      }),
    );
    await recomputeIndicators(
      JSON.stringify(
        event({ collectionYear: 2026, eventId: 'SUB-KENT-2026', submissionId: 'SUB-KENT-2026' }),
      ),
      deps,
    );
    // Before Kent's 2025 upload, 2026 is compared with the published 12%.
    expect(stored(KENT, 2026, 'placement-instability')?.change).toMatchObject({ previous: 12, change: 3 });
    const outcome = await recomputeIndicators(JSON.stringify(event()), deps);
    if (outcome.kind !== 'recomputed') throw new Error('expected a recompute');
    expect(outcome.event.periods).toEqual([2025, 2026]);
    expect(stored(KENT, 2026, 'placement-instability')?.change).toMatchObject({
      previous: 10,
      change: 5,
      direction: 'worsened',
    });
    // 2026 is not published yet: Kent's upload is compared with the 2025 national figures.
    expect(stored(KENT, 2026, 'placement-instability')?.comparatorPeriod).toBe(2025);
  });

  it('keeps in-year values apart, below uploaded and published ones', async () => {
    await aggregateStore.saveReturnAggregates(
      aggregates({
        returnType: 'inyear',
        collectionYear: 2026,
        submissionId: 'SUB-INYEAR-001',
        indicators: { 'placement-instability': { numerator: 90, denominator: 1000 } },
      }),
    );
    await recomputeIndicators(
      JSON.stringify(
        event({
          returnType: 'inyear',
          collectionYear: 2026,
          eventId: 'SUB-INYEAR-001',
          submissionId: 'SUB-INYEAR-001',
        }),
      ),
      deps,
    );
    const result = stored(KENT, 2026, 'placement-instability');
    expect(result?.value).toMatchObject({ provenance: 'inyear', value: 9 });
    const lookups = valueLookups(store.sets.values());
    expect(lookups.inyear.get(KENT, 'placement-instability', 2026)?.value).toBe(9);
    expect(lookups.uploaded.get(KENT, 'placement-instability', 2026)).toBeUndefined();
  });
});
