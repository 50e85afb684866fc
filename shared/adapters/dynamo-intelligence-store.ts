// Secondary adapter: soft intelligence in the single DynamoDB table.
//
// An item lives in its council's partition (its id names the council), so the risk engine reads a
// council's items with a strongly consistent query and never misses a change whose event it is handling.
// Audit entries sit beside it, one per version, written only if absent; they are never overwritten.
// A change's event waits in an outbox partition until it is known to be sent. The item, its audit entry
// and the outbox entry are written in one transaction.
import { TransactionCanceledException } from '@aws-sdk/client-dynamodb';
import {
  DeleteCommand,
  type DynamoDBDocumentClient,
  GetCommand,
  type NativeAttributeValue,
  QueryCommand,
  type QueryCommandInput,
  TransactWriteCommand,
} from '@aws-sdk/lib-dynamodb';
import {
  type IntelligenceChangedV1,
  IntelligenceChangedV1Schema,
} from '../../events/intelligence-changed.ts';
import { findCouncil } from '../domain/councils.ts';
import {
  type AuditEntry,
  countsOn,
  type IntelligenceItem,
  type IntelligenceSignal,
  itemIdCouncil,
  toSignal,
} from '../domain/intelligence.ts';
import type { IntelligenceChange, IntelligenceStore, ListOptions } from '../ports/intelligence.ts';

const councilPk = (la: string) => `COUNCIL#${la}`;
const itemSk = (itemId: string) => `INTELLIGENCE#${itemId}`;
const auditPrefix = (itemId: string) => `INTELAUDIT#${itemId}#`;
// Zero-padded so entries sort by version.
const auditSk = (itemId: string, version: number) =>
  `${auditPrefix(itemId)}${String(version).padStart(6, '0')}`;
const regionGsiPk = (region: string) => `INTELLIGENCE#${region}`;
const regionGsiSk = (item: IntelligenceItem) => `${item.la}#${item.observedOn}#${item.itemId}`;
const OUTBOX_PK = 'OUTBOX#intelligence';
const outboxSk = (event: IntelligenceChangedV1) => `${event.occurredAt}#${event.eventId}`;

type Row = Record<string, NativeAttributeValue>;

function toItem(row: Row): IntelligenceItem {
  return {
    itemId: row.itemId,
    la: row.la,
    category: row.category,
    severity: row.severity,
    confidence: row.confidence,
    source: row.source,
    observedOn: row.observedOn,
    narrative: row.narrative,
    expiresOn: row.expiresOn,
    expiryDefaulted: row.expiryDefaulted,
    status: row.status,
    createdBy: row.createdBy,
    createdAt: row.createdAt,
    updatedBy: row.updatedBy,
    updatedAt: row.updatedAt,
    version: row.version,
    ...(row.withdrawal ? { withdrawal: row.withdrawal } : {}),
  };
}

function toAudit(row: Row): AuditEntry {
  return {
    itemId: row.itemId,
    version: row.version,
    action: row.action,
    at: row.at,
    by: row.by,
    changes: row.changes,
    ...(row.reason ? { reason: row.reason } : {}),
  };
}

function cancelledByCondition(error: unknown, index: number): boolean {
  if (
    !(error instanceof TransactionCanceledException) &&
    (error as Error)?.name !== 'TransactionCanceledException'
  )
    return false;
  const reasons = (error as TransactionCanceledException).CancellationReasons ?? [];
  return reasons[index]?.Code === 'ConditionalCheckFailed';
}

export class DynamoIntelligenceStore implements IntelligenceStore {
  constructor(
    private readonly client: DynamoDBDocumentClient,
    private readonly tableName: string,
  ) {}

