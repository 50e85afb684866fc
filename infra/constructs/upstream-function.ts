// Infra construct: the one Lambda function shape every handler in functions/ is deployed with.
import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, statSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { AssetHashType, DockerImage, Duration, RemovalPolicy, Size, Stack, Validations } from 'aws-cdk-lib';
import { Alarm, ComparisonOperator, type Metric, TreatMissingData } from 'aws-cdk-lib/aws-cloudwatch';
import type { ITable } from 'aws-cdk-lib/aws-dynamodb';
import { Effect, PolicyStatement, Role, ServicePrincipal } from 'aws-cdk-lib/aws-iam';
import type { IKey } from 'aws-cdk-lib/aws-kms';
import {
  Architecture,
  Code,
  Function as LambdaFunction,
  LoggingFormat,
  Runtime,
  Tracing,
} from 'aws-cdk-lib/aws-lambda';
import { LogGroup, type RetentionDays } from 'aws-cdk-lib/aws-logs';
import type { IBucket } from 'aws-cdk-lib/aws-s3';
import type { ISecret } from 'aws-cdk-lib/aws-secretsmanager';
import type { IQueue } from 'aws-cdk-lib/aws-sqs';
import { Construct } from 'constructs';
import {
  FUNCTION_BUCKET_PREFIXES,
  TABLE_INDEX,
  TABLE_READ_ACTIONS,
  TABLE_WRITE_ACTIONS,
  tableAccessOf,
} from '../config/data-access.ts';
import {
  functionTimeoutSeconds,
  mailConfigurationSetName,
  type StageConfig,
} from '../config/stage-config.ts';
import { acknowledgeWildcardAction, acknowledgeWildcardResource } from './nag.ts';

/** The share of the timeout past which a single invocation raises the duration alarm. */
const DURATION_ALARM_SHARE = 0.8;

/** The repository root: handlers live in functions/<name>/handler.ts beneath it. */
const PROJECT_ROOT = fileURLToPath(new URL('../../', import.meta.url));

const FUNCTION_NAME = /^[a-z][a-z0-9]*(-[a-z0-9]+)*$/;
const ENV_NAME = /^[A-Z][A-Z0-9_]*$/;

export type TableAccess = 'read' | 'readWrite';
export type BucketAccess = 'read' | 'write' | 'readWrite';
export type QueueAccess = 'send' | 'consume';
export type KeyAccess = 'decrypt' | 'encryptDecrypt';

export interface UpstreamFunctionProps {
  /**
   * Kebab-case name, e.g. `ingest-return`: the folder under functions/, the Powertools service name and the
   * local emulator's display name for the function.
   */
  readonly name: string;
  readonly config: StageConfig;
  /** @default - the stage's `functionTimeoutSeconds` for this name, else its `default` */
  readonly timeout?: Duration;
  /** @default 256 */
  readonly memorySize?: number;
  /** Ephemeral storage (/tmp) in MiB, for a function that spills to disk. @default 512 */
  readonly tmpMiB?: number;
  /** @default - none */
  readonly description?: string;
  /**
   * Options for Node.js and V8 after `--enable-source-maps` in NODE_OPTIONS, for a function whose memory
   * was measured with them (ingest-return's young generation). @default - none
   */
  readonly nodeOptions?: readonly string[];
  /** Extra plain environment variables; resources are added with the bind methods instead. @default - none */
  readonly environment?: Readonly<Record<string, string>>;
  /**
   * Files the handler reads at run time (templates), copied beside the bundle: `from` is relative to the
   * repository root, `to` to the bundle, and only names ending in `suffix` are copied. @default - none
   */
  readonly bundledFiles?: readonly { readonly from: string; readonly to: string; readonly suffix: string }[];
}

/** The published baseline and statistical neighbours, beside the bundle (shared/domain/indicators/reference-data.ts). */
export const REFERENCE_BASELINE_FILES = {
  from: 'shared/reference/baseline',
  to: 'reference/baseline',
  suffix: '.json',
} as const;

/** Copies a tree's files with one suffix, keeping the folders. */
function copyTree(from: string, to: string, suffix: string): void {
  cpSync(from, to, {
    recursive: true,
    filter: (source) => statSync(source).isDirectory() || source.endsWith(suffix),
  });
}

/**
 * The function's code: its bundle (infra/constructs/function-bundling.ts), written at synth by
 * bundle-function.ts in a child process, and the files it reads beside it. Skipped, like any bundling,
 * for stacks not being synthesized with bundling (the tests that do not look at the code).
 */
