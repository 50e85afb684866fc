// Secondary adapter: return aggregates in the single table. History under AGGREGATES#…#{submissionId};
// the current figures under AGGREGATES#{returnType}#{year}, replaced only by a later ingestion.
import { ConditionalCheckFailedException } from '@aws-sdk/client-dynamodb';
import { type DynamoDBDocumentClient, GetCommand, PutCommand } from '@aws-sdk/lib-dynamodb';
import type { ReturnType } from '../domain/returns/catalogue.ts';
import { type AggregateStore, type ReturnAggregates, StaleAggregatesError } from '../ports/aggregates.ts';

const councilPk = (la: string) => `COUNCIL#${la}`;
const currentSk = (returnType: ReturnType, year: number) => `AGGREGATES#${returnType}#${year}`;

export class DynamoAggregateStore implements AggregateStore {
  constructor(
    private readonly client: DynamoDBDocumentClient,
    private readonly tableName: string,
  ) {}

  async saveReturnAggregates(
    aggregates: ReturnAggregates,
    options: { readonly expectCurrent?: string | null } = {},
  ): Promise<{ superseded?: string }> {
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
    const expected = options.expectCurrent;
    try {
      await this.client.send(
        new PutCommand({
          TableName: this.tableName,
          Item: { pk, sk, ...aggregates },
          ...(expected === undefined
            ? {
                // A return declared earlier never replaces one declared later, even when it is ingested
                // after it (a standard queue and concurrent ingests do not keep order) or redelivered.
                ...(aggregates.submittedAt
                  ? {
                      ConditionExpression:
                        'attribute_not_exists(pk) OR submittedAt <= :submitted OR (attribute_not_exists(submittedAt) AND ingestedAt <= :at)',
                      ExpressionAttributeValues: {
                        ':submitted': aggregates.submittedAt,
                        ':at': aggregates.ingestedAt,
                      },
                    }
                  : {
                      ConditionExpression: 'attribute_not_exists(pk) OR ingestedAt <= :at',
                      ExpressionAttributeValues: { ':at': aggregates.ingestedAt },
                    }),
              }
            : expected === null
              ? { ConditionExpression: 'attribute_not_exists(pk)' }
              : {
                  // Merged figures: written only over the figures they were merged with.
                  ConditionExpression: 'submissionId = :expected',
                  ExpressionAttributeValues: { ':expected': expected },
                }),
        }),
      );
    } catch (error) {
      if (
        error instanceof ConditionalCheckFailedException ||
        (error as Error)?.name === 'ConditionalCheckFailedException'
      ) {
        if (expected !== undefined)
          throw new StaleAggregatesError(
            `The current ${aggregates.returnType} ${aggregates.collectionYear} figures of council ${aggregates.la} changed while submission ${aggregates.submissionId} was being merged`,
          );
        return {};
      }
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
