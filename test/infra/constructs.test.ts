import { App, Duration, Stack } from 'aws-cdk-lib';
import { Match, Template } from 'aws-cdk-lib/assertions';
import { AttributeType, Table } from 'aws-cdk-lib/aws-dynamodb';
import { Key } from 'aws-cdk-lib/aws-kms';
import { Bucket } from 'aws-cdk-lib/aws-s3';
import { Queue } from 'aws-cdk-lib/aws-sqs';
import { describe, expect, it } from 'vitest';
import { parseStageConfig } from '../../infra/config/stage-config.ts';
import { MonitoredQueue } from '../../infra/constructs/monitored-queue.ts';
import { QueueConsumer } from '../../infra/constructs/queue-consumer.ts';
import { UpstreamFunction } from '../../infra/constructs/upstream-function.ts';

const config = parseStageConfig('dev', { dev: { logLevel: 'DEBUG', removalPolicy: 'destroy' } });

/** A stack whose functions are not bundled: these tests look at wiring, not code. */
function stack(): Stack {
  return new Stack(new App({ context: { 'aws:cdk:bundling-stacks': [] } }), 'Test');
}

function fn(scope: Stack, timeout = 30): UpstreamFunction {
  // Any existing handler folder will do.
  return new UpstreamFunction(scope, 'Fn', {
    name: 'ingest-return',
    config,
    timeout: Duration.seconds(timeout),
  });
}

describe('UpstreamFunction', () => {
  it('carries the runtime, architecture, logging and Powertools defaults', () => {
    // Prepare
    const scope = stack();

    // Act
    fn(scope);

    // Assess
    const template = Template.fromStack(scope);
    template.hasResourceProperties('AWS::Lambda::Function', {
      Runtime: 'nodejs22.x',
      Architectures: ['arm64'],
      Handler: 'index.handler',
      LoggingConfig: { LogFormat: 'JSON', LogGroup: { Ref: Match.stringLikeRegexp('LogGroup') } },
      Environment: {
        Variables: {
          POWERTOOLS_SERVICE_NAME: 'ingest-return',
          POWERTOOLS_LOG_LEVEL: 'DEBUG',
          STAGE: 'dev',
          NODE_OPTIONS: '--enable-source-maps',
        },
      },
    });
    template.hasResourceProperties('AWS::Logs::LogGroup', { RetentionInDays: 30 });
  });

  it('puts its own Node.js options after source maps in NODE_OPTIONS', () => {
    // Prepare
    const scope = stack();

    // Act
    new UpstreamFunction(scope, 'Fn', {
      name: 'ingest-return',
      config,
      nodeOptions: ['--max-semi-space-size=4'],
    });

    // Assess
    Template.fromStack(scope).hasResourceProperties('AWS::Lambda::Function', {
      Environment: { Variables: { NODE_OPTIONS: '--enable-source-maps --max-semi-space-size=4' } },
    });
  });

  it('takes its timeout from the stage config by name', () => {
    // Prepare
    const scope = stack();

    // Act
    const created = new UpstreamFunction(scope, 'Fn', { name: 'ingest-return', config });

    // Assess: ingest-return's default follows the largest upload (100 MiB) through the benchmark.
    expect(created.timeout.toSeconds()).toBe(540);
  });

  it('binds a queue for sending: URL in the environment, SendMessage and the key in the policy', () => {
    // Prepare
    const scope = stack();
    const key = new Key(scope, 'Key');
    const queue = new MonitoredQueue(scope, 'Q', { encryptionKey: key }).queue;

    // Act
    fn(scope).bindQueue(queue, 'OUT_QUEUE_URL', 'send');

    // Assess
    const template = Template.fromStack(scope);
    template.hasResourceProperties('AWS::Lambda::Function', {
      Environment: {
        Variables: Match.objectLike({ OUT_QUEUE_URL: { Ref: Match.stringLikeRegexp('^QQueue') } }),
      },
    });
    template.hasResourceProperties('AWS::IAM::Policy', {
      PolicyDocument: {
        Statement: Match.arrayWith([
          Match.objectLike({ Action: 'sqs:SendMessage' }),
          Match.objectLike({ Action: Match.arrayWith(['kms:GenerateDataKey']) }),
        ]),
      },
    });
  });

  it('binds a bucket read-only without any write action', () => {
    // Prepare
    const scope = stack();
    const bucket = new Bucket(scope, 'Bucket');

    // Act
    fn(scope).bindBucket(bucket, 'UPLOADS_BUCKET', 'read');

    // Assess: only its read prefix, uploads/ (infra/config/data-access.ts).
    const policy = JSON.stringify(Template.fromStack(scope).findResources('AWS::IAM::Policy'));
    expect(policy).toContain('s3:GetObject');
    expect(policy).toContain('/uploads/*');
    expect(policy).not.toContain('/reports/*');
    expect(policy).not.toContain('s3:PutObject');
    expect(policy).not.toContain('s3:Delete');
  });

  it('binds a table read-only without any write action', () => {
    // Prepare
    const scope = stack();
    const table = new Table(scope, 'Table', { partitionKey: { name: 'pk', type: AttributeType.STRING } });

    // Act
    fn(scope).bindTable(table);

    // Assess
    const policy = JSON.stringify(Template.fromStack(scope).findResources('AWS::IAM::Policy'));
    expect(policy).toContain('dynamodb:GetItem');
    expect(policy).not.toContain('dynamodb:PutItem');
    Template.fromStack(scope).hasResourceProperties('AWS::Lambda::Function', {
      Environment: { Variables: Match.objectLike({ TABLE_NAME: { Ref: Match.stringLikeRegexp('^Table') } }) },
    });
  });

  it('refuses to bind two resources to one variable, or a name Lambda reserves', () => {
    // Prepare
    const scope = stack();
    const created = fn(scope).bindBucket(new Bucket(scope, 'A'), 'UPLOADS_BUCKET', 'read');

    // Act / Assess
    expect(() => created.bindBucket(new Bucket(scope, 'B'), 'UPLOADS_BUCKET', 'read')).toThrow(
      /already bound/,
    );
    expect(() => created.addEnvironment('AWS_REGION', 'eu-west-2')).toThrow(/not a usable/);
  });

  it('refuses a bucket or table the data-access matrix has no row for', () => {
    // Prepare
    const scope = stack();
    const bucket = new Bucket(scope, 'Bucket');
    const created = new UpstreamFunction(scope, 'Review', { name: 'risk-review', config });

    // Act / Assess
    expect(() => fn(scope).bindBucket(bucket, 'OTHER_BUCKET', 'read')).toThrow(
      /no prefixes for OTHER_BUCKET in FUNCTION_BUCKET_PREFIXES/,
    );
    expect(() =>
      created.bindTable(
        new Table(scope, 'Table', { partitionKey: { name: 'pk', type: AttributeType.STRING } }),
      ),
    ).toThrow(/risk-review has no row in FUNCTION_TABLE_ADAPTERS/);
  });

  it('refuses names that are not kebab-case or have no handler', () => {
    // Prepare
    const scope = stack();

    // Act / Assess
    expect(() => new UpstreamFunction(scope, 'A', { name: 'IngestReturn', config })).toThrow(/kebab-case/);
    expect(() => new UpstreamFunction(scope, 'B', { name: 'no-such-function', config })).toThrow(
      /no handler at functions\/no-such-function\/handler.ts/,
    );
  });
});