function bundledCode(name: string, bundledFiles: UpstreamFunctionProps['bundledFiles']): Code {
  const script = ['infra', 'constructs', 'bundle-function.ts'].join('/');
  return Code.fromAsset(PROJECT_ROOT, {
    assetHashType: AssetHashType.OUTPUT,
    bundling: {
      // Never pulled: local bundling always answers, or fails with esbuild's own message.
      image: DockerImage.fromRegistry('scratch'),
      // Also what tells one function's bundle from another's: CDK reuses a bundle for the same source
      // folder and the same options, and `local` is not among the options it compares.
      command: ['node', '--import', 'tsx', script, name, '/asset-output'],
      local: {
        tryBundle(outputDir) {
          const result = spawnSync(process.execPath, ['--import', 'tsx', script, name, outputDir], {
            cwd: PROJECT_ROOT,
            stdio: ['ignore', 'inherit', 'inherit'],
          });
          if (result.status !== 0) {
            throw new Error(
              `Bundling functions/${name} failed (exit ${result.status}); esbuild's errors are above.`,
            );
          }
          for (const file of bundledFiles ?? []) {
            copyTree(path.join(PROJECT_ROOT, file.from), path.join(outputDir, file.to), file.suffix);
          }
          return true;
        },
      },
    },
  });
}

/**
 * A Node.js 22 / arm64 function bundled as minified ESM with source maps and the AWS SDK inside
 * (function-bundling.ts), its own log group and its own role. Resources are attached with `bind*()`, which set the environment
 * variable and grant the matching least-privilege IAM in one call.
 */
export class UpstreamFunction extends Construct {
  readonly function: LambdaFunction;
  readonly role: Role;
  readonly logGroup: LogGroup;
  /** The kebab-case name this function was created with. */
  readonly name: string;
  readonly timeout: Duration;
  private readonly stage: string;
  /** Any failed invocation; with the throttles and duration alarms, routed to the alarm topic by OperationalAlarms. */
  readonly errorsAlarm: Alarm;
  readonly throttlesAlarm: Alarm;
  /** An invocation that came within 20% of the timeout: the next larger input may not finish. */
  readonly durationAlarm: Alarm;
  private readonly boundEnvironment = new Map<string, string>();

