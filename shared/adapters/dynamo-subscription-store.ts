// Secondary adapter: DfE subscriptions, link tokens and the summary delivery ledger in the single table.
//   DFE#SUBSCRIPTIONS / SUBSCRIPTION#{id}       a subscription (few: one partition, read consistently)
//   DFE#TOKEN#{sha256 of token} / META          a link's purpose and subscription; expires (TTL)
//   DFE#DELIVERY#{summaryId} / TO#{id}          one summary to one subscription: claimed, then sent
import { randomUUID } from 'node:crypto';
import {
  DeleteCommand,
  type DynamoDBDocumentClient,
  GetCommand,
  PutCommand,
  QueryCommand,
  UpdateCommand,
} from '@aws-sdk/lib-dynamodb';
import type { Subscription } from '../domain/dfe-subscriptions.ts';
import type {
  DeliveryClaim,
  DeliveryKey,
  DeliveryLedger,
  StoredToken,
  SubscriptionStore,
} from '../ports/subscriptions.ts';

const SUBSCRIPTIONS_PK = 'DFE#SUBSCRIPTIONS';
const subscriptionSk = (subscriptionId: string) => `SUBSCRIPTION#${subscriptionId}`;
const tokenPk = (tokenHash: string) => `DFE#TOKEN#${tokenHash}`;
const deliveryKey = (key: DeliveryKey) => ({
  pk: `DFE#DELIVERY#${key.summaryId}`,
  sk: `TO#${key.subscriptionId}`,
});
/** Delivery records are kept for a year and a bit, then expire (the table's TTL attribute). */
const DELIVERY_KEEP_SECONDS = 400 * 86_400;
const epochSeconds = (iso: string | Date) => Math.floor(new Date(iso).getTime() / 1000);

type Row = Record<string, unknown>;

const toSubscription = (row: Row): Subscription => ({
  subscriptionId: row.subscriptionId as string,
  email: row.email as string,
  scope: row.scope as string,
  cadence: row.cadence as Subscription['cadence'],
  status: row.status as Subscription['status'],
  owner: row.owner as string,
  createdAt: row.createdAt as string,
  confirmedAt: (row.confirmedAt as string | null | undefined) ?? null,
});

const isConditionFailure = (error: unknown) => (error as Error)?.name === 'ConditionalCheckFailedException';

export class DynamoSubscriptionStore implements SubscriptionStore, DeliveryLedger {
  constructor(
    private readonly client: DynamoDBDocumentClient,
    private readonly tableName: string,
  ) {}

  async get(subscriptionId: string): Promise<Subscription | undefined> {
    const result = await this.client.send(
      new GetCommand({
        TableName: this.tableName,
        Key: { pk: SUBSCRIPTIONS_PK, sk: subscriptionSk(subscriptionId) },
        ConsistentRead: true,
      }),
    );
    return result.Item ? toSubscription(result.Item) : undefined;
  }

  async list(): Promise<Subscription[]> {
    const rows: Row[] = [];
    let start: Row | undefined;
    do {
      const page = await this.client.send(
        new QueryCommand({
          TableName: this.tableName,
          KeyConditionExpression: 'pk = :pk AND begins_with(sk, :prefix)',
          ExpressionAttributeValues: { ':pk': SUBSCRIPTIONS_PK, ':prefix': 'SUBSCRIPTION#' },
          ConsistentRead: true,
          ExclusiveStartKey: start,
        }),
      );
      rows.push(...(page.Items ?? []));
      start = page.LastEvaluatedKey;
    } while (start);
    return rows.map(toSubscription);
  }

  async put(subscription: Subscription): Promise<void> {
    await this.client.send(
      new PutCommand({
        TableName: this.tableName,
        Item: { pk: SUBSCRIPTIONS_PK, sk: subscriptionSk(subscription.subscriptionId), ...subscription },
      }),
    );
  }

  async confirm(subscriptionId: string, at: string): Promise<'confirmed' | 'missing'> {
    try {
      await this.client.send(
        new UpdateCommand({
          TableName: this.tableName,
          Key: { pk: SUBSCRIPTIONS_PK, sk: subscriptionSk(subscriptionId) },
          UpdateExpression: 'SET #status = :confirmed, confirmedAt = if_not_exists(confirmedAt, :at)',
          ConditionExpression: 'attribute_exists(pk)',
          ExpressionAttributeNames: { '#status': 'status' },
          ExpressionAttributeValues: { ':confirmed': 'confirmed', ':at': at },
        }),
      );
      return 'confirmed';
    } catch (error) {
      if (isConditionFailure(error)) return 'missing';
      throw error;
    }
  }

