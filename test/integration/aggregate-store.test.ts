import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DynamoAggregateStore } from '../../shared/adapters/dynamo-aggregate-store.ts';
import type { ReturnAggregates } from '../../shared/ports/aggregates.ts';
import { withSingleTable } from './helpers/emulators.ts';

const aggregates = (submissionId: string, ingestedAt: string, looked: number): ReturnAggregates => ({
  la: '886',
  returnType: 'ssda903',
  collectionYear: 2026,
  submissionId,
  ingestedAt,
  children: looked,
  indicators: { 'cla-rate': { numerator: looked, denominator: null } },
});

describe('aggregate store on DynamoDB Local', () => {
  let table: Awaited<ReturnType<typeof withSingleTable>>;
  let store: DynamoAggregateStore;
  beforeAll(async () => {
    table = await withSingleTable();
    store = new DynamoAggregateStore(table.documents, table.tableName);
  });
  afterAll(() => table.stop());

  it('makes the first return the current figures, superseding nothing', async () => {
    expect(await store.saveReturnAggregates(aggregates('SUB-1', '2026-11-23T10:00:00.000Z', 100))).toEqual(
      {},
    );
    expect((await store.currentAggregates('886', 'ssda903', 2026))?.children).toBe(100);
  });

  it('lets a corrected return supersede the earlier one, and says which', async () => {
    expect(await store.saveReturnAggregates(aggregates('SUB-2', '2026-11-24T10:00:00.000Z', 120))).toEqual({
      superseded: 'SUB-1',
    });
    expect(await store.currentAggregates('886', 'ssda903', 2026)).toMatchObject({
      submissionId: 'SUB-2',
      children: 120,
    });
  });

  it('changes nothing when the same ingestion is saved again', async () => {
    expect(await store.saveReturnAggregates(aggregates('SUB-2', '2026-11-24T10:05:00.000Z', 120))).toEqual(
      {},
    );
    expect((await store.currentAggregates('886', 'ssda903', 2026))?.ingestedAt).toBe(
      '2026-11-24T10:00:00.000Z',
    );
  });

  it('never lets a late redelivery of an older ingestion replace a newer one', async () => {
    expect(await store.saveReturnAggregates(aggregates('SUB-0', '2026-11-22T10:00:00.000Z', 90))).toEqual({});
    expect((await store.currentAggregates('886', 'ssda903', 2026))?.submissionId).toBe('SUB-2');
  });

  it('keeps the correction declared last current, whatever order the returns are ingested in', async () => {
    const declared = (submissionId: string, submittedAt: string, ingestedAt: string, looked: number) => ({
      ...aggregates(submissionId, ingestedAt, looked),
      collectionYear: 2027,
      submittedAt,
    });
    // Declared 10:00 then 10:01; the later one's files landed first, so it was ingested first.
    await store.saveReturnAggregates(
      declared('SUB-B', '2026-11-25T10:01:00.000Z', '2026-11-25T10:05:00.000Z', 80),
    );
    expect(
      await store.saveReturnAggregates(
        declared('SUB-A', '2026-11-25T10:00:00.000Z', '2026-11-25T10:06:00.000Z', 70),
      ),
    ).toEqual({});
    expect((await store.currentAggregates('886', 'ssda903', 2027))?.submissionId).toBe('SUB-B');
    // A correction declared after both still supersedes.
    expect(
      await store.saveReturnAggregates(
        declared('SUB-C', '2026-11-25T10:02:00.000Z', '2026-11-25T10:07:00.000Z', 75),
      ),
    ).toEqual({ superseded: 'SUB-B' });
  });

  it('keeps every council, return and year apart', async () => {
    expect(await store.currentAggregates('886', 'ssda903', 2025)).toBeUndefined();
    expect(await store.currentAggregates('302', 'ssda903', 2026)).toBeUndefined();
  });
});