  constructor(scope: Construct, id: string, props: UpstreamFunctionProps) {
    super(scope, id);
    if (!FUNCTION_NAME.test(props.name)) {
      throw new Error(
        `UpstreamFunction ${this.node.path}: name "${props.name}" must be kebab-case, e.g. ingest-return.`,
      );
    }
    const entry = `${PROJECT_ROOT}functions/${props.name}/handler.ts`;
    if (!existsSync(entry)) {
      throw new Error(
        `UpstreamFunction ${this.node.path}: no handler at functions/${props.name}/handler.ts.`,
      );
    }
    this.name = props.name;
    this.stage = props.config.stage;
    this.timeout = props.timeout ?? Duration.seconds(functionTimeoutSeconds(props.config, props.name));
    const removalPolicy =
      props.config.removalPolicy === 'retain' ? RemovalPolicy.RETAIN : RemovalPolicy.DESTROY;

    this.logGroup = new LogGroup(this, 'LogGroup', {
      retention: props.config.logRetentionDays as RetentionDays,
      removalPolicy,
    });

    // An own role without AWSLambdaBasicExecutionRole: it may write to its own log group and nothing else
    // until a bind method says otherwise.
    this.role = new Role(this, 'Role', {
      assumedBy: new ServicePrincipal('lambda.amazonaws.com'),
      description: `Execution role of the ${props.name} function`,
    });
    this.logGroup.grantWrite(this.role);

    this.function = new LambdaFunction(this, 'Function', {
      code: bundledCode(props.name, props.bundledFiles),
      handler: 'index.handler',
      runtime: Runtime.NODEJS_22_X,
      architecture: Architecture.ARM_64,
      memorySize: props.memorySize ?? 256,
      ...(props.tmpMiB ? { ephemeralStorageSize: Size.mebibytes(props.tmpMiB) } : {}),
      timeout: this.timeout,
      description: props.description,
      role: this.role,
      logGroup: this.logGroup,
      // X-Ray traces each invocation (its init and duration); the SDK calls inside are not (docs/adr/0010).
      tracing: Tracing.ACTIVE,
      loggingFormat: LoggingFormat.JSON,
    });
    const defaults: Record<string, string> = {
      // The local emulator also uses this as the function's display name.
      POWERTOOLS_SERVICE_NAME: props.name,
      POWERTOOLS_LOG_LEVEL: props.config.logLevel,
      STAGE: props.config.stage,
      NODE_OPTIONS: ['--enable-source-maps', ...(props.nodeOptions ?? [])].join(' '),
    };
    for (const [name, value] of Object.entries({ ...defaults, ...props.environment })) {
      if (defaults[name] !== undefined && defaults[name] !== value) {
        throw new Error(
          `UpstreamFunction ${this.node.path}: ${name} is set by the construct and cannot be overridden.`,
        );
      }
      this.setEnvironment(name, value);
    }
    const fiveMinutes = Duration.minutes(5);
    const anyIn = (id: string, metric: Metric, description: string) =>
      new Alarm(this, id, {
        alarmDescription: `${props.name}: ${description}`,
        metric,
        threshold: 0,
        comparisonOperator: ComparisonOperator.GREATER_THAN_THRESHOLD,
        evaluationPeriods: 1,
        treatMissingData: TreatMissingData.NOT_BREACHING,
      });
    this.errorsAlarm = anyIn(
      'ErrorsAlarm',
      this.function.metricErrors({ period: fiveMinutes, statistic: 'Sum' }),
      'an invocation failed; the function log group has the error.',
    );
    this.throttlesAlarm = anyIn(
      'ThrottlesAlarm',
      this.function.metricThrottles({ period: fiveMinutes, statistic: 'Sum' }),
      'invocations were throttled (account or reserved concurrency reached).',
    );
    this.durationAlarm = new Alarm(this, 'DurationAlarm', {
      alarmDescription: `${props.name}: an invocation ran over ${DURATION_ALARM_SHARE * 100}% of its ${this.timeout.toSeconds()} s timeout.`,
      metric: this.function.metricDuration({ period: fiveMinutes, statistic: 'Maximum' }),
      threshold: DURATION_ALARM_SHARE * this.timeout.toMilliseconds(),
      comparisonOperator: ComparisonOperator.GREATER_THAN_THRESHOLD,
      evaluationPeriods: 1,
      treatMissingData: TreatMissingData.NOT_BREACHING,
    });

    Validations.of(this.role).acknowledge({
      id: 'AwsSolutions-IAM5[Resource::*]',
      reason:
        'X-Ray active tracing: xray:PutTraceSegments and xray:PutTelemetryRecords support no resource-level permissions, so AWS requires Resource "*" for them; no other action is granted on "*".',
    });
    Validations.of(this.function).acknowledge({
      id: 'AwsSolutions-L1',
      reason:
        'Node.js 22 is pinned on purpose: it is the runtime the handlers are built (target node22) and tested for. Moving to a newer runtime is a deliberate upgrade, not a side effect of a CDK release.',
    });
  }

  /**
   * Sets `envName` to the table name and grants item access only (no control-plane actions, no Scan), limited
   * by `dynamodb:LeadingKeys` to the partition keys of the adapters this function uses
   * (infra/config/data-access.ts), plus Query on gsi1 when one of them queries it. `readWrite` adds puts,
   * updates and deletes. The table's customer-managed key is granted for the same access.
   */
  bindTable(table: ITable, envName = 'TABLE_NAME', access: TableAccess = 'read'): this {
    this.setEnvironment(envName, table.tableName);
    const scope = tableAccessOf(this.name);
    if (!scope) {
      throw new Error(
        `UpstreamFunction ${this.node.path}: ${this.name} has no row in FUNCTION_TABLE_ADAPTERS (infra/config/data-access.ts); list the table adapters its handler constructs.`,
      );
    }
    this.role.addToPrincipalPolicy(
      new PolicyStatement({
        effect: Effect.ALLOW,
        actions: access === 'read' ? TABLE_READ_ACTIONS : [...TABLE_READ_ACTIONS, ...TABLE_WRITE_ACTIONS],
        resources: [table.tableArn],
        // Every item action names its partition key, so the condition key is always present.
        conditions: { 'ForAllValues:StringLike': { 'dynamodb:LeadingKeys': scope.leadingKeys } },
      }),
    );
    if (scope.queriesIndex) {
      this.role.addToPrincipalPolicy(allow(['dynamodb:Query'], [`${table.tableArn}/index/${TABLE_INDEX}`]));
    }
    if (table.encryptionKey) {
      // DynamoDB's own grant set for customer-managed keys; it uses these on the caller's behalf.
      const keyActions =
        access === 'read'
          ? ['kms:Decrypt', 'kms:DescribeKey']
          : ['kms:Decrypt', 'kms:DescribeKey', 'kms:Encrypt', 'kms:ReEncrypt*', 'kms:GenerateDataKey*'];
      this.grantKey(table.encryptionKey, keyActions);
      if (access === 'readWrite') {
        for (const action of ['kms:ReEncrypt*', 'kms:GenerateDataKey*']) {
          acknowledgeWildcardAction(
            this.role,
            action,
            `${this.name} (${envName}) writes to a table encrypted with a customer-managed key; DynamoDB needs ${action} on that one key.`,
          );
        }
      }
    }
    return this;
  }

