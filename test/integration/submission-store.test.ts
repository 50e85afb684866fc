import { CreateTableCommand } from '@aws-sdk/client-dynamodb';
import { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DynamoSubmissionStore } from '../../shared/adapters/dynamo-submission-store.ts';
import type { ReceivedFile } from '../../shared/ports/submissions.ts';
import { withDynamo } from './helpers/emulators.ts';

const file = (overrides: Partial<ReceivedFile> = {}): ReceivedFile => ({
  submissionId: 'SUB-20261123-0001',
  la: '886',
  returnType: 'ssda903',
  collectionYear: 2026,
  fileName: 'episodes.csv',
  bucket: 'uploads',
  key: 'uploads/886/ssda903/2026/SUB-20261123-0001/episodes.csv',
  size: 120,
  sha256: 'a'.repeat(64),
  receivedAt: '2026-11-23T10:00:00.000Z',
  ...overrides,
});

describe('submission store on DynamoDB Local', () => {
  let dynamo: Awaited<ReturnType<typeof withDynamo>>;
  let store: DynamoSubmissionStore;
  beforeAll(async () => {
    dynamo = await withDynamo();
    await dynamo.client.send(
      new CreateTableCommand({
        TableName: 'upstream',
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
    store = new DynamoSubmissionStore(DynamoDBDocumentClient.from(dynamo.client), 'upstream');
  });
  afterAll(() => dynamo.stop());

  it('records a file once: a redelivery or identical re-upload changes nothing', async () => {
    expect(await store.recordReceivedFile(file())).toBe(true);
    expect(await store.recordReceivedFile(file({ receivedAt: '2026-11-23T10:05:00.000Z' }))).toBe(false);
    const submission = await store.getSubmission('SUB-20261123-0001');
    expect(submission).toMatchObject({
      la: '886',
      returnType: 'ssda903',
      collectionYear: 2026,
      status: 'received',
    });
    expect(submission?.files).toEqual([
      {
        fileName: 'episodes.csv',
        size: 120,
        sha256: 'a'.repeat(64),
        status: 'received',
        receivedAt: '2026-11-23T10:00:00.000Z',
      },
    ]);
  });

  it('records a corrected file with the same name as new content, and keeps one submission', async () => {
    expect(await store.recordReceivedFile(file({ sha256: 'b'.repeat(64), size: 130 }))).toBe(true);
    expect(await store.recordReceivedFile(file({ fileName: 'header.csv' }))).toBe(true);
    const submission = await store.getSubmission('SUB-20261123-0001');
    expect(submission?.files.map((entry) => [entry.fileName, entry.size])).toEqual([
      ['episodes.csv', 130],
      ['header.csv', 120],
    ]);
  });

  it('returns nothing for an unknown submission', async () => {
    expect(await store.getSubmission('SUB-unknown-000')).toBeUndefined();
  });
});