  async saveChange(change: IntelligenceChange): Promise<'saved' | 'conflict'> {
    const { item, audit, event, expectedVersion } = change;
    const region = findCouncil(item.la)?.region;
    if (!region || itemIdCouncil(item.itemId) !== item.la)
      throw new Error(`Intelligence item ${item.itemId} does not belong to council ${item.la}`);
    const itemCondition =
      expectedVersion === undefined
        ? { ConditionExpression: 'attribute_not_exists(pk)' }
        : {
            ConditionExpression: 'version = :expected',
            ExpressionAttributeValues: { ':expected': expectedVersion },
          };
    try {
      await this.client.send(
        new TransactWriteCommand({
          TransactItems: [
            {
              Put: {
                TableName: this.tableName,
                Item: {
                  pk: councilPk(item.la),
                  sk: itemSk(item.itemId),
                  gsi1pk: regionGsiPk(region),
                  gsi1sk: regionGsiSk(item),
                  entity: 'intelligence-item',
                  ...item,
                },
                ...itemCondition,
              },
            },
            {
              Put: {
                TableName: this.tableName,
                Item: {
                  pk: councilPk(item.la),
                  sk: auditSk(audit.itemId, audit.version),
                  entity: 'intelligence-audit',
                  ...audit,
                },
                ConditionExpression: 'attribute_not_exists(pk)',
              },
            },
            {
              Put: {
                TableName: this.tableName,
                Item: {
                  pk: OUTBOX_PK,
                  sk: outboxSk(event),
                  entity: 'intelligence-unsent',
                  event: IntelligenceChangedV1Schema.parse(event),
                },
              },
            },
          ],
        }),
      );
      return 'saved';
    } catch (error) {
      if (cancelledByCondition(error, 0)) return 'conflict';
      throw error;
    }
  }

  async getItem(itemId: string): Promise<IntelligenceItem | undefined> {
    const la = itemIdCouncil(itemId);
    if (!la) return undefined;
    const result = await this.client.send(
      new GetCommand({
        TableName: this.tableName,
        Key: { pk: councilPk(la), sk: itemSk(itemId) },
        ConsistentRead: true,
      }),
    );
    return result.Item ? toItem(result.Item) : undefined;
  }

  async getWithAudit(itemId: string): Promise<{ item: IntelligenceItem; audit: AuditEntry[] } | undefined> {
    const la = itemIdCouncil(itemId);
    if (!la) return undefined;
    const [item, rows] = await Promise.all([
      this.getItem(itemId),
      this.queryAll({
        KeyConditionExpression: 'pk = :pk AND begins_with(sk, :prefix)',
        ExpressionAttributeValues: { ':pk': councilPk(la), ':prefix': auditPrefix(itemId) },
        ConsistentRead: true,
      }),
    ]);
    return item ? { item, audit: rows.map(toAudit) } : undefined;
  }

  async listForCouncil(la: string, options: ListOptions): Promise<IntelligenceItem[]> {
    const rows = await this.queryAll({
      KeyConditionExpression: 'pk = :pk AND begins_with(sk, :prefix)',
      ExpressionAttributeValues: { ':pk': councilPk(la), ':prefix': 'INTELLIGENCE#' },
      ConsistentRead: true,
    });
    return rows.map(toItem).filter((item) => options.includeWithdrawn || item.status === 'active');
  }

  /** From the index: a change can take a moment to appear here, never in a council's own list. */
  async listForRegion(region: string, options: ListOptions): Promise<IntelligenceItem[]> {
    const rows = await this.queryAll({
      IndexName: 'gsi1',
      KeyConditionExpression: 'gsi1pk = :pk',
      ExpressionAttributeValues: { ':pk': regionGsiPk(region) },
    });
    return rows.map(toItem).filter((item) => options.includeWithdrawn || item.status === 'active');
  }

  async activeSignals(la: string, asOf: string): Promise<IntelligenceSignal[]> {
    const items = await this.listForCouncil(la, { includeWithdrawn: false });
    return items.filter((item) => countsOn(item, asOf)).map(toSignal);
  }

  async unsentChanges(limit: number): Promise<IntelligenceChangedV1[]> {
    const result = await this.client.send(
      new QueryCommand({
        TableName: this.tableName,
        KeyConditionExpression: 'pk = :pk',
        ExpressionAttributeValues: { ':pk': OUTBOX_PK },
        ConsistentRead: true,
        Limit: limit,
      }),
    );
    return (result.Items ?? []).map((row) => IntelligenceChangedV1Schema.parse(row.event));
  }

  async markChangeSent(event: IntelligenceChangedV1): Promise<void> {
    await this.client.send(
      new DeleteCommand({ TableName: this.tableName, Key: { pk: OUTBOX_PK, sk: outboxSk(event) } }),
    );
  }

  private async queryAll(input: Omit<QueryCommandInput, 'TableName'>): Promise<Row[]> {
    const rows: Row[] = [];
    let start: Row | undefined;
    do {
      const page = await this.client.send(
        new QueryCommand({ TableName: this.tableName, ...input, ExclusiveStartKey: start }),
      );
      rows.push(...(page.Items ?? []));
      start = page.LastEvaluatedKey;
    } while (start);
    return rows;
  }
}