  async remove(subscriptionId: string): Promise<Subscription | undefined> {
    const result = await this.client.send(
      new DeleteCommand({
        TableName: this.tableName,
        Key: { pk: SUBSCRIPTIONS_PK, sk: subscriptionSk(subscriptionId) },
        ReturnValues: 'ALL_OLD',
      }),
    );
    return result.Attributes ? toSubscription(result.Attributes) : undefined;
  }

  async saveToken(tokenHash: string, token: StoredToken): Promise<void> {
    await this.client.send(
      new PutCommand({
        TableName: this.tableName,
        Item: {
          pk: tokenPk(tokenHash),
          sk: 'META',
          ...token,
          expiresAt: epochSeconds(token.expiresAt),
          validUntil: token.expiresAt,
        },
        // A hash of 32 random bytes never repeats; refusing to overwrite makes sure of it.
        ConditionExpression: 'attribute_not_exists(pk)',
      }),
    );
  }

  async findToken(tokenHash: string): Promise<StoredToken | undefined> {
    const result = await this.client.send(
      new GetCommand({
        TableName: this.tableName,
        Key: { pk: tokenPk(tokenHash), sk: 'META' },
        ConsistentRead: true,
      }),
    );
    if (!result.Item) return undefined;
    return {
      purpose: result.Item.purpose as StoredToken['purpose'],
      subscriptionId: result.Item.subscriptionId as string,
      expiresAt: result.Item.validUntil as string,
    };
  }

  async useToken(tokenHash: string): Promise<boolean> {
    try {
      await this.client.send(
        new DeleteCommand({
          TableName: this.tableName,
          Key: { pk: tokenPk(tokenHash), sk: 'META' },
          ConditionExpression: 'attribute_exists(pk)',
        }),
      );
      return true;
    } catch (error) {
      if (isConditionFailure(error)) return false;
      throw error;
    }
  }

  async claim(key: DeliveryKey, now: Date, leaseMs: number): Promise<DeliveryClaim> {
    const token = randomUUID();
    try {
      await this.client.send(
        new PutCommand({
          TableName: this.tableName,
          Item: {
            ...deliveryKey(key),
            ...key,
            status: 'sending',
            claimToken: token,
            leaseUntil: new Date(now.getTime() + leaseMs).toISOString(),
            expiresAt: epochSeconds(now) + DELIVERY_KEEP_SECONDS,
          },
          ConditionExpression: 'attribute_not_exists(pk) OR (#status = :sending AND leaseUntil < :now)',
          ExpressionAttributeNames: { '#status': 'status' },
          ExpressionAttributeValues: { ':sending': 'sending', ':now': now.toISOString() },
        }),
      );
      return { kind: 'claimed', token };
    } catch (error) {
      if (!isConditionFailure(error)) throw error;
      const existing = await this.client.send(
        new GetCommand({ TableName: this.tableName, Key: deliveryKey(key), ConsistentRead: true }),
      );
      return existing.Item?.status === 'sent' ? { kind: 'sent' } : { kind: 'busy' };
    }
  }

  async markSent(key: DeliveryKey, token: string, messageId: string, now: Date): Promise<void> {
    await this.client.send(
      new UpdateCommand({
        TableName: this.tableName,
        Key: deliveryKey(key),
        UpdateExpression: 'SET #status = :sent, messageId = :messageId, sentAt = :now REMOVE leaseUntil',
        ConditionExpression: 'claimToken = :token',
        ExpressionAttributeNames: { '#status': 'status' },
        ExpressionAttributeValues: {
          ':sent': 'sent',
          ':messageId': messageId,
          ':now': now.toISOString(),
          ':token': token,
        },
      }),
    );
  }

  async release(key: DeliveryKey, token: string): Promise<void> {
    try {
      await this.client.send(
        new DeleteCommand({
          TableName: this.tableName,
          Key: deliveryKey(key),
          ConditionExpression: 'claimToken = :token AND #status = :sending',
          ExpressionAttributeNames: { '#status': 'status' },
          ExpressionAttributeValues: { ':token': token, ':sending': 'sending' },
        }),
      );
    } catch (error) {
      if (!isConditionFailure(error)) throw error;
    }
  }
}
