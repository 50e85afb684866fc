// Local cloud: creates the template's tables, queues and buckets in the emulators, as CloudFormation would.
import {
  CreateTableCommand,
  type CreateTableCommandInput,
  DescribeTableCommand,
  DynamoDBClient,
  ResourceInUseException,
  UpdateTimeToLiveCommand,
} from '@aws-sdk/client-dynamodb';
import { CreateBucketCommand, PutBucketNotificationConfigurationCommand, S3Client } from '@aws-sdk/client-s3';
import {
  CreateQueueCommand,
  GetQueueAttributesCommand,
  SendMessageCommand,
  SQSClient,
} from '@aws-sdk/client-sqs';
import { LOCAL_CREDENTIALS } from './emulators.ts';
import { UnsupportedTemplateError } from './intrinsics.ts';
import { LOCAL_REGION, type LocalModel, type LocalTable } from './model.ts';

export interface Clients {
  readonly dynamo: DynamoDBClient;
  readonly sqs: SQSClient;
  readonly s3: S3Client;
}

export function localClients(endpoints: { dynamodb: string; sqs: string; s3: string }): Clients {
  const common = { region: LOCAL_REGION, credentials: LOCAL_CREDENTIALS };
  return {
    dynamo: new DynamoDBClient({ ...common, endpoint: endpoints.dynamodb }),
    sqs: new SQSClient({ ...common, endpoint: endpoints.sqs, useQueueUrlAsEndpoint: false }),
    s3: new S3Client({ ...common, endpoint: endpoints.s3, forcePathStyle: true }),
  };
}

/** The CreateTable request equivalent to an AWS::DynamoDB::Table (encryption and backups are AWS-only). */
function createTableInput(table: LocalTable): CreateTableCommandInput {
  const definition = table.definition as Record<string, unknown>;
  const projection = (index: Record<string, unknown>) =>
    index.Projection as { ProjectionType?: 'ALL' | 'KEYS_ONLY' | 'INCLUDE'; NonKeyAttributes?: string[] };
  const onDemand = definition.BillingMode === 'PAY_PER_REQUEST';
  const throughput = (value: unknown) =>
    onDemand
      ? undefined
      : ((value ?? {
          ReadCapacityUnits: 5,
          WriteCapacityUnits: 5,
        }) as CreateTableCommandInput['ProvisionedThroughput']);
  const gsis = (definition.GlobalSecondaryIndexes as Record<string, unknown>[] | undefined) ?? [];
  const lsis = (definition.LocalSecondaryIndexes as Record<string, unknown>[] | undefined) ?? [];
  const stream = definition.StreamSpecification as { StreamViewType: string } | undefined;
  return {
    TableName: table.name,
    AttributeDefinitions: definition.AttributeDefinitions as CreateTableCommandInput['AttributeDefinitions'],
    KeySchema: definition.KeySchema as CreateTableCommandInput['KeySchema'],
    BillingMode: onDemand ? 'PAY_PER_REQUEST' : 'PROVISIONED',
    ...(onDemand ? {} : { ProvisionedThroughput: throughput(definition.ProvisionedThroughput) }),
    ...(gsis.length > 0
      ? {
          GlobalSecondaryIndexes: gsis.map((index) => ({
            IndexName: String(index.IndexName),
            KeySchema: index.KeySchema as CreateTableCommandInput['KeySchema'],
            Projection: projection(index),
            ...(onDemand ? {} : { ProvisionedThroughput: throughput(index.ProvisionedThroughput) }),
          })),
        }
      : {}),
    ...(lsis.length > 0
      ? {
          LocalSecondaryIndexes: lsis.map((index) => ({
            IndexName: String(index.IndexName),
            KeySchema: index.KeySchema as CreateTableCommandInput['KeySchema'],
            Projection: projection(index),
          })),
        }
      : {}),
    ...(stream
      ? { StreamSpecification: { StreamEnabled: true, StreamViewType: stream.StreamViewType as 'NEW_IMAGE' } }
      : {}),
  };
}

