import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { App } from 'aws-cdk-lib';
import { Match, Template } from 'aws-cdk-lib/assertions';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseStageConfig } from '../../infra/config/stage-config.ts';
import { StatefulStack } from '../../infra/stacks/stateful-stack.ts';
import { COMMAND_LINE_CALLBACK_URL } from '../../shared/config/command-line-sign-in.ts';
import { COUNCILS, REGIONS } from '../../shared/domain/councils.ts';
import {
  cdkJsonContext,
  referencedResource,
  resourcesOfType,
  type Synthesized,
  synthesize,
} from './helpers/synth.ts';

// Non-default values throughout, so an assertion cannot pass by matching a default by accident.
const RETENTION_DAYS = 7;
const ORIGIN = 'https://upstream.example.gov.uk';
const STAGE = {
  rawUploadRetentionDays: RETENTION_DAYS,
  logRetentionDays: 14,
  removalPolicy: 'destroy',
  alarmEmail: 'alerts@example.gov.uk',
  allowedOrigins: [ORIGIN],
  functionTimeoutSeconds: { 'ingest-return': 700, default: 20 },
  fromAddress: 'risk-alerts@upstream.example.gov.uk',
  appUrl: ORIGIN,
  adviserDigestMinutes: 30,
};

/**
 * CDK's own singletons, in Python written by CDK, not project functions: the one that applies bucket
 * notifications and the one that copies the web app's static files at deploy time.
 */
const CDK_HANDLER_PATHS = [
  /\/BucketNotificationsHandler[0-9a-f]{32}\/Resource$/,
  /\/Custom::CDKBucketDeployment[0-9A-Fa-f]{32}\d*MiB\/Resource$/,
];

let synth: Synthesized;

beforeAll(() => {
  synth = synthesize({ context: { stage: 'test', stages: { test: STAGE } } });
}, 120_000);

afterAll(() => synth?.cleanup());

const cdkPath = (resource: { Metadata?: Record<string, unknown> }) =>
  String(resource.Metadata?.['aws:cdk:path']);
const isCdkHandler = (resource: { Metadata?: Record<string, unknown> }) =>
  CDK_HANDLER_PATHS.some((pattern) => pattern.test(cdkPath(resource)));

type Resource = { Properties?: Record<string, unknown> };
const environmentOf = (fn: Resource) =>
  ((fn.Properties?.Environment ?? {}) as { Variables?: Record<string, unknown> }).Variables ?? {};

function projectFunctions() {
  return resourcesOfType(synth.templates, 'AWS::Lambda::Function').filter(([, , fn]) => !isCdkHandler(fn));
}

describe('stacks', () => {
  it('are named per stage', () => {
    // Assess
    expect(Object.keys(synth.templates).sort()).toEqual([
      'Upstream-test-Stateful',
      'Upstream-test-Stateless',
    ]);
  });
});

describe('queues', () => {
  it('every queue that is not a dead-letter queue redrives to one of the same FIFO-ness', () => {
    // Prepare
    const queues = resourcesOfType(synth.templates, 'AWS::SQS::Queue');
    const deadLetterIds = new Set(
      queues.flatMap(([stack, , queue]) => {
        const redrive = queue.Properties?.RedrivePolicy as { deadLetterTargetArn?: unknown } | undefined;
        const target = referencedResource(synth.templates, stack, redrive?.deadLetterTargetArn);
        return target ? [target.join('/')] : [];
      }),
    );

    // Assess: four work queues with theirs, and the schedules' dead-letter queue.
    expect(queues).toHaveLength(9);
    expect(deadLetterIds.size).toBe(4);
    for (const [stack, id, queue] of queues) {
      if (deadLetterIds.has(`${stack}/${id}`) || cdkPath(queue).includes('/ScheduleDeadLetters/')) continue;
      const redrive = queue.Properties?.RedrivePolicy as {
        deadLetterTargetArn: unknown;
        maxReceiveCount: number;
      };
      expect(redrive, `${id} has no RedrivePolicy`).toBeDefined();
      // RecomputeQueue is FIFO by council: a failing message holds the council's later events, so fewer receives.
      expect(redrive.maxReceiveCount, id).toBe(id.startsWith('RecomputeQueue') ? 3 : 5);
      const [dlqStack, dlqId] = referencedResource(synth.templates, stack, redrive.deadLetterTargetArn)!;
      const dlq = synth.templates[dlqStack]!.Resources[dlqId]!;
      expect(Boolean(dlq.Properties?.FifoQueue), `${id} and its DLQ differ in FIFO-ness`).toBe(
        Boolean(queue.Properties?.FifoQueue),
      );
      expect(dlq.Properties?.MessageRetentionPeriod).toBe(14 * 24 * 3600);
    }
  });

  it('RecomputeQueue alarms when a message has waited 5 minutes, and recompute can dead-letter a poison message', () => {
    // Assess
    synth.statefulTemplate.hasResourceProperties('AWS::CloudWatch::Alarm', {
      MetricName: 'ApproximateAgeOfOldestMessage',
      Namespace: 'AWS/SQS',
      Threshold: 300,
      Dimensions: [
        {
          Name: 'QueueName',
          Value: { 'Fn::GetAtt': [Match.stringLikeRegexp('^RecomputeQueue'), 'QueueName'] },
        },
      ],
    });
    synth.statelessTemplate.hasResourceProperties('AWS::Lambda::Function', {
      Environment: { Variables: Match.objectLike({ RECOMPUTE_DEAD_LETTER_QUEUE_URL: Match.anyValue() }) },
    });
  });

  it('are KMS-encrypted with the stack key, and the FIFO ones leave deduplication to producers', () => {
    // Assess
    for (const [, id, queue] of resourcesOfType(synth.templates, 'AWS::SQS::Queue')) {
      expect(queue.Properties?.KmsMasterKeyId, id).toEqual({
        'Fn::GetAtt': [expect.stringMatching(/^Key/), 'Arn'],
      });
      if (queue.Properties?.FifoQueue && queue.Properties.RedrivePolicy) {
        expect(queue.Properties.ContentBasedDeduplication, id).toBe(false);
      }
    }
    synth.statefulTemplate.resourcePropertiesCountIs('AWS::SQS::Queue', { FifoQueue: true }, 4);
  });

  it('every dead-letter queue has an alarm on visible messages > 0 that notifies the alarm topic', () => {
    // Assess
    synth.statefulTemplate.resourcePropertiesCountIs(
      'AWS::CloudWatch::Alarm',
      {
        MetricName: 'ApproximateNumberOfMessagesVisible',
        Namespace: 'AWS/SQS',
        Threshold: 0,
        ComparisonOperator: 'GreaterThanThreshold',
        AlarmActions: [{ Ref: Match.stringLikeRegexp('^AlarmTopic') }],
      },
      5,
    );
    synth.statefulTemplate.hasResourceProperties('AWS::SNS::Subscription', {
      Protocol: 'email',
      Endpoint: STAGE.alarmEmail,
    });
  });
});

