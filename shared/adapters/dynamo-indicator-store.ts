// Secondary adapter: indicator values, recomputed indicators and recompute records in the single table.
//
// Key design (periods are four-digit years, so they sort as strings):
//
// | item              | pk                   | sk                               | gsi1pk                     | gsi1sk                     |
// | ----------------- | -------------------- | -------------------------------- | -------------------------- | -------------------------- |
// | uploaded values   | COUNCIL#{la}         | UPLOADED#{period}#{returnType}   | UPLOADED#{region}          | {period}#{la}#{returnType} |
// | indicator result  | COUNCIL#{la}         | INDICATOR#{period}#{code}        | INDICATOR#{code}#{period}  | {la}                       |
// | recompute record  | RECOMPUTE#{eventId}  | META                             | —                          | —                          |
//
// Access patterns:
// - a council's own uploaded values, all periods: query pk = COUNCIL#{la}, sk begins_with UPLOADED#
//   (what a council's own view needs: one partition, strongly consistent);
// - a region's uploaded values, optionally for a span of periods: query gsi1 UPLOADED#{region}, gsi1sk
//   between {from}# and {to}#~ (an adviser's view is one query; all councils are nine, one per region);
// - a council's indicators for a period: query pk = COUNCIL#{la}, sk begins_with INDICATOR#{period}#;
// - one indicator across councils for a period: query gsi1 INDICATOR#{code}#{period};
// - has an event been recomputed: get RECOMPUTE#{eventId} (a TTL attribute expires it after 90 days).
// One set per council, period and return type (not one item per value) keeps a region's partition small:
// at most 33 councils x 14 years x 4 return types.
import { ConditionalCheckFailedException } from '@aws-sdk/client-dynamodb';
import {
  BatchWriteCommand,
  type DynamoDBDocumentClient,
  GetCommand,
  PutCommand,
  QueryCommand,
  type QueryCommandInput,
} from '@aws-sdk/lib-dynamodb';
import type {
  IndicatorStore,
  RecomputeRecord,
  StoredIndicatorResult,
  UploadedValueSet,
} from '../ports/indicators.ts';

const councilPk = (la: string) => `COUNCIL#${la}`;
const uploadedSk = (period: number, returnType: string) => `UPLOADED#${period}#${returnType}`;
const resultSk = (period: number, indicator: string) => `INDICATOR#${period}#${indicator}`;
const recomputePk = (eventId: string) => `RECOMPUTE#${eventId}`;
const KEYS = ['pk', 'sk', 'gsi1pk', 'gsi1sk'] as const;

// BatchWriteItem takes at most 25 items per call.
const BATCH_SIZE = 25;
const MAX_BATCH_ATTEMPTS = 8;

/** Drops undefined members (the document client refuses them unless told otherwise) and copies the value. */
const plain = <T>(value: T): T => JSON.parse(JSON.stringify(value)) as T;

function withoutKeys<T>(item: Record<string, unknown>): T {
  const copy = { ...item };
  for (const key of KEYS) delete copy[key];
  return copy as T;
}

export class DynamoIndicatorStore implements IndicatorStore {
  constructor(
    private readonly client: DynamoDBDocumentClient,
    private readonly tableName: string,
  ) {}

  async recomputeRecord(eventId: string): Promise<RecomputeRecord | undefined> {
    const result = await this.client.send(
      new GetCommand({
        TableName: this.tableName,
        Key: { pk: recomputePk(eventId), sk: 'META' },
        ConsistentRead: true,
      }),
    );
    return result.Item ? withoutKeys<RecomputeRecord>(result.Item) : undefined;
  }

  async saveUploadedValues(set: UploadedValueSet): Promise<void> {
    await this.client.send(
      new PutCommand({
        TableName: this.tableName,
        Item: {
          pk: councilPk(set.la),
          sk: uploadedSk(set.period, set.returnType),
          gsi1pk: `UPLOADED#${set.region}`,
          gsi1sk: `${set.period}#${set.la}#${set.returnType}`,
          ...plain(set),
        },
      }),
    );
  }

