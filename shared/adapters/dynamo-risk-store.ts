// Secondary adapter: risk assessments in the single table.
//   COUNCIL#{la} / RISK#CURRENT            the current assessment and its version (and alertPending until
//                                          its alert is sent)
//   COUNCIL#{la} / RISK#V#{version:6}      every assessment, never overwritten (history, audit)
//   COUNCIL#{la} / RISK#OVERRIDE           the adviser's override, if any (each assessment records it too)
// The first two are written in one transaction, conditional on the version, so two concurrent recomputes for a
// council cannot both take the same version.
import {
  DeleteCommand,
  type DynamoDBDocumentClient,
  GetCommand,
  PutCommand,
  QueryCommand,
  TransactWriteCommand,
  UpdateCommand,
} from '@aws-sdk/lib-dynamodb';
import type { AdviserOverride } from '../domain/risk/assess.ts';
import type { RiskStore, StoredAssessment } from '../ports/risk.ts';

const pk = (la: string) => `COUNCIL#${la}`;
const CURRENT = 'RISK#CURRENT';
const OVERRIDE = 'RISK#OVERRIDE';
const versionSk = (version: number) => `RISK#V#${String(version).padStart(6, '0')}`;

const fromItem = (item: Record<string, unknown>): StoredAssessment => ({
  version: item.version as number,
  assessment: item.assessment as StoredAssessment['assessment'],
  cause: item.cause as StoredAssessment['cause'],
  assessedAt: item.assessedAt as string,
  ...(item.alertPending === true ? { alertPending: true } : {}),
});

export class DynamoRiskStore implements RiskStore {
  constructor(
    private readonly client: DynamoDBDocumentClient,
    private readonly tableName: string,
  ) {}

  async current(la: string): Promise<StoredAssessment | undefined> {
    const result = await this.client.send(
      new GetCommand({ TableName: this.tableName, Key: { pk: pk(la), sk: CURRENT }, ConsistentRead: true }),
    );
    return result.Item ? fromItem(result.Item) : undefined;
  }

  async history(la: string, limit: number): Promise<StoredAssessment[]> {
    const result = await this.client.send(
      new QueryCommand({
        TableName: this.tableName,
        KeyConditionExpression: 'pk = :pk AND begins_with(sk, :prefix)',
        ExpressionAttributeValues: { ':pk': pk(la), ':prefix': 'RISK#V#' },
        ScanIndexForward: false,
        Limit: limit,
        // Its newest entry is read as the current assessment (risk views): it must include the last save.
        ConsistentRead: true,
      }),
    );
    return (result.Items ?? []).map(fromItem);
  }

  async save(la: string, stored: StoredAssessment): Promise<'saved' | 'conflict'> {
    // The history keeps what was assessed; whether its alert is still to send is the current one's state.
    const { alertPending, ...assessed } = stored;
    const item = { la, ...assessed };
    try {
      await this.client.send(
        new TransactWriteCommand({
          TransactItems: [
            {
              Put: {
                TableName: this.tableName,
                Item: { pk: pk(la), sk: versionSk(stored.version), ...item },
                ConditionExpression: 'attribute_not_exists(pk)',
              },
            },
            {
              Put: {
                TableName: this.tableName,
                Item: { pk: pk(la), sk: CURRENT, ...item, ...(alertPending ? { alertPending: true } : {}) },
                ConditionExpression:
                  stored.version === 1 ? 'attribute_not_exists(pk)' : 'version = :previous',
                ...(stored.version === 1
                  ? {}
                  : { ExpressionAttributeValues: { ':previous': stored.version - 1 } }),
              },
            },
          ],
        }),
      );
      return 'saved';
    } catch (error) {
      if ((error as Error)?.name === 'TransactionCanceledException') return 'conflict';
      throw error;
    }
  }

  async alertSent(la: string, version: number): Promise<void> {
    try {
      await this.client.send(
        new UpdateCommand({
          TableName: this.tableName,
          Key: { pk: pk(la), sk: CURRENT },
          UpdateExpression: 'REMOVE alertPending',
          ConditionExpression: 'version = :version',
          ExpressionAttributeValues: { ':version': version },
        }),
      );
    } catch (error) {
      // A later assessment took over: it sent this one's alert before it was stored.
      if ((error as Error)?.name !== 'ConditionalCheckFailedException') throw error;
    }
  }

  async override(la: string): Promise<(AdviserOverride & { readonly setAt: string }) | undefined> {
    const result = await this.client.send(
      new GetCommand({ TableName: this.tableName, Key: { pk: pk(la), sk: OVERRIDE }, ConsistentRead: true }),
    );
    if (!result.Item) return undefined;
    const { band, reason, expiresOn, by, setAt } = result.Item;
    return { band, reason, expiresOn, by, setAt };
  }

  async setOverride(
    la: string,
    override: (AdviserOverride & { readonly setAt: string }) | null,
  ): Promise<void> {
    if (!override) {
      await this.client.send(
        new DeleteCommand({ TableName: this.tableName, Key: { pk: pk(la), sk: OVERRIDE } }),
      );
      return;
    }
    await this.client.send(
      new PutCommand({ TableName: this.tableName, Item: { pk: pk(la), sk: OVERRIDE, ...override } }),
    );
  }
}
