// Merged (in-year) aggregates on DynamoDB Local: the current item is written only over the figures it was
// merged with, so a submission that merged stale months is told to merge again instead of losing a month.
import { QueryCommand } from '@aws-sdk/lib-dynamodb';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DynamoAggregateStore } from '../../shared/adapters/dynamo-aggregate-store.ts';
import { type ReturnAggregates, StaleAggregatesError } from '../../shared/ports/aggregates.ts';
import { withSingleTable } from './helpers/emulators.ts';

const inyear = (submissionId: string, referrals: number, months: string[]): ReturnAggregates => ({
  la: '886',
  returnType: 'inyear',
  collectionYear: 2026,
  submissionId,
  ingestedAt: '2026-11-23T10:00:00.000Z',
  children: 0,
  indicators: { 'referral-rate': { numerator: referrals * 12, denominator: null } },
  figures: { referrals, monthsReceived: months.length },
  months: months.map((month) => ({
    month,
    figures: { referrals: referrals / months.length },
    submissionId,
    receivedAt: '2026-11-23T10:00:00.000Z',
    revision: 1,
  })),
});

describe('merged aggregates on DynamoDB Local', () => {
  let table: Awaited<ReturnType<typeof withSingleTable>>;
  let store: DynamoAggregateStore;
  beforeAll(async () => {
    table = await withSingleTable();
    store = new DynamoAggregateStore(table.documents, table.tableName);
  });
  afterAll(() => table.stop());

  it('writes the first months only when there are none yet, then only over the months merged with', async () => {
    expect(
      await store.saveReturnAggregates(inyear('SUB-A', 100, ['2025-04']), { expectCurrent: null }),
    ).toEqual({});
    // A second submission that read "no months yet" before SUB-A landed must merge again.
    await expect(
      store.saveReturnAggregates(inyear('SUB-B', 50, ['2025-05']), { expectCurrent: null }),
    ).rejects.toBeInstanceOf(StaleAggregatesError);
    expect((await store.currentAggregates('886', 'inyear', 2026))?.submissionId).toBe('SUB-A');
    // Merged with SUB-A's months, it is written and supersedes SUB-A.
    expect(
      await store.saveReturnAggregates(inyear('SUB-B', 150, ['2025-04', '2025-05']), {
        expectCurrent: 'SUB-A',
      }),
    ).toEqual({ superseded: 'SUB-A' });
    const current = await store.currentAggregates('886', 'inyear', 2026);
    expect(current?.months?.map((month) => month.month)).toEqual(['2025-04', '2025-05']);
    expect(current?.figures).toEqual({ referrals: 150, monthsReceived: 2 });
  });

  it('keeps every submission’s merged state as history', async () => {
    const history = await table.documents.send(
      new QueryCommand({
        TableName: table.tableName,
        KeyConditionExpression: 'pk = :pk AND begins_with(sk, :sk)',
        ExpressionAttributeValues: { ':pk': 'COUNCIL#886', ':sk': 'AGGREGATES#inyear#2026#' },
      }),
    );
    expect((history.Items ?? []).map((item) => [item.sk, item.figures.referrals])).toEqual([
      ['AGGREGATES#inyear#2026#SUB-A', 100],
      ['AGGREGATES#inyear#2026#SUB-B', 150],
    ]);
  });
});
