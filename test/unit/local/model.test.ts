import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { UnsupportedTemplateError } from '../../../infra/local/intrinsics.ts';
import { buildLocalModel, loadAssembly } from '../../../infra/local/model.ts';

/** Writes a minimal cloud assembly with the given stacks (templates) and one function asset. */
function assembly(
  stacks: Record<string, { Resources: Record<string, unknown>; Outputs?: Record<string, unknown> }>,
  dependencies: Record<string, string[]> = {},
) {
  const dir = mkdtempSync(path.join(tmpdir(), 'upstream-model-'));
  mkdirSync(path.join(dir, 'asset.abc'));
  writeFileSync(path.join(dir, 'asset.abc', 'index.mjs'), 'export const handler = async () => ({});');
  const artifacts: Record<string, unknown> = {};
  for (const [name, template] of Object.entries(stacks)) {
    writeFileSync(path.join(dir, `${name}.template.json`), JSON.stringify(template));
    artifacts[name] = {
      type: 'aws:cloudformation:stack',
      properties: { templateFile: `${name}.template.json` },
      dependencies: dependencies[name] ?? [],
    };
  }
  writeFileSync(path.join(dir, 'manifest.json'), JSON.stringify({ version: '1', artifacts }));
  return dir;
}

const endpoints = {
  queueUrl: (name: string) => `http://sqs.local/000000000000/${name}`,
  apiUrl: () => 'http://api.local',
};
const fn = (env: Record<string, unknown> = {}) => ({
  Type: 'AWS::Lambda::Function',
  Properties: {
    Handler: 'index.handler',
    Runtime: 'nodejs22.x',
    Timeout: 30,
    Environment: { Variables: env },
  },
  Metadata: { 'aws:asset:path': 'asset.abc' },
});

