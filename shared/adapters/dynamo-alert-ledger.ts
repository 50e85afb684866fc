// Secondary adapters: what the notify function records in the single table.
//   ALERT#{alertId} / SEND#{recipient}             one message (an alert or a digest) to one mailbox: state
//                                                  'sending' with a lease and a token, then 'sent' with the
//                                                  message id, or 'failed' with the reason
//   ALERT#{eventId} / HELD#{adviserId}             the alert was held for that adviser's digest (kept after the
//                                                  digest is sent, so a redelivery never holds it again)
//   DIGEST#HELD / {adviserId}#{occurredAt}#{eventId}  an alert waiting for its adviser's next digest
//   COUNCIL#{la} / ALERTED#{occurredAt}#{eventId}  the council was alerted, so the next alert knows "since when"
// Ledger records and held markers expire (TTL) 90 days on, long after SQS could redeliver the alert.
import { randomUUID } from 'node:crypto';
import {
  DeleteCommand,
  type DynamoDBDocumentClient,
  GetCommand,
  PutCommand,
  QueryCommand,
  TransactWriteCommand,
  UpdateCommand,
} from '@aws-sdk/lib-dynamodb';
import type { HeldAlert } from '../domain/adviser-digest.ts';
import type { AlertEmailInput } from '../domain/alert-email.ts';
import type { AlertHistory, DigestStore } from '../ports/adviser-alerts.ts';
import type { ClaimOutcome, SendKey, SendLedger } from '../ports/mailer.ts';

const RECORD_DAYS = 90;
const HELD_PK = 'DIGEST#HELD';
const ALERTED_PREFIX = 'ALERTED#';

const sendKey = (key: SendKey) => ({ pk: `ALERT#${key.alertId}`, sk: `SEND#${key.recipient}` });
const heldMarkerKey = (alert: HeldAlert) => ({ pk: `ALERT#${alert.eventId}`, sk: `HELD#${alert.adviserId}` });
const heldKey = (alert: HeldAlert) => ({
  pk: HELD_PK,
  sk: `${alert.adviserId}#${alert.occurredAt}#${alert.eventId}`,
});
const expiresAt = (now: Date) => Math.floor(now.getTime() / 1000) + RECORD_DAYS * 86_400;

const isConditionFailure = (error: unknown) => (error as Error)?.name === 'ConditionalCheckFailedException';
/** A transaction cancelled because one of its conditions failed (not for throttling or a conflict). */
const isTransactionConditionFailure = (error: unknown) =>
  (error as Error)?.name === 'TransactionCanceledException' &&
  ((error as { CancellationReasons?: { Code?: string }[] }).CancellationReasons ?? []).some(
    (reason) => reason.Code === 'ConditionalCheckFailed',
  );

export class DynamoSendLedger implements SendLedger {
  constructor(
    private readonly client: DynamoDBDocumentClient,
    private readonly tableName: string,
    private readonly newToken: () => string = randomUUID,
  ) {}

  async claim(key: SendKey, now: Date, leaseMs: number): Promise<ClaimOutcome> {
    const token = this.newToken();
    try {
      await this.client.send(
        new UpdateCommand({
          TableName: this.tableName,
          Key: sendKey(key),
          // Free, failed, or claimed by a consumer that never finished (its lease ran out): that is retried.
          // A live claim or a sent message is never taken over.
          UpdateExpression:
            'SET #state = :sending, #token = :token, leaseUntil = :lease, claimedAt = :now, expiresAt = :expires ADD attempts :one',
          ConditionExpression:
            'attribute_not_exists(pk) OR #state = :failed OR (#state = :sending AND leaseUntil < :now)',
          ExpressionAttributeNames: { '#state': 'state', '#token': 'token' },
          ExpressionAttributeValues: {
            ':sending': 'sending',
            ':failed': 'failed',
            ':token': token,
            ':lease': new Date(now.getTime() + leaseMs).toISOString(),
            ':now': now.toISOString(),
            ':expires': expiresAt(now),
            ':one': 1,
          },
        }),
      );
      return { kind: 'claimed', token };
    } catch (error) {
      if (!isConditionFailure(error)) throw error;
    }
    const existing = await this.client.send(
      new GetCommand({ TableName: this.tableName, Key: sendKey(key), ConsistentRead: true }),
    );
    if (existing.Item?.state === 'sent') return { kind: 'sent' };
    return { kind: 'busy', until: String(existing.Item?.leaseUntil ?? now.toISOString()) };
  }

  async markSent(key: SendKey, token: string, messageId: string, now: Date): Promise<void> {
    // Unconditional on the token: the email has gone, whoever's lease it was, so it must never go again.
    await this.client.send(
      new UpdateCommand({
        TableName: this.tableName,
        Key: sendKey(key),
        UpdateExpression:
          'SET #state = :sent, messageId = :messageId, sentAt = :now, sentBy = :token REMOVE leaseUntil, lastError',
        ExpressionAttributeNames: { '#state': 'state' },
        ExpressionAttributeValues: {
          ':sent': 'sent',
          ':messageId': messageId,
          ':now': now.toISOString(),
          ':token': token,
        },
      }),
    );
  }