  /**
   * Sets `envName` to the bucket name and grants object access under this function's prefixes for that
   * bucket only (infra/config/data-access.ts): `read` = GetObject under its read prefixes (+ ListBucket),
   * `write` = PutObject + AbortMultipartUpload under its write prefixes, each with the bucket key's matching
   * KMS permission.
   */
  bindBucket(bucket: IBucket, envName: string, access: BucketAccess): this {
    this.setEnvironment(envName, bucket.bucketName);
    const prefixes = FUNCTION_BUCKET_PREFIXES[this.name]?.[envName];
    if (!prefixes) {
      throw new Error(
        `UpstreamFunction ${this.node.path}: ${this.name} has no prefixes for ${envName} in FUNCTION_BUCKET_PREFIXES (infra/config/data-access.ts).`,
      );
    }
    const reads = access === 'read' || access === 'readWrite' ? (prefixes.read ?? []) : [];
    const writes = access === 'write' || access === 'readWrite' ? (prefixes.write ?? []) : [];
    for (const prefix of [...reads, ...writes]) {
      if (!/^[a-z0-9-]+(\/[a-z0-9-]+)*\/$/.test(prefix)) {
        throw new Error(
          `UpstreamFunction ${this.node.path}: "${prefix}" is not a key prefix such as uploads/.`,
        );
      }
    }
    if (reads.length + writes.length === 0) {
      throw new Error(
        `UpstreamFunction ${this.node.path}: ${access} access to ${envName} grants ${this.name} nothing in infra/config/data-access.ts.`,
      );
    }
    const keyActions = new Set<string>();
    if (reads.length > 0) {
      // ListBucket lets a missing key read as 404 rather than 403 (an expired report is told apart from a
      // refused one); it reveals key names only, never contents.
      this.role.addToPrincipalPolicy(allow(['s3:ListBucket'], [bucket.bucketArn]));
      this.role.addToPrincipalPolicy(
        allow(
          ['s3:GetObject'],
          reads.map((prefix) => bucket.arnForObjects(`${prefix}*`)),
        ),
      );
      keyActions.add('kms:Decrypt');
    }
    if (writes.length > 0) {
      this.role.addToPrincipalPolicy(
        allow(
          ['s3:PutObject', 's3:AbortMultipartUpload'],
          writes.map((prefix) => bucket.arnForObjects(`${prefix}*`)),
        ),
      );
      // Multipart uploads to an SSE-KMS bucket need Decrypt as well as GenerateDataKey.
      keyActions.add('kms:GenerateDataKey');
      keyActions.add('kms:Decrypt');
    }
    if (bucket.encryptionKey) this.grantKey(bucket.encryptionKey, [...keyActions]);
    for (const prefix of new Set([...reads, ...writes])) {
      acknowledgeWildcardResource(
        this.role,
        bucket.arnForObjects(`${prefix}*`),
        `${this.name} (${envName}) reads or writes objects under ${prefix} whose keys are only known at run time; the actions are listed explicitly and the prefix is the only one it needs there.`,
      );
    }
    return this;
  }

  /**
   * Outputs staged under `prefix` and moved to their own key on success (a copy, then a delete): reads and
   * deletes under that prefix only. Pair with `bindBucket(bucket, …, 'write')` for the destination.
   */
  grantStagedMoves(bucket: IBucket, prefix: string): this {
    const staged = bucket.arnForObjects(`${prefix}*`);
    this.role.addToPrincipalPolicy(allow(['s3:GetObject', 's3:DeleteObject'], [staged]));
    if (bucket.encryptionKey) this.grantKey(bucket.encryptionKey, ['kms:Decrypt']);
    acknowledgeWildcardResource(
      this.role,
      staged,
      `${this.name} moves the outputs it staged under ${prefix} (keys known at run time) to their own key; nothing else in the bucket.`,
    );
    return this;
  }