describe('functions', () => {
  it('every project function runs Node.js 22 on arm64 and says who it is', () => {
    // Prepare
    const functions = projectFunctions();
    const excluded = resourcesOfType(synth.templates, 'AWS::Lambda::Function').filter(([, , fn]) =>
      isCdkHandler(fn),
    );

    // Assess: the exclusion only ever removes CDK's own Python handlers, never a bundled project function.
    expect(excluded).toHaveLength(2);
    expect(excluded.every(([, , fn]) => String(fn.Properties?.Runtime).startsWith('python'))).toBe(true);
    expect(functions.map(([, , fn]) => environmentOf(fn).POWERTOOLS_SERVICE_NAME).sort()).toEqual([
      'dfe-digest',
      'dfe-summary',
      'directory-api',
      'feeds-api',
      'indicators-api',
      'ingest-return',
      'intelligence-api',
      'machine-clients-api',
      'machine-token',
      'notify',
      'recompute',
      'risk-api',
      'risk-review',
      'submissions-api',
      'web',
    ]);
    for (const [, id, fn] of functions) {
      expect(fn.Properties?.Runtime, id).toBe('nodejs22.x');
      expect(fn.Properties?.Architectures, id).toEqual(['arm64']);
      expect(fn.Properties?.LoggingConfig, id).toMatchObject({
        LogFormat: 'JSON',
        LogGroup: { Ref: expect.any(String) },
      });
      expect(environmentOf(fn), id).toMatchObject({
        POWERTOOLS_LOG_LEVEL: 'INFO',
        STAGE: 'test',
        // Only ingest-return sizes its young generation (its memory was measured so).
        NODE_OPTIONS:
          environmentOf(fn).POWERTOOLS_SERVICE_NAME === 'ingest-return'
            ? '--enable-source-maps --max-semi-space-size=4'
            : '--enable-source-maps',
      });
    }
  });

  it('each function has its own log group with the stage retention and a role without managed policies', () => {
    // Assess
    // One per function here (fourteen) and one for the API's access logs; the token trigger's is beside the pool.
    synth.statelessTemplate.resourcePropertiesCountIs('AWS::Logs::LogGroup', { RetentionInDays: 14 }, 15);
    synth.statefulTemplate.resourcePropertiesCountIs('AWS::Logs::LogGroup', { RetentionInDays: 14 }, 1);
    for (const [, id, role] of resourcesOfType(synth.templates, 'AWS::IAM::Role')) {
      if (/\/(BucketNotificationsHandler|Custom::CDKBucketDeployment)/.test(cdkPath(role))) continue;
      expect(role.Properties?.ManagedPolicyArns, id).toBeUndefined();
    }
  });

  it('take timeouts from the stage config and get their resources through environment variables', () => {
    // Assess
    synth.statelessTemplate.hasResourceProperties('AWS::Lambda::Function', {
      Timeout: 700,
      MemorySize: 1769,
      // /tmp for what a ZIP of the largest upload may spill (infra/config/stage-config.ts).
      EphemeralStorage: { Size: 2274 },
      Environment: {
        Variables: Match.objectLike({
          POWERTOOLS_SERVICE_NAME: 'ingest-return',
          TABLE_NAME: { 'Fn::ImportValue': Match.stringLikeRegexp('ExportsOutputRefTable') },
          UPLOADS_BUCKET: { 'Fn::ImportValue': Match.stringLikeRegexp('ExportsOutputRefUploadsBucket') },
          DATA_BUCKET: { 'Fn::ImportValue': Match.stringLikeRegexp('ExportsOutputRefDataBucket') },
          RECOMPUTE_QUEUE_URL: {
            'Fn::ImportValue': Match.stringLikeRegexp('ExportsOutputRefRecomputeQueue'),
          },
        }),
      },
    });
    synth.statelessTemplate.hasResourceProperties('AWS::Lambda::Function', {
      Timeout: 10,
      Environment: {
        Variables: Match.objectLike({
          POWERTOOLS_SERVICE_NAME: 'submissions-api',
          TABLE_NAME: Match.anyValue(),
          UPLOADS_BUCKET: Match.anyValue(),
        }),
      },
    });
  });

  it('bundles are ESM with the require banner and never contain aws-cdk-lib', () => {
    // Prepare
    const functions = projectFunctions();

    // Assess
    expect(functions).toHaveLength(15);
    for (const [, id, fn] of functions) {
      const assetDir = join(synth.outdir, String(fn.Metadata?.['aws:asset:path']));
      const bundle = join(assetDir, 'index.mjs');
      expect(existsSync(bundle), `${id}: ${bundle}`).toBe(true);
      expect(fn.Properties?.Handler).toBe('index.handler');
      const code = readFileSync(bundle, 'utf8');
      expect(
        code.startsWith(
          "import { createRequire } from 'module'; const require = createRequire(import.meta.url);",
        ),
      ).toBe(true);
      const sources: string[] = JSON.parse(readFileSync(`${bundle}.map`, 'utf8')).sources;
      // The SDK is bundled, not taken from the runtime...
      expect(
        sources.some((source) => source.includes('node_modules/@aws-sdk/')),
        id,
      ).toBe(true);
      // ...and nothing from the CDK comes along.
      for (const file of readdirSync(assetDir)) {
        if (statSync(join(assetDir, file)).isFile()) {
          expect(readFileSync(join(assetDir, file), 'utf8').includes('aws-cdk-lib'), `${id}/${file}`).toBe(
            false,
          );
        }
      }
      expect(
        sources.filter((source) => /node_modules\/(aws-cdk-lib|constructs|cdk-nag)\//.test(source)),
      ).toEqual([]);
    }
  });
});

describe('event source mappings', () => {
  it('every SQS mapping reports batch item failures', () => {
    // Prepare
    const mappings = resourcesOfType(synth.templates, 'AWS::Lambda::EventSourceMapping');

    // Assess
    expect(mappings.length).toBeGreaterThan(0);
    for (const [, id, mapping] of mappings) {
      expect(mapping.Properties?.FunctionResponseTypes, id).toEqual(['ReportBatchItemFailures']);
    }
  });

  it('every queue is visible for at least 6 × the timeout of the function consuming it', () => {
    // Assess
    for (const [stack, id, mapping] of resourcesOfType(synth.templates, 'AWS::Lambda::EventSourceMapping')) {
      const [queueStack, queueId] = referencedResource(
        synth.templates,
        stack,
        mapping.Properties?.EventSourceArn,
      )!;
      const [fnStack, fnId] = referencedResource(synth.templates, stack, mapping.Properties?.FunctionName)!;
      const visibility = Number(
        synth.templates[queueStack]!.Resources[queueId]!.Properties?.VisibilityTimeout ?? 30,
      );
      const timeout = Number(synth.templates[fnStack]!.Resources[fnId]!.Properties?.Timeout ?? 3);
      expect(visibility, `${id}: ${queueId} vs ${fnId}`).toBeGreaterThanOrEqual(6 * timeout);
    }
  });

  it('ingest-return consumes IngestQueue one file at a time, at most ten at once', () => {
    // Assess
    synth.statelessTemplate.hasResourceProperties('AWS::Lambda::EventSourceMapping', {
      BatchSize: 1,
      ScalingConfig: { MaximumConcurrency: 10 },
      EventSourceArn: { 'Fn::ImportValue': Match.stringLikeRegexp('IngestQueue') },
    });
    synth.statefulTemplate.hasResourceProperties('AWS::SQS::Queue', {
      VisibilityTimeout: 4200,
      RedrivePolicy: Match.anyValue(),
    });
  });
});

describe('table', () => {
  it('has PITR, customer-managed KMS, TTL on expiresAt and gsi1', () => {
    // Assess
    synth.statefulTemplate.resourceCountIs('AWS::DynamoDB::Table', 1);
    synth.statefulTemplate.hasResourceProperties('AWS::DynamoDB::Table', {
      KeySchema: [
        { AttributeName: 'pk', KeyType: 'HASH' },
        { AttributeName: 'sk', KeyType: 'RANGE' },
      ],
      BillingMode: 'PAY_PER_REQUEST',
      PointInTimeRecoverySpecification: { PointInTimeRecoveryEnabled: true },
      SSESpecification: {
        SSEEnabled: true,
        SSEType: 'KMS',
        KMSMasterKeyId: { 'Fn::GetAtt': [Match.stringLikeRegexp('^Key'), 'Arn'] },
      },
      TimeToLiveSpecification: { AttributeName: 'expiresAt', Enabled: true },
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
    });
    synth.statefulTemplate.hasResourceProperties('AWS::KMS::Key', { EnableKeyRotation: true });
  });
});

describe('buckets', () => {
  it('every bucket blocks public access and refuses requests without TLS', () => {
    // Prepare
    const buckets = resourcesOfType(synth.templates, 'AWS::S3::Bucket');
    const policies = resourcesOfType(synth.templates, 'AWS::S3::BucketPolicy');

    // Assess
    expect(buckets).toHaveLength(4);
    for (const [stack, id, bucket] of buckets) {
      expect(bucket.Properties?.PublicAccessBlockConfiguration, id).toEqual({
        BlockPublicAcls: true,
        BlockPublicPolicy: true,
        IgnorePublicAcls: true,
        RestrictPublicBuckets: true,
      });
      const policy = policies.find(
        ([policyStack, , candidate]) =>
          referencedResource(synth.templates, policyStack, candidate.Properties?.Bucket)?.join('/') ===
          `${stack}/${id}`,
      );
      expect(policy, `${id} has no bucket policy`).toBeDefined();
      const statements = (policy![2].Properties?.PolicyDocument as { Statement: unknown[] } | undefined)
        ?.Statement;
      expect(statements).toContainEqual(
        expect.objectContaining({
          Effect: 'Deny',
          Action: 's3:*',
          Condition: { Bool: { 'aws:SecureTransport': 'false' } },
        }),
      );
    }
  });

  it('the uploads bucket expires uploads/ and reports/ after the configured retention', () => {
    // Assess
    synth.statefulTemplate.hasResourceProperties('AWS::S3::Bucket', {
      LifecycleConfiguration: {
        Rules: Match.arrayWith([
          Match.objectLike({ Prefix: 'uploads/', ExpirationInDays: RETENTION_DAYS, Status: 'Enabled' }),
          Match.objectLike({ Prefix: 'reports/', ExpirationInDays: RETENTION_DAYS, Status: 'Enabled' }),
          Match.objectLike({ AbortIncompleteMultipartUpload: { DaysAfterInitiation: 1 } }),
        ]),
      },
      CorsConfiguration: {
        CorsRules: [Match.objectLike({ AllowedMethods: ['PUT'], AllowedOrigins: [ORIGIN] })],
      },
      BucketEncryption: {
        ServerSideEncryptionConfiguration: [
          Match.objectLike({ ServerSideEncryptionByDefault: Match.objectLike({ SSEAlgorithm: 'aws:kms' }) }),
        ],
      },
      LoggingConfiguration: Match.objectLike({ DestinationBucketName: Match.anyValue() }),
    });
  });

  it('the uploads bucket expires its prefixes; the data bucket only curated/, after years, never feeds/', () => {
    // Prepare
    const expiringPrefixes = resourcesOfType(synth.templates, 'AWS::S3::Bucket').flatMap(([, id, bucket]) =>
      (
        (bucket.Properties?.LifecycleConfiguration as { Rules?: Array<Record<string, unknown>> } | undefined)
          ?.Rules ?? []
      )
        .filter((rule) => rule.ExpirationInDays !== undefined && rule.Prefix !== undefined)
        .map((rule) => `${id.replace(/[0-9A-F]{8}$/, '')}:${rule.Prefix}:${rule.ExpirationInDays}`),
    );

    // Assess
    expect(expiringPrefixes.sort()).toEqual([
      'DataBucket:curated/:2557',
      'DataBucket:staging/:1',
      `UploadsBucket:reports/:${RETENTION_DAYS}`,
      `UploadsBucket:uploads/:${RETENTION_DAYS}`,
    ]);
  });

  it('the ingest function moves only what it staged, and knows the last receive of its queue', () => {
    synth.statelessTemplate.hasResourceProperties('AWS::Lambda::Function', {
      Environment: { Variables: Match.objectLike({ MAX_RECEIVE_COUNT: '5' }) },
    });
    synth.statelessTemplate.hasResourceProperties('AWS::IAM::Policy', {
      PolicyDocument: {
        Statement: Match.arrayWith([
          Match.objectLike({
            Action: ['s3:DeleteObject', 's3:GetObject'],
            Resource: Match.objectLike({ 'Fn::Join': Match.arrayWith([Match.arrayWith(['/staging/*'])]) }),
          }),
        ]),
      },
    });
  });

  it('uploads/ object-created events go to the ingest queue through the bucket notifications resource', () => {
    // Assess
    synth.statefulTemplate.hasResourceProperties('Custom::S3BucketNotifications', {
      BucketName: { Ref: Match.stringLikeRegexp('^UploadsBucket') },
      NotificationConfiguration: {
        QueueConfigurations: [
          {
            Events: ['s3:ObjectCreated:*'],
            Filter: { Key: { FilterRules: [{ Name: 'prefix', Value: 'uploads/' }] } },
            QueueArn: { 'Fn::GetAtt': [Match.stringLikeRegexp('^IngestQueue'), 'Arn'] },
          },
        ],
      },
    });
    synth.statefulTemplate.hasResourceProperties('AWS::KMS::Key', {
      KeyPolicy: {
        Statement: Match.arrayWith([
          Match.objectLike({
            Principal: { Service: 's3.amazonaws.com' },
            Action: ['kms:Decrypt', 'kms:GenerateDataKey'],
          }),
        ]),
      },
    });
  });
});

describe('HTTP API', () => {
  it('routes GET /submissions/{submissionId} to submissions-api behind the Cognito JWT authoriser', () => {
    // Assess
    synth.statelessTemplate.hasResourceProperties('AWS::ApiGatewayV2::Route', {
      RouteKey: 'GET /submissions/{submissionId}',
      AuthorizationType: 'JWT',
      AuthorizerId: { Ref: Match.stringLikeRegexp('CognitoJwt') },
    });
    synth.statelessTemplate.hasResourceProperties('AWS::ApiGatewayV2::Authorizer', {
      AuthorizerType: 'JWT',
      IdentitySource: ['$request.header.Authorization'],
      JwtConfiguration: {
        Audience: [
          { 'Fn::ImportValue': Match.stringLikeRegexp('UserPoolDashboardClient') },
          { 'Fn::ImportValue': Match.stringLikeRegexp('UserPoolCommandLineClient') },
          { Ref: Match.stringLikeRegexp('^WebClient') },
          'upstream-machine-clients',
        ],
        Issuer: Match.anyValue(),
      },
    });
    // Only the links in DfE subscription emails go without a JWT (their token is the credential), and the
    // web app's default route, which signs people in and calls the API with their token.
    const open = [
      '$default',
      'GET /subscriptions/confirm',
      'GET /subscriptions/unsubscribe',
      'POST /subscriptions/unsubscribe',
    ];
    for (const [, id, route] of resourcesOfType(synth.templates, 'AWS::ApiGatewayV2::Route')) {
      const key = String(route.Properties?.RouteKey);
      expect(route.Properties?.AuthorizationType, id).toBe(open.includes(key) ? 'NONE' : 'JWT');
    }
  });

  it('logs access on the default stage and allows CORS from the configured origins only', () => {
    // Assess
    synth.statelessTemplate.hasResourceProperties('AWS::ApiGatewayV2::Stage', {
      StageName: '$default',
      AccessLogSettings: { DestinationArn: Match.anyValue(), Format: Match.stringLikeRegexp('requestId') },
    });
    synth.statelessTemplate.hasResourceProperties('AWS::ApiGatewayV2::Api', {
      CorsConfiguration: Match.objectLike({ AllowOrigins: [ORIGIN] }),
    });
  });

  it('outputs what a client needs', () => {
    // Assess
    expect(Object.keys(synth.templates['Upstream-test-Stateless']!.Outputs ?? {}).sort()).toEqual([
      'ApiUrl',
      'AppUrl',
      'CommandLineClientId',
      'DataBucketName',
      'SignInUrl',
      'UploadsBucketName',
      'UserPoolClientId',
      'UserPoolId',
    ]);
  });
});

describe('identity', () => {
  it('has no self sign-up, requires MFA and a strong password', () => {
    // Assess
    synth.statefulTemplate.hasResourceProperties('AWS::Cognito::UserPool', {
      AdminCreateUserConfig: Match.objectLike({ AllowAdminCreateUserOnly: true }),
      MfaConfiguration: 'ON',
      Policies: {
        PasswordPolicy: Match.objectLike({
          MinimumLength: 14,
          RequireLowercase: true,
          RequireUppercase: true,
          RequireNumbers: true,
          RequireSymbols: true,
        }),
      },
    });
  });

  it('has one group per role: dfe, admin, adviser:<region>, council:<la>', () => {
    // Prepare
    const names = resourcesOfType(synth.templates, 'AWS::Cognito::UserPoolGroup').map(([, , group]) =>
      String(group.Properties?.GroupName),
    );

    // Assess
    expect(names.sort()).toEqual(
      [
        'dfe',
        'admin',
        ...Object.keys(REGIONS).map((region) => `adviser:${region}`),
        ...COUNCILS.map((council) => `council:${council.la}`),
      ].sort(),
    );
  });
});

/** The one resource whose aws:cdk:path is `<stack>/<path>/Resource`, as [stackName, logicalId, resource]. */
function atPath(path: string) {
  const matches = Object.entries(synth.templates).flatMap(([stackName, template]) =>
    Object.entries(template.Resources)
      .filter(([, resource]) => cdkPath(resource) === `${stackName}/${path}/Resource`)
      .map(([id, resource]) => [stackName, id, resource] as const),
  );
  expect(
    matches.map(([, id]) => id),
    `resources at ${path}`,
  ).toHaveLength(1);
  return matches[0]!;
}

type Statement = { Effect: string; Action: string | string[]; Resource: unknown };
const asList = <T>(value: T | T[]): T[] => (Array.isArray(value) ? value : [value]);

/** Whether an IAM action pattern (with * and ? wildcards, case-insensitive) covers `action`. */
function covers(pattern: string, action: string): boolean {
  const regex = pattern
    .replace(/[.+^${}()|[\]\\]/g, '\\$&')
    .replace(/\*/g, '.*')
    .replace(/\?/g, '.');
  return new RegExp(`^${regex}$`, 'i').test(action);
}

/** Every Allow statement in the app's identity policies, with the roles it is attached to. */
function allowStatements(): Array<{
  stack: string;
  policyId: string;
  roles: string[];
  statement: Statement;
}> {
  return resourcesOfType(synth.templates, 'AWS::IAM::Policy').flatMap(([stack, policyId, policy]) => {
    const roles = asList((policy.Properties?.Roles ?? []) as unknown[]).map(
      (role) => referencedResource(synth.templates, stack, role)?.join('/') ?? JSON.stringify(role),
    );
    const document = policy.Properties?.PolicyDocument as { Statement: Statement[] };
    return document.Statement.filter((statement) => statement.Effect === 'Allow').map((statement) => ({
      stack,
      policyId,
      roles,
      statement,
    }));
  });
}

const STACK_KEY = { 'Fn::GetAtt': [expect.stringMatching(/^Key[0-9A-F]{8}$/), 'Arn'] };

describe('foundation review', () => {
  describe('buckets', () => {
    it('the data bucket is encrypted with the stack key, the uploads bucket with its own; only the access-log and web assets buckets use SSE-S3', () => {
      // Prepare
      const sse = (path: string) =>
        (atPath(path)[2].Properties?.BucketEncryption as { ServerSideEncryptionConfiguration?: unknown[] })
          ?.ServerSideEncryptionConfiguration;

      // Assess
      for (const [bucket, key] of [
        ['UploadsBucket', 'UploadsKey'],
        ['DataBucket', 'Key'],
      ] as const) {
        expect(sse(bucket), bucket).toEqual([
          {
            BucketKeyEnabled: true,
            ServerSideEncryptionByDefault: {
              SSEAlgorithm: 'aws:kms',
              KMSMasterKeyID: { 'Fn::GetAtt': [atPath(key)[1], 'Arn'] },
            },
          },
        ]);
      }
      // S3 server access log delivery cannot write to an SSE-KMS bucket.
      expect(sse('AccessLogBucket')).toEqual([{ ServerSideEncryptionByDefault: { SSEAlgorithm: 'AES256' } }]);
      // Public static files (GOV.UK Frontend's CSS, fonts, images), read by CloudFront through OAC.
      expect(sse('Web/Assets')).toEqual([{ ServerSideEncryptionByDefault: { SSEAlgorithm: 'AES256' } }]);
      expect(resourcesOfType(synth.templates, 'AWS::S3::Bucket')).toHaveLength(4);
    });

    it('the data buckets log access to the access-log bucket', () => {
      // Prepare
      const [, logBucketId] = atPath('AccessLogBucket');

      // Assess
      for (const path of ['UploadsBucket', 'DataBucket']) {
        expect(atPath(path)[2].Properties?.LoggingConfiguration, path).toMatchObject({
          DestinationBucketName: { Ref: logBucketId },
        });
      }
    });

    it('the uploads bucket expires uploads/ after 30 days when the stage does not say otherwise', () => {
      // Prepare: the stateful stack alone (no functions to bundle), from an empty stage, with cdk.json's flags.
      const app = new App({ context: cdkJsonContext() });
      const stack = new StatefulStack(app, 'Defaults', {
        config: parseStageConfig('dev', { dev: { removalPolicy: 'destroy' } }),
      });

      // Act
      const template = Template.fromStack(stack);

      // Assess
      template.hasResourceProperties('AWS::S3::Bucket', {
        LifecycleConfiguration: {
          Rules: Match.arrayWith([
            Match.objectLike({ Prefix: 'uploads/', ExpirationInDays: 30, Status: 'Enabled' }),
            Match.objectLike({ Prefix: 'reports/', ExpirationInDays: 30, Status: 'Enabled' }),
          ]),
        },
      });
    });
  });

  describe('queues', () => {
    const QUEUES = [
      { path: 'IngestQueue', fifo: false, consumer: 'ingest-return', timeout: 700, receives: 5 },
      { path: 'RecomputeQueue', fifo: true, consumer: 'recompute', timeout: 20, receives: 3 },
      { path: 'AlertQueue', fifo: true, consumer: 'notify', timeout: 20, receives: 5 },
      { path: 'DigestQueue', fifo: false, consumer: 'dfe-digest', timeout: 20, receives: 5 },
    ];

    it.each(QUEUES)(
      '$path redrives to its own dead-letter queue of the same FIFO-ness',
      ({ path, fifo, receives }) => {
        // Prepare
        const [, , queue] = atPath(`${path}/Queue`);
        const [, dlqId, dlq] = atPath(`${path}/DeadLetterQueue`);

        // Assess
        expect(queue.Properties?.RedrivePolicy).toEqual({
          deadLetterTargetArn: { 'Fn::GetAtt': [dlqId, 'Arn'] },
          maxReceiveCount: receives,
        });
        expect(queue.Properties?.FifoQueue).toBe(fifo ? true : undefined);
        expect(dlq.Properties?.FifoQueue).toBe(fifo ? true : undefined);
        expect(dlq.Properties?.RedrivePolicy).toBeUndefined();
        for (const resource of [queue, dlq]) {
          expect(resource.Properties?.KmsMasterKeyId).toEqual(STACK_KEY);
        }
      },
    );

    it.each(QUEUES)('$path has an alarm on the depth of its dead-letter queue', ({ path }) => {
      // Prepare
      const [, dlqId] = atPath(`${path}/DeadLetterQueue`);
      const [, , alarm] = atPath(`${path}/DeadLetterAlarm`);

      // Assess
      expect(alarm.Properties).toMatchObject({
        Namespace: 'AWS/SQS',
        MetricName: 'ApproximateNumberOfMessagesVisible',
        Dimensions: [{ Name: 'QueueName', Value: { 'Fn::GetAtt': [dlqId, 'QueueName'] } }],
        Threshold: 0,
        ComparisonOperator: 'GreaterThanThreshold',
        EvaluationPeriods: 1,
        TreatMissingData: 'notBreaching',
        AlarmActions: [{ Ref: expect.stringMatching(/^AlarmTopic/) }],
      });
    });

    it.each(QUEUES)(
      '$path stays invisible for 6 × the timeout of $consumer, consumed or not yet',
      ({ path, timeout }) => {
        // Assess
        expect(atPath(`${path}/Queue`)[2].Properties?.VisibilityTimeout).toBe(6 * timeout);
      },
    );

    it('no queue policy lets anyone but S3 (for this bucket) send to the ingest queue', () => {
      // Prepare
      const [, uploadsId] = atPath('UploadsBucket');
      const statements = resourcesOfType(synth.templates, 'AWS::SQS::QueuePolicy').flatMap(
        ([, , policy]) =>
          (policy.Properties?.PolicyDocument as { Statement?: Record<string, unknown>[] } | undefined)
            ?.Statement ?? [],
      );

      // Assess
      const allows = statements.filter((statement) => statement.Effect === 'Allow');
      expect(allows).toHaveLength(1);
      expect(allows[0]).toMatchObject({
        Principal: { Service: 's3.amazonaws.com' },
        Condition: { ArnLike: { 'aws:SourceArn': { 'Fn::GetAtt': [uploadsId, 'Arn'] } } },
      });
    });
  });

  describe('functions', () => {
    it('each project function writes JSON logs to its own log group with the stage retention', () => {
      // Assess
      for (const [stack, id, fn] of projectFunctions()) {
        const logging = fn.Properties?.LoggingConfig as { LogFormat: string; LogGroup: unknown };
        expect(logging.LogFormat, id).toBe('JSON');
        const [groupStack, groupId] = referencedResource(synth.templates, stack, logging.LogGroup)!;
        const group = synth.templates[groupStack]!.Resources[groupId]!;
        expect(group.Type).toBe('AWS::Logs::LogGroup');
        expect(group.Properties?.RetentionInDays, id).toBe(STAGE.logRetentionDays);
        expect(cdkPath(group), id).toBe(cdkPath(fn).replace(/\/Function\/Resource$/, '/LogGroup/Resource'));
      }
    });

    it('each bundle links its source map, and the runtime is told to use it', () => {
      // Assess
      for (const [, id, fn] of projectFunctions()) {
        const bundle = join(synth.outdir, String(fn.Metadata?.['aws:asset:path']), 'index.mjs');
        expect(
          readFileSync(bundle, 'utf8').trimEnd().endsWith('//# sourceMappingURL=index.mjs.map'),
          id,
        ).toBe(true);
        const map = JSON.parse(readFileSync(`${bundle}.map`, 'utf8'));
        expect(map.mappings.length, id).toBeGreaterThan(0);
        // Mappings only: the sources themselves would double the bundle's size.
        expect(map.sourcesContent ?? [], id).toEqual([]);
        expect(String(environmentOf(fn).NODE_OPTIONS).split(' ')[0], id).toBe('--enable-source-maps');
      }
    });
  });

  describe('event source mappings', () => {
    it('IngestQueue feeds ingest-return, RecomputeQueue recompute and AlertQueue notify, each reporting batch item failures', () => {
      // Prepare
      const mappings = resourcesOfType(synth.templates, 'AWS::Lambda::EventSourceMapping');
      const wiring = mappings.map(([stack, , mapping]) => [
        referencedResource(synth.templates, stack, mapping.Properties?.EventSourceArn)?.[1],
        referencedResource(synth.templates, stack, mapping.Properties?.FunctionName)?.[1],
      ]);

      // Assess
      expect(wiring.sort()).toEqual(
        [
          [atPath('IngestQueue/Queue')[1], atPath('IngestReturn/Function')[1]],
          [atPath('RecomputeQueue/Queue')[1], atPath('Recompute/Function')[1]],
          [atPath('AlertQueue/Queue')[1], atPath('Notify/Function')[1]],
          [atPath('DigestQueue/Queue')[1], atPath('DfeFeeds/DfeDigest/Function')[1]],
        ].sort(),
      );
      for (const [, , mapping] of mappings) {
        expect(mapping.Properties?.FunctionResponseTypes).toEqual(['ReportBatchItemFailures']);
      }
    });
  });

  describe('HTTP API', () => {
    it('exposes exactly the submissions, indicators, intelligence, risk, directory and machine-client routes, each behind the one Cognito JWT authoriser', () => {
      // Prepare
      const authorizers = resourcesOfType(synth.templates, 'AWS::ApiGatewayV2::Authorizer');
      const routes = resourcesOfType(synth.templates, 'AWS::ApiGatewayV2::Route');

      // Assess
      expect(authorizers).toHaveLength(1);
      const [, authorizerId, authorizer] = authorizers[0]!;
      expect(authorizer.Properties?.AuthorizerType).toBe('JWT');
      expect(routes.map(([, , route]) => route.Properties?.RouteKey).sort()).toEqual([
        '$default',
        'DELETE /machine-clients/{la}',
        'DELETE /risk/councils/{la}/override',
        'DELETE /subscriptions/{subscriptionId}',
        'GET /directory/advisers',
        'GET /directory/advisers/{adviserId}',
        'GET /feeds/dfe.atom',
        'GET /feeds/dfe.csv',
        'GET /feeds/dfe.json',
        'GET /indicators/councils/{la}',
        'GET /indicators/regions/{region}',
        'GET /indicators/{code}',
        'GET /intelligence',
        'GET /intelligence/{itemId}',
        'GET /machine-clients/{la}',
        'GET /risk/councils/{la}',
        'GET /submissions',
        'GET /submissions/{submissionId}',
        'GET /submissions/{submissionId}/report',
        'GET /subscriptions',
        'GET /subscriptions/confirm',
        'GET /subscriptions/unsubscribe',
        'PATCH /intelligence/{itemId}',
        'POST /directory/advisers/{adviserId}/deactivate',
        'POST /intelligence',
        'POST /intelligence/{itemId}/withdraw',
        'POST /machine-clients/{la}',
        'POST /submissions',
        'POST /subscriptions',
        'POST /subscriptions/unsubscribe',
        'PUT /directory/advisers/{adviserId}',
        'PUT /risk/councils/{la}/override',
      ]);
      // The links in DfE subscription emails carry their own credential (a token), and the web app's
      // default route signs people in itself; nothing else is open.
      const open = [
        '$default',
        'GET /subscriptions/confirm',
        'GET /subscriptions/unsubscribe',
        'POST /subscriptions/unsubscribe',
      ];
      for (const [, id, route] of routes) {
        if (open.includes(String(route.Properties?.RouteKey))) {
          expect(route.Properties?.AuthorizationType, id).toBe('NONE');
          expect(route.Properties?.AuthorizerId, id).toBeUndefined();
          continue;
        }
        expect(route.Properties, id).toMatchObject({
          AuthorizationType: 'JWT',
          AuthorizerId: { Ref: authorizerId },
        });
      }
    });

    it('the authoriser trusts only the stage user pool, its dashboard, command-line and web app clients, and the machine audience', () => {
      // Prepare
      const [stack, , authorizer] = resourcesOfType(synth.templates, 'AWS::ApiGatewayV2::Authorizer')[0]!;
      const jwt = authorizer.Properties?.JwtConfiguration as { Audience: unknown[]; Issuer: unknown };
      const [, poolId] = atPath('Identity/UserPool');
      const [, clientId] = atPath('Identity/UserPool/DashboardClient');
      const [, commandLineClientId] = atPath('Identity/UserPool/CommandLineClient');
      const [, webClientId] = atPath('Web/Client');

      // Assess
      expect(jwt.Audience).toHaveLength(4);
      expect(jwt.Audience[3]).toBe('upstream-machine-clients');
      expect(referencedResource(synth.templates, stack, jwt.Audience[0])?.[1]).toBe(clientId);
      expect(referencedResource(synth.templates, stack, jwt.Audience[1])?.[1]).toBe(commandLineClientId);
      expect(referencedResource(synth.templates, stack, jwt.Audience[2])?.[1]).toBe(webClientId);
      expect(JSON.stringify(jwt.Issuer)).toContain('cognito-idp.');
      expect(JSON.stringify(jwt.Issuer)).toMatch(new RegExp(`ExportsOutputRef${poolId}`));
    });
  });

  describe('pseudonym secret', () => {
    it('is encrypted with a key of its own and has no resource policy opening it up', () => {
      // Prepare
      const [, , secret] = atPath('PseudonymSecret');

      // Assess
      expect(secret.Properties?.KmsKeyId).toEqual({ 'Fn::GetAtt': [atPath('PseudonymKey')[1], 'Arn'] });
      expect(resourcesOfType(synth.templates, 'AWS::SecretsManager::ResourcePolicy')).toEqual([]);
    });

    it('only ingest-return may read it, and only it: GetSecretValue on that one secret', () => {
      // Prepare
      const [secretStack, secretId] = atPath('PseudonymSecret');
      const [fnStack, , ingest] = atPath('IngestReturn/Function');
      const ingestRole = referencedResource(synth.templates, fnStack, ingest.Properties?.Role)!.join('/');
      const readers = allowStatements().filter(({ statement }) =>
        asList(statement.Action).some((action) => covers(action, 'secretsmanager:GetSecretValue')),
      );

      // Assess
      expect(readers).toHaveLength(1);
      const [{ stack, roles, statement }] = readers as [(typeof readers)[number]];
      expect(roles).toEqual([ingestRole]);
      expect(asList(statement.Action).sort()).toEqual([
        'secretsmanager:DescribeSecret',
        'secretsmanager:GetSecretValue',
      ]);
      expect(Array.isArray(statement.Resource)).toBe(false);
      expect(referencedResource(synth.templates, stack, statement.Resource)).toEqual([secretStack, secretId]);
    });

    it('its ARN reaches ingest-return only', () => {
      // Assess
      const holders = projectFunctions().filter(([, , fn]) => 'PSEUDONYM_SECRET_ARN' in environmentOf(fn));
      expect(holders.map(([, , fn]) => environmentOf(fn).POWERTOOLS_SERVICE_NAME)).toEqual(['ingest-return']);
    });
  });

  describe('IAM', () => {
    it('ingest-return reads the data bucket under curated/ (last year’s CIN extract, for re-referrals) and its own staging/ only', () => {
      // Prepare
      const [fnStack, , ingest] = atPath('IngestReturn/Function');
      const ingestRole = referencedResource(synth.templates, fnStack, ingest.Properties?.Role)!.join('/');
      const dataBucketReads = allowStatements()
        .filter(({ roles }) => roles.includes(ingestRole))
        .filter(({ statement }) => asList(statement.Action).some((action) => covers(action, 's3:GetObject')))
        .flatMap(({ statement }) => asList(statement.Resource).map((resource) => JSON.stringify(resource)))
        .filter((resource) => resource.includes('DataBucket'));

      // Assess
      expect(dataBucketReads.length).toBeGreaterThan(0);
      expect(dataBucketReads.some((resource) => /"\/curated\/\*"\]\]\}$/.test(resource))).toBe(true);
      for (const resource of dataBucketReads) expect(resource).toMatch(/"\/(curated|staging)\/\*"\]\]\}$/);
    });

    it('no identity policy grants a whole service or Resource "*"', () => {
      // Assess: narrower wildcards (object keys, index names) each need a cdk-nag acknowledgement instead.
      // CDK's deploy-time asset copier invalidates CloudFront, which its policy grants on "*" (acknowledged).
      const copier = (policyId: string) => policyId.startsWith('CustomCDKBucketDeployment');
      for (const { policyId, statement } of allowStatements().filter(({ policyId }) => !copier(policyId))) {
        for (const action of asList(statement.Action)) {
          expect(action, policyId).not.toMatch(/^(\*|[a-z0-9-]+:\*)$/);
        }
        // X-Ray's trace writes have no resource-level permissions; nothing else may name "*".
        if (asList(statement.Resource).includes('*')) {
          expect(asList(statement.Action).sort(), policyId).toEqual([
            'xray:PutTelemetryRecords',
            'xray:PutTraceSegments',
          ]);
        }
      }
    });
  });
});

