// Secondary adapter: the adviser directory in the single table.
//   DIRECTORY / ADVISER#{adviserId}   an adviser. The whole directory is one small partition, read
//                                     consistently, so a change applies to the very next alert.
import { type DynamoDBDocumentClient, GetCommand, PutCommand, QueryCommand } from '@aws-sdk/lib-dynamodb';
import type { Adviser } from '../domain/directory.ts';
import type { DirectoryStore } from '../ports/directory.ts';

const DIRECTORY_PK = 'DIRECTORY';
const ADVISER_PREFIX = 'ADVISER#';

type Row = Record<string, unknown>;

const toAdviser = (row: Row): Adviser => ({
  adviserId: row.adviserId as string,
  name: row.name as string,
  email: row.email as string,
  region: row.region as string,
  role: row.role as Adviser['role'],
  // Entries written before digest mode existed receive each alert as it happens.
  delivery: (row.delivery as Adviser['delivery'] | undefined) ?? 'immediate',
  active: row.active as boolean,
  updatedAt: row.updatedAt as string,
  updatedBy: row.updatedBy as string,
});

export class DynamoDirectoryStore implements DirectoryStore {
  constructor(
    private readonly client: DynamoDBDocumentClient,
    private readonly tableName: string,
  ) {}

  async listAdvisers(): Promise<Adviser[]> {
    const rows: Row[] = [];
    let start: Row | undefined;
    do {
      const page = await this.client.send(
        new QueryCommand({
          TableName: this.tableName,
          KeyConditionExpression: 'pk = :pk AND begins_with(sk, :prefix)',
          ExpressionAttributeValues: { ':pk': DIRECTORY_PK, ':prefix': ADVISER_PREFIX },
          ConsistentRead: true,
          ExclusiveStartKey: start,
        }),
      );
      rows.push(...(page.Items ?? []));
      start = page.LastEvaluatedKey;
    } while (start);
    return rows
      .map(toAdviser)
      .sort((a, b) => a.region.localeCompare(b.region) || a.adviserId.localeCompare(b.adviserId));
  }

  async getAdviser(adviserId: string): Promise<Adviser | undefined> {
    const result = await this.client.send(
      new GetCommand({
        TableName: this.tableName,
        Key: { pk: DIRECTORY_PK, sk: `${ADVISER_PREFIX}${adviserId}` },
        ConsistentRead: true,
      }),
    );
    return result.Item ? toAdviser(result.Item) : undefined;
  }

  async putAdviser(adviser: Adviser): Promise<void> {
    await this.client.send(
      new PutCommand({
        TableName: this.tableName,
        Item: { pk: DIRECTORY_PK, sk: `${ADVISER_PREFIX}${adviser.adviserId}`, ...adviser },
      }),
    );
  }

  async activeAdvisersInRegion(region: string): Promise<Adviser[]> {
    return (await this.listAdvisers()).filter((adviser) => adviser.active && adviser.region === region);
  }
}
