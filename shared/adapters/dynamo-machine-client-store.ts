// Secondary adapter: councils' machine clients in the single table.
//   MACHINE_CLIENTS / COUNCIL#{la}        the council's current client
//   MACHINE_CLIENTS / CLIENT#{clientId}   the same record, found from a token's client_id
// Both are written and removed together, so a token's client maps to a council only while it is current.
import { type DynamoDBDocumentClient, GetCommand, TransactWriteCommand } from '@aws-sdk/lib-dynamodb';
import type { MachineClient, MachineClientStore } from '../ports/machine-clients.ts';

const PK = 'MACHINE_CLIENTS';
const councilKey = (la: string) => ({ pk: PK, sk: `COUNCIL#${la}` });
const clientKey = (clientId: string) => ({ pk: PK, sk: `CLIENT#${clientId}` });

const toClient = (row: Record<string, unknown>): MachineClient => ({
  la: row.la as string,
  clientId: row.clientId as string,
  createdAt: row.createdAt as string,
  createdBy: row.createdBy as string,
});

export class DynamoMachineClientStore implements MachineClientStore {
  constructor(
    private readonly client: DynamoDBDocumentClient,
    private readonly tableName: string,
  ) {}

  private async get(key: Record<string, string>): Promise<MachineClient | undefined> {
    const { Item } = await this.client.send(
      new GetCommand({ TableName: this.tableName, Key: key, ConsistentRead: true }),
    );
    return Item ? toClient(Item) : undefined;
  }

  forCouncil(la: string): Promise<MachineClient | undefined> {
    return this.get(councilKey(la));
  }

  byClientId(clientId: string): Promise<MachineClient | undefined> {
    return this.get(clientKey(clientId));
  }

  async put(machineClient: MachineClient, replacing?: MachineClient): Promise<void> {
    const record = { ...machineClient };
    await this.client.send(
      new TransactWriteCommand({
        TransactItems: [
          { Put: { TableName: this.tableName, Item: { ...councilKey(record.la), ...record } } },
          { Put: { TableName: this.tableName, Item: { ...clientKey(record.clientId), ...record } } },
          ...(replacing && replacing.clientId !== record.clientId
            ? [{ Delete: { TableName: this.tableName, Key: clientKey(replacing.clientId) } }]
            : []),
        ],
      }),
    );
  }

  async remove(machineClient: MachineClient): Promise<void> {
    await this.client.send(
      new TransactWriteCommand({
        TransactItems: [
          { Delete: { TableName: this.tableName, Key: councilKey(machineClient.la) } },
          { Delete: { TableName: this.tableName, Key: clientKey(machineClient.clientId) } },
        ],
      }),
    );
  }
}