describe('local model from the template', () => {
  it('resolves refs, attributes and imports across stacks to local names', () => {
    const dir = assembly(
      {
        Data: {
          Resources: {
            Dlq: { Type: 'AWS::SQS::Queue', Properties: { FifoQueue: true } },
            Work: {
              Type: 'AWS::SQS::Queue',
              Properties: {
                FifoQueue: true,
                VisibilityTimeout: 180,
                RedrivePolicy: { deadLetterTargetArn: { 'Fn::GetAtt': ['Dlq', 'Arn'] }, maxReceiveCount: 3 },
              },
            },
            Table: {
              Type: 'AWS::DynamoDB::Table',
              Properties: {
                KeySchema: [],
                TimeToLiveSpecification: { AttributeName: 'expiresAt', Enabled: true },
              },
            },
          },
          Outputs: {
            WorkArn: { Value: { 'Fn::GetAtt': ['Work', 'Arn'] }, Export: { Name: 'Data:WorkArn' } },
            TableName: { Value: { Ref: 'Table' }, Export: { Name: 'Data:Table' } },
          },
        },
        App: {
          Resources: {
            Worker: fn({
              TABLE_NAME: { 'Fn::ImportValue': 'Data:Table' },
              REGION: { Ref: 'AWS::Region' },
              POWERTOOLS_SERVICE_NAME: 'worker',
              JOINED: { 'Fn::Join': ['-', ['a', { Ref: 'AWS::AccountId' }]] },
            }),
            Mapping: {
              Type: 'AWS::Lambda::EventSourceMapping',
              Properties: {
                EventSourceArn: { 'Fn::ImportValue': 'Data:WorkArn' },
                FunctionName: { Ref: 'Worker' },
                BatchSize: 7,
                FunctionResponseTypes: ['ReportBatchItemFailures'],
              },
            },
          },
        },
      },
      { App: ['Data'] },
    );
    const model = buildLocalModel(loadAssembly(dir), dir, endpoints);
    const worker = model.functions[0]!;
    expect(worker.displayName).toBe('worker');
    expect(worker.environment).toMatchObject({
      TABLE_NAME: 'Data-Table',
      REGION: 'eu-west-2',
      JOINED: 'a-000000000000',
    });
    const work = model.queues.find((queue) => queue.id === 'Work')!;
    expect(work.name).toBe('Data-Work.fifo');
    expect(work.deadLetter).toEqual({ queueName: 'Data-Dlq.fifo', maxReceiveCount: 3 });
    expect(model.tables[0]?.ttlAttribute).toBe('expiresAt');
    expect(model.eventSourceMappings).toEqual([
      expect.objectContaining({
        queueName: 'Data-Work.fifo',
        functionName: 'App-Worker',
        batchSize: 7,
        reportBatchItemFailures: true,
      }),
    ]);
  });

  it('names the resource and the reason when it cannot honour the template', () => {
    const streamMapping = assembly({
      App: {
        Resources: {
          Worker: fn(),
          Mapping: {
            Type: 'AWS::Lambda::EventSourceMapping',
            Properties: {
              EventSourceArn: 'arn:aws:dynamodb:eu-west-2:1:table/t/stream/x',
              FunctionName: { Ref: 'Worker' },
            },
          },
        },
      },
    });
    expect(() => buildLocalModel(loadAssembly(streamMapping), streamMapping, endpoints)).toThrow(
      /App\/Mapping.*only SQS event sources/,
    );

    const lambdaNotification = assembly({
      App: {
        Resources: {
          Bucket: {
            Type: 'AWS::S3::Bucket',
            Properties: {
              NotificationConfiguration: {
                LambdaConfigurations: [{ Event: 's3:ObjectCreated:*', Function: 'arn' }],
              },
            },
          },
        },
      },
    });
    expect(() => buildLocalModel(loadAssembly(lambdaNotification), lambdaNotification, endpoints)).toThrow(
      UnsupportedTemplateError,
    );

    const unknownType = assembly({
      App: { Resources: { Thing: { Type: 'AWS::Kinesis::Stream', Properties: {} } } },
    });
    expect(() => buildLocalModel(loadAssembly(unknownType), unknownType, endpoints)).toThrow(
      /App\/Thing \(AWS::Kinesis::Stream\)/,
    );
  });

  it('reads bucket notifications in both the CloudFormation and the S3 API shape', () => {
    const dir = assembly({
      App: {
        Resources: {
          Queue: { Type: 'AWS::SQS::Queue', Properties: {} },
          Bucket: {
            Type: 'AWS::S3::Bucket',
            Properties: {
              NotificationConfiguration: {
                QueueConfigurations: [
                  {
                    Event: 's3:ObjectCreated:Put',
                    Queue: { 'Fn::GetAtt': ['Queue', 'Arn'] },
                    Filter: { S3Key: { Rules: [{ Name: 'suffix', Value: '.csv' }] } },
                  },
                ],
              },
            },
          },
          Notifications: {
            Type: 'Custom::S3BucketNotifications',
            Properties: {
              BucketName: { Ref: 'Bucket' },
              NotificationConfiguration: {
                QueueConfigurations: [
                  {
                    Events: ['s3:ObjectCreated:*'],
                    QueueArn: { 'Fn::GetAtt': ['Queue', 'Arn'] },
                    Filter: { Key: { FilterRules: [{ Name: 'Prefix', Value: 'uploads/' }] } },
                  },
                ],
              },
            },
          },
        },
      },
    });
    const model = buildLocalModel(loadAssembly(dir), dir, endpoints);
    expect(
      model.notifications.map(({ events, prefix, suffix, queueName, bucketName }) => ({
        events,
        prefix,
        suffix,
        queueName,
        bucketName,
      })),
    ).toEqual([
      {
        events: ['s3:ObjectCreated:Put'],
        prefix: undefined,
        suffix: '.csv',
        queueName: 'App-Queue',
        bucketName: 'app-bucket',
      },
      {
        events: ['s3:ObjectCreated:*'],
        prefix: 'uploads/',
        suffix: undefined,
        queueName: 'App-Queue',
        bucketName: 'app-bucket',
      },
    ]);
  });

  it('reads the distribution’s bucket paths and the folders a bucket deployment copies, staged in the assembly', () => {
    const dir = assembly({
      App: {
        Resources: {
          Assets: { Type: 'AWS::S3::Bucket', Properties: {} },
          Api: { Type: 'AWS::ApiGatewayV2::Api', Properties: { ProtocolType: 'HTTP' } },
          Distribution: {
            Type: 'AWS::CloudFront::Distribution',
            Properties: {
              DistributionConfig: {
                Origins: [
                  {
                    Id: 'pages',
                    DomainName: { 'Fn::GetAtt': ['Api', 'ApiEndpoint'] },
                    CustomOriginConfig: {},
                  },
                  {
                    Id: 'files',
                    DomainName: { 'Fn::GetAtt': ['Assets', 'RegionalDomainName'] },
                    S3OriginConfig: { OriginAccessIdentity: '' },
                  },
                ],
                CacheBehaviors: [{ PathPattern: '/assets/*', TargetOriginId: 'files' }],
                DefaultCacheBehavior: { TargetOriginId: 'pages' },
              },
            },
          },
          Deploy: {
            Type: 'Custom::CDKBucketDeployment',
            Properties: {
              SourceObjectKeys: ['abc.zip'],
              DestinationBucketName: { Ref: 'Assets' },
              DestinationBucketKeyPrefix: 'assets/',
            },
          },
        },
      },
    });
    const model = buildLocalModel(loadAssembly(dir), dir, endpoints);
    expect(model.staticRoutes).toEqual([{ pathPattern: '/assets/*', bucketName: 'app-assets' }]);
    expect(model.bucketDeployments).toEqual([
      { bucketName: 'app-assets', keyPrefix: 'assets/', directories: [path.join(dir, 'asset.abc')] },
    ]);

    const missing = assembly({
      App: {
        Resources: {
          Deploy: {
            Type: 'Custom::CDKBucketDeployment',
            Properties: { SourceObjectKeys: ['gone.zip'], DestinationBucketName: 'b' },
          },
        },
      },
    });
    expect(() => buildLocalModel(loadAssembly(missing), missing, endpoints)).toThrow(
      /App\/Deploy.*gone\.zip is not a folder staged/,
    );
  });

  it('keeps a function’s reserved concurrency, which caps its local execution environments', () => {
    const reserved = fn();
    (reserved.Properties as Record<string, unknown>).ReservedConcurrentExecutions = 2;
    const dir = assembly({ App: { Resources: { Capped: reserved, Open: fn() } } });
    const model = buildLocalModel(loadAssembly(dir), dir, endpoints);
    expect(Object.fromEntries(model.functions.map((f) => [f.id, f.reservedConcurrency]))).toEqual({
      Capped: 2,
      Open: undefined,
    });
  });
});