describe('adviser alerts', () => {
  it('notify gets its sender, the app address and a send lease longer than its time-out', () => {
    synth.statelessTemplate.hasResourceProperties('AWS::Lambda::Function', {
      Timeout: 20,
      Environment: {
        Variables: Match.objectLike({
          POWERTOOLS_SERVICE_NAME: 'notify',
          TABLE_NAME: Match.anyValue(),
          FROM_ADDRESS: 'risk-alerts@upstream.example.gov.uk',
          APP_URL: ORIGIN,
          SEND_LEASE_SECONDS: '40',
        }),
      },
    });
  });

  it('dfe-digest gets the app address, so the summary emails link to the national page', () => {
    synth.statelessTemplate.hasResourceProperties('AWS::Lambda::Function', {
      Environment: {
        Variables: Match.objectLike({ POWERTOOLS_SERVICE_NAME: 'dfe-digest', APP_URL: ORIGIN }),
      },
    });
  });

  it('only notify, dfe-digest and feeds-api may send email, only from the configured sender, through its SES identities', () => {
    const senders = allowStatements().filter(({ statement }) =>
      asList(statement.Action).some((action) => covers(action, 'ses:SendEmail')),
    );
    expect(senders.map(({ roles }) => roles.map((role) => role.split('/')[1])).sort()).toEqual(
      [
        [atPath('Notify/Role')[1]],
        [atPath('DfeFeeds/DfeDigest/Role')[1]],
        [atPath('DfeFeeds/FeedsApi/Role')[1]],
      ].sort(),
    );
    for (const { statement } of senders) {
      expect(asList(statement.Action)).toEqual(['ses:SendEmail']);
      const resources = asList(statement.Resource).map((resource) => JSON.stringify(resource));
      expect(resources).toHaveLength(3);
      expect(
        resources.filter((r) => r.includes(':identity/risk-alerts@upstream.example.gov.uk')),
      ).toHaveLength(1);
      expect(resources.filter((r) => /:identity\/upstream\.example\.gov\.uk"/.test(r))).toHaveLength(1);
      expect(resources.filter((r) => r.includes(':configuration-set/upstream-test"'))).toHaveLength(1);
      expect((statement as { Condition?: unknown }).Condition).toEqual({
        StringEquals: { 'ses:FromAddress': 'risk-alerts@upstream.example.gov.uk' },
      });
    }
  });

  it('a schedule flushes digests every adviserDigestMinutes through a role that may invoke notify only', () => {
    // The others are the weekly DfE summary (test/infra/dfe-feeds.test.ts) and the daily risk review.
    const schedules = resourcesOfType(synth.templates, 'AWS::Scheduler::Schedule').filter(([, , schedule]) =>
      JSON.stringify(schedule.Properties?.Target).includes('FlushAdviserDigests'),
    );
    expect(schedules).toHaveLength(1);
    const [stack, , schedule] = schedules[0]!;
    const target = schedule.Properties?.Target as { Arn: unknown; Input: string; RoleArn: unknown };
    expect(schedule.Properties?.ScheduleExpression).toBe('rate(30 minutes)');
    expect(JSON.parse(target.Input)).toEqual({ type: 'FlushAdviserDigests', version: 1 });
    expect(referencedResource(synth.templates, stack, target.Arn)?.[1]).toBe(atPath('Notify/Function')[1]);
    const roleId = referencedResource(synth.templates, stack, target.RoleArn)?.[1];
    const granted = allowStatements().filter(({ roles }) =>
      roles.some((role) => role.endsWith(`/${roleId}`)),
    );
    // Besides the invoke: putting a failed run in the schedule dead-letter queue (and its key).
    expect(granted.flatMap(({ statement }) => asList(statement.Action)).sort()).toEqual([
      'kms:Decrypt',
      'kms:GenerateDataKey',
      'lambda:InvokeFunction',
      'sqs:SendMessage',
    ]);
  });
});

describe('web app', () => {
  it('one CloudFront distribution: pages from the HTTP API, /assets/* from S3 through OAC, HTTPS only, security headers', () => {
    // Prepare
    const [distribution] = resourcesOfType(synth.templates, 'AWS::CloudFront::Distribution').map(
      ([, , resource]) => resource.Properties?.DistributionConfig as Record<string, unknown>,
    );
    const [, , headers] = resourcesOfType(synth.templates, 'AWS::CloudFront::ResponseHeadersPolicy')[0]!;
    const security = (headers.Properties!.ResponseHeadersPolicyConfig as Record<string, unknown>)
      .SecurityHeadersConfig as Record<string, Record<string, unknown>>;

    // Assess
    expect(resourcesOfType(synth.templates, 'AWS::CloudFront::Distribution')).toHaveLength(1);
    expect(distribution?.DefaultCacheBehavior).toMatchObject({
      ViewerProtocolPolicy: 'redirect-to-https',
      AllowedMethods: expect.arrayContaining(['POST']),
    });
    expect(JSON.stringify(distribution?.Origins)).toContain('ApiEndpoint');
    expect(distribution?.CacheBehaviors).toEqual([
      expect.objectContaining({ PathPattern: '/assets/*', ViewerProtocolPolicy: 'redirect-to-https' }),
    ]);
    expect(JSON.stringify(distribution?.Origins)).toContain('OriginAccessControlId');
    expect(security.StrictTransportSecurity).toMatchObject({
      AccessControlMaxAgeSec: 31_536_000,
      Override: true,
    });
    expect(security.FrameOptions).toMatchObject({ FrameOption: 'DENY' });
    expect(security.ContentSecurityPolicy?.ContentSecurityPolicy).toContain("frame-ancestors 'none'");
    synth.statelessTemplate.hasResourceProperties('Custom::CDKBucketDeployment', {
      DestinationBucketKeyPrefix: 'assets/',
      DistributionPaths: ['/assets/*'],
    });
  });

  it('signs in through Cognito managed login: a user-pool domain and a public client for the code flow with PKCE', () => {
    // Assess
    synth.statefulTemplate.hasResourceProperties('AWS::Cognito::UserPoolDomain', {
      Domain: 'upstream-test',
      ManagedLoginVersion: 2,
    });
    synth.statelessTemplate.hasResourceProperties('AWS::Cognito::UserPoolClient', {
      AllowedOAuthFlows: ['code'],
      AllowedOAuthFlowsUserPoolClient: true,
      AllowedOAuthScopes: ['openid', 'email'],
      CallbackURLs: [`${ORIGIN}/auth/callback`],
      LogoutURLs: [`${ORIGIN}/signed-out`],
      GenerateSecret: false,
      EnableTokenRevocation: true,
      SupportedIdentityProviders: ['COGNITO'],
    });
    synth.statelessTemplate.resourceCountIs('AWS::Cognito::ManagedLoginBranding', 1);
  });

  it('the web function serves the default route and gets the app, API and sign-in addresses', () => {
    // Prepare
    const [, , web] = projectFunctions().find(
      ([, , fn]) => environmentOf(fn).POWERTOOLS_SERVICE_NAME === 'web',
    )!;
    const [, webClientId] = atPath('Web/Client');

    // Assess
    expect(environmentOf(web)).toMatchObject({
      APP_URL: ORIGIN,
      API_URL: { 'Fn::GetAtt': [expect.stringMatching(/^HttpApi/), 'ApiEndpoint'] },
      AUTH_CLIENT_ID: { Ref: webClientId },
      TABLE_NAME: expect.anything(),
    });
    expect(JSON.stringify(environmentOf(web).AUTH_URL)).toContain('amazoncognito.com');
    synth.statelessTemplate.hasResourceProperties('AWS::ApiGatewayV2::Route', {
      RouteKey: '$default',
      AuthorizationType: 'NONE',
    });
    // Its templates are bundled beside it: the app's own and GOV.UK Frontend's macros.
    const bundle = join(synth.outdir, String(web.Metadata?.['aws:asset:path']));
    expect(existsSync(join(bundle, 'templates', 'layout.njk'))).toBe(true);
    expect(existsSync(join(bundle, 'govuk-frontend', 'govuk', 'components', 'table', 'macro.njk'))).toBe(
      true,
    );
    expect(existsSync(join(bundle, 'govuk-frontend', 'govuk', 'components', 'table', 'fixtures.json'))).toBe(
      false,
    );
  });
});

describe('command-line sign-in', () => {
  it('has a public client that may send codes only to the CLI’s localhost port, with PKCE’s code grant', () => {
    // Assess
    synth.statefulTemplate.hasResourceProperties('AWS::Cognito::UserPoolClient', {
      GenerateSecret: false,
      AllowedOAuthFlows: ['code'],
      AllowedOAuthFlowsUserPoolClient: true,
      CallbackURLs: [COMMAND_LINE_CALLBACK_URL],
      EnableTokenRevocation: true,
    });
    synth.statefulTemplate.resourcePropertiesCountIs(
      'AWS::Cognito::ManagedLoginBranding',
      { ClientId: Match.objectLike({ Ref: Match.stringLikeRegexp('CommandLineClient') }) },
      1,
    );
  });
});
