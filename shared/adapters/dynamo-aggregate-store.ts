// Secondary adapter: return aggregates in the single table. History under AGGREGATES#…#{submissionId};
// the current figures under AGGREGATES#{returnType}#{year}, replaced only by a later ingestion.
import { ConditionalCheckFailedException } from '@aws-sdk/client-dynamodb';
import { type DynamoDBDocumentClient, GetCommand, PutCommand } from '@aws-sdk/lib-dynamodb';
import type { ReturnType } from '../domain/upload-key.ts';
import type { AggregateStore, ReturnAggregates } from '../ports/aggregates.ts';

const councilPk = (la: string) => `COUNCIL#${la}`;
const currentSk = (returnType: ReturnType, year: number) => `AGGREGATES#${returnType}#${year}`;

export class DynamoAggregateStore implements AggregateStore {
  constructor(
    private readonly client: DynamoDBDocumentClient,
    private readonly tableName: string,
  ) {}

  async saveReturnAggregates(aggregates: ReturnAggregates): Promise<{ superseded?: string }> {
    const pk = councilPk(aggregates.la);
    const sk = currentSk(aggregates.returnType, aggregates.collectionYear);
    await this.client.send(
      new PutCommand({
        TableName: this.tableName,
        Item: { pk, sk: `${sk}#${aggregates.submissionId}`, ...aggregates },
      }),
    );
    const previous = await this.currentAggregates(
      aggregates.la,
      aggregates.returnType,
      aggregates.collectionYear,
    );
    if (previous?.submissionId === aggregates.submissionId) return {};
    try {
      await this.client.send(
        new PutCommand({
          TableName: this.tableName,
          Item: { pk, sk, ...aggregates },
          // A redelivered older ingestion never replaces a newer one.
          ConditionExpression: 'attribute_not_exists(pk) OR ingestedAt <= :at',
          ExpressionAttributeValues: { ':at': aggregates.ingestedAt },
        }),
      );
    } catch (error) {
      if (
        error instanceof ConditionalCheckFailedException ||
        (error as Error)?.name === 'ConditionalCheckFailedException'
      )
        return {};
      throw error;
    }
    return previous ? { superseded: previous.submissionId } : {};
  }

  async currentAggregates(
    la: string,
    returnType: ReturnType,
    collectionYear: number,
  ): Promise<ReturnAggregates | undefined> {
    const result = await this.client.send(
      new GetCommand({
        TableName: this.tableName,
        Key: { pk: councilPk(la), sk: currentSk(returnType, collectionYear) },
        ConsistentRead: true,
      }),
    );
    if (!result.Item) return undefined;
    const { pk: _pk, sk: _sk, ...aggregates } = result.Item;
    return aggregates as ReturnAggregates;
  }
}