async function provisionTable(client: DynamoDBClient, table: LocalTable): Promise<void> {
  try {
    await client.send(new CreateTableCommand(createTableInput(table)));
  } catch (error) {
    // Tables persist across restarts under .local/: an existing table is kept with its data.
    if (!(error instanceof ResourceInUseException)) throw error;
    const existing = await client.send(new DescribeTableCommand({ TableName: table.name }));
    const wantedIndexes = (
      (table.definition.GlobalSecondaryIndexes as { IndexName: string }[] | undefined) ?? []
    )
      .map((index) => index.IndexName)
      .sort();
    const haveIndexes = (existing.Table?.GlobalSecondaryIndexes ?? []).map((index) => index.IndexName).sort();
    if (JSON.stringify(wantedIndexes) !== JSON.stringify(haveIndexes)) {
      throw new UnsupportedTemplateError(
        `table ${table.name}`,
        `the table kept under .local/ has indexes [${haveIndexes.join(', ')}] but the template now has [${wantedIndexes.join(', ')}]; delete .local/dynamodb to recreate it`,
      );
    }
  }
  if (table.ttlAttribute) {
    await client
      .send(
        new UpdateTimeToLiveCommand({
          TableName: table.name,
          TimeToLiveSpecification: { AttributeName: table.ttlAttribute, Enabled: true },
        }),
      )
      .catch((error: Error) => {
        if (!/already enabled/i.test(error.message)) throw error;
      });
  }
}

/** Creates every queue (dead-letter queues first, so redrive policies can name them) and returns name → URL. */
async function provisionQueues(client: SQSClient, model: LocalModel): Promise<Map<string, string>> {
  const urls = new Map<string, string>();
  const arns = new Map<string, string>();
  const pending = [...model.queues];
  while (pending.length > 0) {
    const index = pending.findIndex((queue) => !queue.deadLetter || arns.has(queue.deadLetter.queueName));
    if (index === -1) {
      throw new UnsupportedTemplateError(
        `queue ${pending[0]!.name}`,
        'its dead-letter queue is not in the template',
      );
    }
    const [queue] = pending.splice(index, 1) as [LocalModel['queues'][number]];
    const attributes: Record<string, string> = { ...queue.attributes };
    if (queue.deadLetter) {
      attributes.RedrivePolicy = JSON.stringify({
        deadLetterTargetArn: arns.get(queue.deadLetter.queueName),
        maxReceiveCount: queue.deadLetter.maxReceiveCount,
      });
    }
    const created = await client.send(
      new CreateQueueCommand({ QueueName: queue.name, Attributes: attributes }),
    );
    const described = await client.send(
      new GetQueueAttributesCommand({ QueueUrl: created.QueueUrl, AttributeNames: ['QueueArn'] }),
    );
    urls.set(queue.name, created.QueueUrl!);
    arns.set(queue.name, described.Attributes!.QueueArn!);
  }
  return urls;
}

export interface Provisioned {
  readonly queueUrls: ReadonlyMap<string, string>;
}

export async function provision(clients: Clients, model: LocalModel): Promise<Provisioned> {
  for (const table of model.tables) await provisionTable(clients.dynamo, table);
  const queueUrls = await provisionQueues(clients.sqs, model);
  for (const bucket of model.buckets) {
    await clients.s3.send(new CreateBucketCommand({ Bucket: bucket.name })).catch((error: Error) => {
      if (!/BucketAlready/.test(error.name)) throw error;
    });
  }
  for (const bucket of model.buckets) {
    const notifications = model.notifications.filter(
      (notification) => notification.bucketName === bucket.name,
    );
    if (notifications.length === 0) continue;
    await clients.s3.send(
      new PutBucketNotificationConfigurationCommand({
        Bucket: bucket.name,
        NotificationConfiguration: {
          QueueConfigurations: notifications.map((notification) => ({
            QueueArn: `arn:aws:sqs:${LOCAL_REGION}:000000000000:${notification.queueName}`,
            Events: notification.events as never,
            Filter: {
              Key: {
                FilterRules: [
                  ...(notification.prefix !== undefined
                    ? [{ Name: 'prefix' as const, Value: notification.prefix }]
                    : []),
                  ...(notification.suffix !== undefined
                    ? [{ Name: 'suffix' as const, Value: notification.suffix }]
                    : []),
                ],
              },
            },
          })),
        },
      }),
    );
    // Like S3, announce a newly configured notification with a test event on each destination queue.
    for (const queueName of new Set(notifications.map((notification) => notification.queueName))) {
      await clients.sqs.send(
        new SendMessageCommand({
          QueueUrl: queueUrls.get(queueName),
          MessageBody: JSON.stringify({
            Service: 'Amazon S3',
            Event: 's3:TestEvent',
            Time: new Date().toISOString(),
            Bucket: bucket.name,
            RequestId: crypto.randomUUID(),
            HostId: 'local',
          }),
          ...(queueName.endsWith('.fifo')
            ? { MessageGroupId: 's3-test', MessageDeduplicationId: crypto.randomUUID() }
            : {}),
        }),
      );
    }
  }
  return { queueUrls };
}
