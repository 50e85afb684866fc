// Test helper: real emulators on free loopback ports, started per test file.
import { CreateTableCommand, DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { S3Client } from '@aws-sdk/client-s3';
import { SQSClient } from '@aws-sdk/client-sqs';
import { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import {
  LOCAL_CREDENTIALS,
  type RunningDynamo,
  type RunningFauxqs,
  startDynamo,
  startFauxqs,
} from '../../../infra/local/emulators.ts';
import { LOCAL_REGION } from '../../../infra/local/model.ts';

const common = { region: LOCAL_REGION, credentials: LOCAL_CREDENTIALS };

export async function withFauxqs(): Promise<{
  server: RunningFauxqs;
  sqs: SQSClient;
  s3: S3Client;
  stop: () => Promise<void>;
}> {
  const server = await startFauxqs(0);
  const sqs = new SQSClient({ ...common, endpoint: server.endpoint, useQueueUrlAsEndpoint: false });
  const s3 = new S3Client({ ...common, endpoint: server.endpoint, forcePathStyle: true });
  return {
    server,
    sqs,
    s3,
    stop: async () => {
      sqs.destroy();
      s3.destroy();
      await server.stop();
    },
  };
}

export async function withDynamo(): Promise<{
  server: RunningDynamo;
  client: DynamoDBClient;
  stop: () => Promise<void>;
}> {
  const server = await startDynamo(0);
  const client = new DynamoDBClient({ ...common, endpoint: server.endpoint });
  return {
    server,
    client,
    stop: async () => {
      client.destroy();
      await server.stop();
    },
  };
}

/** The product's single table as the stateful stack defines it (pk/sk, gsi1), with a document client. */
export async function withSingleTable(tableName = 'upstream'): Promise<{
  documents: DynamoDBDocumentClient;
  client: DynamoDBClient;
  tableName: string;
  stop: () => Promise<void>;
}> {
  const dynamo = await withDynamo();
  await dynamo.client.send(
    new CreateTableCommand({
      TableName: tableName,
      BillingMode: 'PAY_PER_REQUEST',
      AttributeDefinitions: ['pk', 'sk', 'gsi1pk', 'gsi1sk'].map((name) => ({
        AttributeName: name,
        AttributeType: 'S',
      })),
      KeySchema: [
        { AttributeName: 'pk', KeyType: 'HASH' },
        { AttributeName: 'sk', KeyType: 'RANGE' },
      ],
      GlobalSecondaryIndexes: [
        {
          IndexName: 'gsi1',
          KeySchema: [
            { AttributeName: 'gsi1pk', KeyType: 'HASH' },
            { AttributeName: 'gsi1sk', KeyType: 'RANGE' },
          ],
          Projection: { ProjectionType: 'ALL' },
        },
      ],
    }),
  );
  return {
    documents: DynamoDBDocumentClient.from(dynamo.client, {
      marshallOptions: { removeUndefinedValues: true },
    }),
    client: dynamo.client,
    tableName,
    stop: dynamo.stop,
  };
}

/** Polls until the check returns a value, or fails after the deadline: no fixed sleeps. */
export async function eventually<T>(
  check: () => Promise<T | undefined>,
  what: string,
  timeoutMs = 20_000,
): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  let lastError: unknown;
  for (;;) {
    try {
      const value = await check();
      if (value !== undefined) return value;
    } catch (error) {
      lastError = error;
    }
    if (Date.now() > deadline)
      throw new Error(`Timed out waiting for ${what}${lastError ? `: ${String(lastError)}` : ''}`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}