describe('QueueConsumer', () => {
  it('reports batch item failures with the given batch size', () => {
    // Prepare
    const scope = stack();
    const queue = new MonitoredQueue(scope, 'Q', {
      encryptionKey: new Key(scope, 'Key'),
      visibilityTimeout: Duration.seconds(180),
    }).queue;

    // Act
    new QueueConsumer(scope, 'Consumer', { handler: fn(scope, 30), queue, batchSize: 3 });

    // Assess
    Template.fromStack(scope).hasResourceProperties('AWS::Lambda::EventSourceMapping', {
      BatchSize: 3,
      FunctionResponseTypes: ['ReportBatchItemFailures'],
    });
  });

  it('fails synth when the visibility timeout is under 6 × the function timeout', () => {
    // Prepare
    const scope = stack();
    const queue = new MonitoredQueue(scope, 'Q', {
      encryptionKey: new Key(scope, 'Key'),
      visibilityTimeout: Duration.seconds(179),
    }).queue;

    // Act / Assess
    expect(() => new QueueConsumer(scope, 'Consumer', { handler: fn(scope, 30), queue })).toThrow(
      /visibility timeout of 179s .* needs at least 180s/,
    );
  });

  it('fails synth when SQS default visibility (30 s) meets any real function timeout', () => {
    // Prepare
    const scope = stack();
    const queue = new Queue(scope, 'Plain', {
      deadLetterQueue: { queue: new Queue(scope, 'Dlq'), maxReceiveCount: 3 },
    });

    // Act / Assess
    expect(() => new QueueConsumer(scope, 'Consumer', { handler: fn(scope, 10), queue })).toThrow(
      /needs at least 60s/,
    );
  });

  it('fails synth when the queue has no dead-letter queue', () => {
    // Prepare
    const scope = stack();
    const queue = new Queue(scope, 'Plain', { visibilityTimeout: Duration.seconds(900) });

    // Act / Assess
    expect(() => new QueueConsumer(scope, 'Consumer', { handler: fn(scope), queue })).toThrow(
      /no dead-letter queue/,
    );
  });

  it('fails synth when a FIFO queue is given a batching window', () => {
    // Prepare
    const scope = stack();
    const queue = new MonitoredQueue(scope, 'Q', { encryptionKey: new Key(scope, 'Key'), fifo: true }).queue;

    // Act / Assess
    expect(
      () =>
        new QueueConsumer(scope, 'Consumer', {
          handler: fn(scope),
          queue,
          maxBatchingWindow: Duration.seconds(5),
        }),
    ).toThrow(/FIFO queues cannot have a batching window/);
  });
});

describe('MonitoredQueue', () => {
  it('gives a FIFO queue a FIFO dead-letter queue and an alarm on its depth', () => {
    // Prepare
    const scope = stack();

    // Act
    const created = new MonitoredQueue(scope, 'Q', { encryptionKey: new Key(scope, 'Key'), fifo: true });

    // Assess
    expect(created.queue.fifo).toBe(true);
    expect(created.deadLetterQueue.fifo).toBe(true);
    const template = Template.fromStack(scope);
    template.resourcePropertiesCountIs('AWS::SQS::Queue', { FifoQueue: true }, 2);
    template.hasResourceProperties('AWS::SQS::Queue', {
      FifoQueue: true,
      ContentBasedDeduplication: false,
      RedrivePolicy: { maxReceiveCount: 5, deadLetterTargetArn: Match.anyValue() },
    });
    template.hasResourceProperties('AWS::CloudWatch::Alarm', {
      MetricName: 'ApproximateNumberOfMessagesVisible',
      Threshold: 0,
      ComparisonOperator: 'GreaterThanThreshold',
    });
  });

  it('refuses content-based deduplication on a standard queue', () => {
    // Prepare
    const scope = stack();

    // Act / Assess
    expect(
      () =>
        new MonitoredQueue(scope, 'Q', {
          encryptionKey: new Key(scope, 'Key'),
          contentBasedDeduplication: true,
        }),
    ).toThrow(/FIFO queues only/);
  });
});