  async saveResults(results: readonly StoredIndicatorResult[]): Promise<void> {
    const requests = results.map((result) => ({
      PutRequest: {
        Item: {
          pk: councilPk(result.la),
          sk: resultSk(result.period, result.indicator),
          gsi1pk: `INDICATOR#${result.indicator}#${result.period}`,
          gsi1sk: result.la,
          ...plain(result),
        },
      },
    }));
    for (let start = 0; start < requests.length; start += BATCH_SIZE) {
      await this.writeBatch(requests.slice(start, start + BATCH_SIZE));
    }
  }

  /** Writes one batch, resending what DynamoDB left unprocessed (throttling) with a growing pause. */
  private async writeBatch(requests: readonly Record<string, unknown>[]): Promise<void> {
    let pending = [...requests];
    for (let attempt = 1; pending.length > 0; attempt += 1) {
      if (attempt > MAX_BATCH_ATTEMPTS) {
        throw new Error(
          `DynamoDB left ${pending.length} indicator results unwritten after ${MAX_BATCH_ATTEMPTS} attempts`,
        );
      }
      if (attempt > 1) await new Promise((resolve) => setTimeout(resolve, 25 * 2 ** attempt));
      const response = await this.client.send(
        new BatchWriteCommand({ RequestItems: { [this.tableName]: pending } }),
      );
      pending = (response.UnprocessedItems?.[this.tableName] ?? []) as Record<string, unknown>[];
    }
  }

  async markRecomputed(record: RecomputeRecord): Promise<boolean> {
    try {
      await this.client.send(
        new PutCommand({
          TableName: this.tableName,
          Item: { pk: recomputePk(record.eventId), sk: 'META', ...plain(record) },
          ConditionExpression: 'attribute_not_exists(pk)',
        }),
      );
      return true;
    } catch (error) {
      if (error instanceof ConditionalCheckFailedException) return false;
      throw error;
    }
  }

  async uploadedForCouncil(la: string): Promise<UploadedValueSet[]> {
    return this.queryAll<UploadedValueSet>({
      TableName: this.tableName,
      KeyConditionExpression: 'pk = :pk AND begins_with(sk, :prefix)',
      ExpressionAttributeValues: { ':pk': councilPk(la), ':prefix': 'UPLOADED#' },
      ConsistentRead: true,
    });
  }

  async uploadedInRegion(
    region: string,
    periods?: { from: number; to: number },
  ): Promise<UploadedValueSet[]> {
    const pk = `UPLOADED#${region}`;
    return this.queryAll<UploadedValueSet>(
      periods
        ? {
            TableName: this.tableName,
            IndexName: 'gsi1',
            KeyConditionExpression: 'gsi1pk = :pk AND gsi1sk BETWEEN :from AND :to',
            ExpressionAttributeValues: { ':pk': pk, ':from': `${periods.from}#`, ':to': `${periods.to}#~` },
          }
        : {
            TableName: this.tableName,
            IndexName: 'gsi1',
            KeyConditionExpression: 'gsi1pk = :pk',
            ExpressionAttributeValues: { ':pk': pk },
          },
    );
  }

  async results(la: string, period: number): Promise<StoredIndicatorResult[]> {
    return this.queryAll<StoredIndicatorResult>({
      TableName: this.tableName,
      KeyConditionExpression: 'pk = :pk AND begins_with(sk, :prefix)',
      ExpressionAttributeValues: { ':pk': councilPk(la), ':prefix': `INDICATOR#${period}#` },
      ConsistentRead: true,
    });
  }

  async resultsForIndicator(indicator: string, period: number): Promise<StoredIndicatorResult[]> {
    return this.queryAll<StoredIndicatorResult>({
      TableName: this.tableName,
      IndexName: 'gsi1',
      KeyConditionExpression: 'gsi1pk = :pk',
      ExpressionAttributeValues: { ':pk': `INDICATOR#${indicator}#${period}` },
    });
  }

  private async queryAll<T>(input: QueryCommandInput): Promise<T[]> {
    const items: T[] = [];
    let startKey: Record<string, unknown> | undefined;
    do {
      const page = await this.client.send(new QueryCommand({ ...input, ExclusiveStartKey: startKey }));
      for (const item of page.Items ?? []) items.push(withoutKeys<T>(item));
      startKey = page.LastEvaluatedKey;
    } while (startKey);
    return items;
  }
}