  /**
   * Grants reading objects under one prefix of a bucket already bound (GetObject on `prefix*` only, with the
   * bucket key's Decrypt), for a function that reads back part of what it writes.
   */
  readObjectsUnder(bucket: IBucket, prefix: string): this {
    if (!prefix.endsWith('/'))
      throw new Error(`UpstreamFunction ${this.node.path}: prefix "${prefix}" must end in "/".`);
    this.role.addToPrincipalPolicy(allow(['s3:GetObject'], [bucket.arnForObjects(`${prefix}*`)]));
    if (bucket.encryptionKey) this.grantKey(bucket.encryptionKey, ['kms:Decrypt']);
    acknowledgeWildcardResource(
      this.role,
      bucket.arnForObjects(`${prefix}*`),
      `${this.name} reads objects under ${prefix} whose keys are only known at run time.`,
    );
    return this;
  }

  /**
   * `send`: sets `envName` to the queue URL and grants SendMessage. `consume`: grants receive/delete/visibility
   * changes (what an SQS event source needs) and sets the URL too, for handlers that inspect the queue.
   */
  bindQueue(queue: IQueue, envName: string, access: QueueAccess): this {
    this.setEnvironment(envName, queue.queueUrl);
    if (access === 'send') {
      this.role.addToPrincipalPolicy(allow(['sqs:SendMessage'], [queue.queueArn]));
      if (queue.encryptionMasterKey) {
        this.grantKey(queue.encryptionMasterKey, ['kms:GenerateDataKey', 'kms:Decrypt']);
      }
    } else {
      queue.grantConsumeMessages(this.role);
    }
    return this;
  }

  /** Sets `envName` to the key ARN and grants direct use of a KMS key, for envelope encryption in code. */
  bindKey(key: IKey, envName: string, access: KeyAccess): this {
    this.setEnvironment(envName, key.keyArn);
    this.grantKey(key, access === 'decrypt' ? ['kms:Decrypt'] : ['kms:Decrypt', 'kms:GenerateDataKey']);
    return this;
  }

  /** Sets `envName` to the secret's ARN and grants reading its value (and decrypting it with its key). */
  bindSecret(secret: ISecret, envName: string): this {
    this.setEnvironment(envName, secret.secretArn);
    // Identity-based statements only: CDK's grantRead would edit the key policy in the stateful stack,
    // making it depend on this stack's role (a cross-stack cycle).
    this.role.addToPrincipalPolicy(
      allow(['secretsmanager:GetSecretValue', 'secretsmanager:DescribeSecret'], [secret.secretArn]),
    );
    if (secret.encryptionKey) this.grantKey(secret.encryptionKey, ['kms:Decrypt']);
    return this;
  }

  /**
   * Sets `envName` to the sender address and grants `ses:SendEmail` on that sender's SES identities only
   * (the address and its domain, whichever is verified) and the stage's configuration set, with the From
   * address pinned by a condition.
   */
  bindEmailSender(fromAddress: string, envName = 'FROM_ADDRESS'): this {
    this.setEnvironment(envName, fromAddress);
    const domain = fromAddress.slice(fromAddress.lastIndexOf('@') + 1);
    const ses = (resource: string, name: string) =>
      Stack.of(this).formatArn({ service: 'ses', resource, resourceName: name });
    this.role.addToPrincipalPolicy(
      new PolicyStatement({
        effect: Effect.ALLOW,
        actions: ['ses:SendEmail'],
        // SES also authorises the send against the configuration set the identity applies.
        resources: [
          ses('identity', fromAddress),
          ses('identity', domain),
          ses('configuration-set', mailConfigurationSetName(this.stage)),
        ],
        conditions: { StringEquals: { 'ses:FromAddress': fromAddress } },
      }),
    );
    return this;
  }

  /** Adds a plain environment variable; bound resources cannot be overwritten this way. */
  addEnvironment(name: string, value: string): this {
    this.setEnvironment(name, value);
    return this;
  }

  private setEnvironment(name: string, value: string): void {
    if (!ENV_NAME.test(name) || name.startsWith('AWS_')) {
      throw new Error(
        `UpstreamFunction ${this.node.path}: "${name}" is not a usable environment variable name.`,
      );
    }
    const existing = this.boundEnvironment.get(name);
    if (existing !== undefined && existing !== value) {
      throw new Error(
        `UpstreamFunction ${this.node.path}: ${name} is already bound to a different resource.`,
      );
    }
    this.boundEnvironment.set(name, value);
    this.function.addEnvironment(name, value);
  }

  private grantKey(key: IKey, actions: readonly string[]): void {
    if (actions.length > 0) this.role.addToPrincipalPolicy(allow([...actions], [key.keyArn]));
  }
}

function allow(actions: string[], resources: string[]): PolicyStatement {
  return new PolicyStatement({ effect: Effect.ALLOW, actions, resources });
}