  async markFailed(key: SendKey, token: string, reason: string, now: Date): Promise<void> {
    try {
      await this.client.send(
        new UpdateCommand({
          TableName: this.tableName,
          Key: sendKey(key),
          UpdateExpression: 'SET #state = :failed, lastError = :reason, failedAt = :now REMOVE leaseUntil',
          ConditionExpression: '#state = :sending AND #token = :token',
          ExpressionAttributeNames: { '#state': 'state', '#token': 'token' },
          ExpressionAttributeValues: {
            ':sending': 'sending',
            ':failed': 'failed',
            ':token': token,
            ':reason': reason.slice(0, 2000),
            ':now': now.toISOString(),
          },
        }),
      );
    } catch (error) {
      // Someone else's claim by now (our lease ran out), or already sent: theirs to keep.
      if (!isConditionFailure(error)) throw error;
    }
  }

  /** The ledger record as stored, for operators and tests. */
  async record(key: SendKey): Promise<Record<string, unknown> | undefined> {
    const result = await this.client.send(
      new GetCommand({ TableName: this.tableName, Key: sendKey(key), ConsistentRead: true }),
    );
    return result.Item;
  }
}

export class DynamoAlertHistory implements AlertHistory {
  constructor(
    private readonly client: DynamoDBDocumentClient,
    private readonly tableName: string,
  ) {}

  async recordAlert(la: string, occurredAt: string, eventId: string): Promise<void> {
    await this.client.send(
      new PutCommand({
        TableName: this.tableName,
        Item: {
          pk: `COUNCIL#${la}`,
          sk: `${ALERTED_PREFIX}${occurredAt}#${eventId}`,
          la,
          occurredAt,
          eventId,
        },
      }),
    );
  }

  async previousAlertAt(la: string, occurredAt: string): Promise<string | undefined> {
    // Keys sort by time; this alert's own key is `ALERTED#{occurredAt}#…`, just after the upper bound.
    const result = await this.client.send(
      new QueryCommand({
        TableName: this.tableName,
        KeyConditionExpression: 'pk = :pk AND sk BETWEEN :from AND :to',
        ExpressionAttributeValues: {
          ':pk': `COUNCIL#${la}`,
          ':from': ALERTED_PREFIX,
          ':to': `${ALERTED_PREFIX}${occurredAt}`,
        },
        ScanIndexForward: false,
        ConsistentRead: true,
        Limit: 1,
      }),
    );
    return result.Items?.[0]?.occurredAt as string | undefined;
  }
}

export class DynamoDigestStore implements DigestStore {
  constructor(
    private readonly client: DynamoDBDocumentClient,
    private readonly tableName: string,
    private readonly now: () => Date = () => new Date(),
  ) {}

  async hold(alert: HeldAlert): Promise<'held' | 'already-held'> {
    try {
      await this.client.send(
        new TransactWriteCommand({
          TransactItems: [
            {
              Put: {
                TableName: this.tableName,
                Item: {
                  ...heldMarkerKey(alert),
                  heldAt: this.now().toISOString(),
                  expiresAt: expiresAt(this.now()),
                },
                ConditionExpression: 'attribute_not_exists(pk)',
              },
            },
            {
              Put: {
                TableName: this.tableName,
                Item: {
                  ...heldKey(alert),
                  adviserId: alert.adviserId,
                  eventId: alert.eventId,
                  occurredAt: alert.occurredAt,
                  input: JSON.stringify(alert.input),
                },
              },
            },
          ],
        }),
      );
      return 'held';
    } catch (error) {
      if (isTransactionConditionFailure(error)) return 'already-held';
      throw error;
    }
  }

  async listHeld(): Promise<HeldAlert[]> {
    const held: HeldAlert[] = [];
    let start: Record<string, unknown> | undefined;
    do {
      const page = await this.client.send(
        new QueryCommand({
          TableName: this.tableName,
          KeyConditionExpression: 'pk = :pk',
          ExpressionAttributeValues: { ':pk': HELD_PK },
          ConsistentRead: true,
          ExclusiveStartKey: start,
        }),
      );
      for (const row of page.Items ?? []) {
        held.push({
          adviserId: row.adviserId as string,
          eventId: row.eventId as string,
          occurredAt: row.occurredAt as string,
          ...(row.digestId ? { digestId: row.digestId as string } : {}),
          input: JSON.parse(row.input as string) as AlertEmailInput,
        });
      }
      start = page.LastEvaluatedKey;
    } while (start);
    return held;
  }

  async assign(alerts: readonly HeldAlert[], digestId: string): Promise<boolean> {
    if (alerts.length === 0) return true;
    try {
      await this.client.send(
        new TransactWriteCommand({
          TransactItems: alerts.map((alert) => ({
            Update: {
              TableName: this.tableName,
              Key: heldKey(alert),
              UpdateExpression: 'SET digestId = :digest',
              ConditionExpression: 'attribute_exists(pk) AND attribute_not_exists(digestId)',
              ExpressionAttributeValues: { ':digest': digestId },
            },
          })),
        }),
      );
      return true;
    } catch (error) {
      if (isTransactionConditionFailure(error)) return false;
      throw error;
    }
  }

  async release(alerts: readonly HeldAlert[]): Promise<void> {
    for (const alert of alerts) {
      await this.client.send(new DeleteCommand({ TableName: this.tableName, Key: heldKey(alert) }));
    }
  }
}
