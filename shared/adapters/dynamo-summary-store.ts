// Secondary adapter: DfE summaries in the single table, and every council's current risk band.
//   DFE#SUMMARY / ID#{summaryId}               the summary with its bands: written once (idempotency)
//   DFE#SUMMARY / AT#{generatedAt}#{summaryId} the published summary only, for the feed's newest-first list
//   DFE#SUMMARY / LATEST                       a copy of the newest, with its bands, for the next movement
// The three are written in one transaction, conditional on the id being new.
// Bands are read from COUNCIL#{la} / RISK#CURRENT, the risk store's current assessments.
import {
  BatchGetCommand,
  type DynamoDBDocumentClient,
  GetCommand,
  QueryCommand,
  TransactWriteCommand,
} from '@aws-sdk/lib-dynamodb';
import type { BandsByCouncil, DfeSummary } from '../domain/dfe-summary.ts';
import type { RiskBand } from '../domain/risk/model.ts';
import type { StoredSummary, SummaryStore } from '../ports/summaries.ts';

const PK = 'DFE#SUMMARY';
const LATEST = 'LATEST';
const idSk = (summaryId: string) => `ID#${summaryId}`;
const atSk = (summary: DfeSummary) => `AT#${summary.generatedAt}#${summary.summaryId}`;
/** DynamoDB's limit on keys in one BatchGetItem. */
const BATCH_KEYS = 100;
const BATCH_ATTEMPTS = 8;

const fromItem = (item: Record<string, unknown>): StoredSummary => ({
  summary: item.summary as DfeSummary,
  bands: item.bands as BandsByCouncil,
  materiality: item.materiality as StoredSummary['materiality'],
});

export class DynamoSummaryStore implements SummaryStore {
  constructor(
    private readonly client: DynamoDBDocumentClient,
    private readonly tableName: string,
  ) {}

  async currentBands(councils: readonly string[]): Promise<BandsByCouncil> {
    const bands: Record<string, RiskBand> = {};
    for (let start = 0; start < councils.length; start += BATCH_KEYS) {
      let keys: Record<string, unknown>[] = councils
        .slice(start, start + BATCH_KEYS)
        .map((la) => ({ pk: `COUNCIL#${la}`, sk: 'RISK#CURRENT' }));
      for (let attempt = 0; keys.length > 0; attempt += 1) {
        if (attempt === BATCH_ATTEMPTS) throw new Error(`Could not read ${keys.length} councils' risk bands`);
        // Unprocessed keys mean throttling: wait a little longer each time before asking again.
        if (attempt > 0) await new Promise((resolve) => setTimeout(resolve, 50 * 2 ** attempt));
        const result = await this.client.send(
          new BatchGetCommand({
            RequestItems: {
              [this.tableName]: {
                Keys: keys,
                ConsistentRead: true,
                ProjectionExpression: '#la, #assessment.#band',
                ExpressionAttributeNames: { '#la': 'la', '#assessment': 'assessment', '#band': 'band' },
              },
            },
          }),
        );
        for (const item of result.Responses?.[this.tableName] ?? []) {
          const band = (item.assessment as { band?: RiskBand } | undefined)?.band;
          if (typeof item.la === 'string' && band) bands[item.la] = band;
        }
        keys = result.UnprocessedKeys?.[this.tableName]?.Keys ?? [];
      }
    }
    return bands;
  }

  async get(summaryId: string): Promise<StoredSummary | undefined> {
    const result = await this.client.send(
      new GetCommand({
        TableName: this.tableName,
        Key: { pk: PK, sk: idSk(summaryId) },
        ConsistentRead: true,
      }),
    );
    return result.Item ? fromItem(result.Item) : undefined;
  }

  async latest(): Promise<StoredSummary | undefined> {
    const result = await this.client.send(
      new GetCommand({ TableName: this.tableName, Key: { pk: PK, sk: LATEST }, ConsistentRead: true }),
    );
    return result.Item ? fromItem(result.Item) : undefined;
  }

  async recent(limit: number): Promise<DfeSummary[]> {
    const result = await this.client.send(
      new QueryCommand({
        TableName: this.tableName,
        KeyConditionExpression: 'pk = :pk AND begins_with(sk, :prefix)',
        ExpressionAttributeValues: { ':pk': PK, ':prefix': 'AT#' },
        ScanIndexForward: false,
        Limit: limit,
        ConsistentRead: true,
      }),
    );
    return (result.Items ?? []).map((item) => item.summary as DfeSummary);
  }

  async save(stored: StoredSummary): Promise<'saved' | 'duplicate'> {
    const { summary } = stored;
    try {
      await this.client.send(
        new TransactWriteCommand({
          TransactItems: [
            {
              Put: {
                TableName: this.tableName,
                Item: { pk: PK, sk: idSk(summary.summaryId), ...stored },
                ConditionExpression: 'attribute_not_exists(pk)',
              },
            },
            { Put: { TableName: this.tableName, Item: { pk: PK, sk: atSk(summary), summary } } },
            { Put: { TableName: this.tableName, Item: { pk: PK, sk: LATEST, ...stored } } },
          ],
        }),
      );
      return 'saved';
    } catch (error) {
      if ((error as Error)?.name === 'TransactionCanceledException') return 'duplicate';
      throw error;
    }
  }
}
