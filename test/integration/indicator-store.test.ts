// The Dynamo indicator store on DynamoDB Local, and a whole recompute through it.
import { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DynamoAggregateStore } from '../../shared/adapters/dynamo-aggregate-store.ts';
import { DynamoIndicatorStore } from '../../shared/adapters/dynamo-indicator-store.ts';
import { computeCouncilIndicators, publishedSources } from '../../shared/domain/indicators/compute.ts';
import type { StoredIndicatorResult, UploadedValueSet } from '../../shared/ports/indicators.ts';
import { recomputeIndicators } from '../../shared/use-cases/recompute-indicators.ts';
import { eventually, withSingleTable } from './helpers/emulators.ts';

const TABLE = 'upstream';

function valueSet(la: string, region: string, period: number, value: number): UploadedValueSet {
  return {
    la,
    region,
    period,
    returnType: 'ssda903',
    submissionId: `SUB-${la}-${period}-0001`,
    ingestedAt: '2026-11-23T10:00:00.000Z',
    values: [
      {
        indicator: 'placement-instability',
        value,
        numerator: value * 10,
        denominator: 1000,
        denominatorSource: 'return',
      },
      {
        indicator: 'cla-rate',
        value: 56,
        numerator: 2000,
        denominator: 355390,
        denominatorSource: 'published-population',
      },
    ],
  };
}

describe('indicator store on DynamoDB Local', () => {
  let table: Awaited<ReturnType<typeof withSingleTable>>;
  let client: DynamoDBDocumentClient;
  let store: DynamoIndicatorStore;

  beforeAll(async () => {
    table = await withSingleTable(TABLE);
    // A plain document client (no marshalling options): the store must not depend on them.
    client = DynamoDBDocumentClient.from(table.client);
    store = new DynamoIndicatorStore(client, TABLE);
  });
  afterAll(() => table.stop());

  it('keeps one value set per council, period and return type, replaced by a later one', async () => {
    await store.saveUploadedValues(valueSet('886', 'south-east', 2025, 10));
    await store.saveUploadedValues(valueSet('886', 'south-east', 2025, 11));
    await store.saveUploadedValues(valueSet('886', 'south-east', 2026, 12));
    await store.saveUploadedValues({ ...valueSet('886', 'south-east', 2026, 9), returnType: 'inyear' });
    const sets = await store.uploadedForCouncil('886');
    expect(sets.map((set) => [set.period, set.returnType, set.values[0]?.value])).toEqual([
      [2025, 'ssda903', 11],
      [2026, 'inyear', 9],
      [2026, 'ssda903', 12],
    ]);
    expect(sets[0]).toEqual(valueSet('886', 'south-east', 2025, 11));
  });

  it('reads a region’s sets, all periods or a span, and no other region’s', async () => {
    await store.saveUploadedValues(valueSet('936', 'south-east', 2024, 8));
    await store.saveUploadedValues(valueSet('202', 'london', 2025, 7));
    const all = await eventually(async () => {
      const sets = await store.uploadedInRegion('south-east');
      return sets.length === 4 ? sets : undefined;
    }, 'the south-east sets on the index');
    expect(new Set(all.map((set) => set.la))).toEqual(new Set(['886', '936']));
    const span = await store.uploadedInRegion('south-east', { from: 2025, to: 2026 });
    expect(span.map((set) => `${set.la} ${set.period} ${set.returnType}`).sort()).toEqual([
      '886 2025 ssda903',
      '886 2026 inyear',
      '886 2026 ssda903',
    ]);
    expect((await store.uploadedInRegion('london')).map((set) => set.la)).toEqual(['202']);
    expect(await store.uploadedInRegion('north-east')).toEqual([]);
  });

  it('stores results with every benchmark and reads them by council or by indicator', async () => {
    const results: StoredIndicatorResult[] = computeCouncilIndicators('886', 2025, publishedSources()).map(
      (result) => ({
        ...result,
        regionSlug: 'south-east',
        eventId: 'SUB-20261123-0001',
        computedAt: '2026-11-23T10:30:00.000Z',
      }),
    );
    expect(results).toHaveLength(29);
    await store.saveResults(results);
    const read = await store.results('886', 2025);
    expect(read).toHaveLength(29);
    const original = results.find((result) => result.indicator === 're-referrals')!;
    // Undefined members are dropped on the way in; everything else comes back as it was.
    expect(read.find((result) => result.indicator === 're-referrals')).toEqual(
      JSON.parse(JSON.stringify(original)),
    );
    const across = await eventually(async () => {
      const found = await store.resultsForIndicator('re-referrals', 2025);
      return found.length === 1 ? found : undefined;
    }, 'the result on the index');
    expect(across[0]?.value?.value).toBe(original.value?.value);
    expect(await store.results('886', 2024)).toEqual([]);
  });

  it('records a recompute once', async () => {
    const record = {
      eventId: 'SUB-20261123-0001',
      la: '886',
      periods: [2025],
      submissionId: 'SUB-20261123-0001',
      completedAt: '2026-11-23T10:30:00.000Z',
      expiresAt: 1_800_000_000,
    };
    expect(await store.recomputeRecord(record.eventId)).toBeUndefined();
    expect(await store.markRecomputed(record)).toBe(true);
    expect(await store.markRecomputed({ ...record, completedAt: '2026-11-24T00:00:00.000Z' })).toBe(false);
    expect(await store.recomputeRecord(record.eventId)).toEqual(record);
  });

  it('runs a recompute end to end on the table, once per event', async () => {
    const aggregates = new DynamoAggregateStore(client, TABLE);
    await aggregates.saveReturnAggregates({
      la: '881',
      returnType: 'ssda903',
      collectionYear: 2025,
      submissionId: 'SUB-ESSEX-0000001',
      ingestedAt: '2026-11-23T11:00:00.000Z',
      children: 1500,
      indicators: { 'placement-instability': { numerator: 150, denominator: 1000 } },
    });
    const sent: string[] = [];
    const deps = {
      aggregates,
      indicators: store,
      publishRecomputed: async ({ body }: { body: string }) => {
        sent.push(body);
      },
      now: () => new Date('2026-11-23T11:05:00.000Z'),
    };
    const body = JSON.stringify({
      type: 'ReturnIngested',
      version: 1,
      eventId: 'SUB-ESSEX-0000001',
      occurredAt: '2026-11-23T11:00:00.000Z',
      la: '881',
      returnType: 'ssda903',
      collectionYear: 2025,
      submissionId: 'SUB-ESSEX-0000001',
      status: 'accepted',
    });
    expect((await recomputeIndicators(body, deps)).kind).toBe('recomputed');
    expect((await recomputeIndicators(body, deps)).kind).toBe('duplicate');
    expect(sent).toHaveLength(1);
    const essex = await store.results('881', 2025);
    expect(essex.find((result) => result.indicator === 'placement-instability')?.value).toEqual({
      provenance: 'uploaded',
      value: 15,
      numerator: 150,
      denominator: 1000,
    });
    expect((await store.uploadedForCouncil('881'))[0]?.values).toEqual([
      {
        indicator: 'placement-instability',
        value: 15,
        numerator: 150,
        denominator: 1000,
        denominatorSource: 'return',
      },
    ]);
  });
});
