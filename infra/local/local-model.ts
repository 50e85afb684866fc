// Local cloud: what it builds from the synthesized templates (functions, queues, tables, buckets, triggers,
// user pools, secrets, static files), and the template shapes it reads them from.
import type { PolicyStatement } from './iam-policy.ts';

export const LOCAL_REGION = 'eu-west-2';
export const LOCAL_ACCOUNT = '000000000000';

export interface LocalFunction {
  readonly id: string;
  /** The deployed function name (used in ARNs and logs). */
  readonly name: string;
  /** The short name logs are prefixed with (POWERTOOLS_SERVICE_NAME when set). */
  readonly displayName: string;
  readonly entryFile: string;
  readonly exportName: string;
  readonly runtime: string;
  readonly timeoutSeconds: number;
  readonly memoryMb: number;
  /** ReservedConcurrentExecutions: the most environments it may run at once, when the template sets it. */
  readonly reservedConcurrency?: number;
  readonly environment: Readonly<Record<string, string>>;
  /** The execution role and its identity-based statements (inline and attached AWS::IAM::Policy). */
  readonly role: { readonly name: string; readonly statements: readonly PolicyStatement[] };
}

export interface LocalQueue {
  readonly id: string;
  readonly name: string;
  readonly fifo: boolean;
  readonly attributes: Readonly<Record<string, string>>;
  readonly deadLetter?: { readonly queueName: string; readonly maxReceiveCount: number };
}

export interface LocalTable {
  readonly id: string;
  readonly name: string;
  readonly definition: Readonly<Record<string, unknown>>;
  readonly ttlAttribute?: string;
}

export interface LocalBucket {
  readonly id: string;
  readonly name: string;
  /** The bucket's CorsConfiguration, as the template has it. */
  readonly cors?: unknown;
}

export interface LocalBucketNotification {
  /** Where the trigger is declared, for drift checks and errors. */
  readonly source: string;
  readonly bucketName: string;
  readonly queueName: string;
  readonly events: readonly string[];
  readonly prefix?: string;
  readonly suffix?: string;
}

export interface LocalEventSourceMapping {
  readonly id: string;
  readonly functionName: string;
  readonly queueName: string;
  readonly batchSize: number;
  readonly maxBatchingWindowSeconds: number;
  readonly reportBatchItemFailures: boolean;
  readonly enabled: boolean;
}

export interface LocalAuthorizer {
  readonly id: string;
  readonly issuer: string;
  readonly audience: readonly string[];
  readonly identitySource: string;
}

export interface LocalRoute {
  readonly id: string;
  readonly apiId: string;
  readonly routeKey: string;
  readonly functionName: string;
  readonly authorizer?: LocalAuthorizer;
  readonly scopes: readonly string[];
}

export interface LocalApi {
  readonly id: string;
  readonly name: string;
  readonly cors?: Readonly<Record<string, unknown>>;
}

export interface LocalSchedule {
  readonly id: string;
  readonly name: string;
  readonly expression: string;
  readonly timezone: string;
  readonly functionName?: string;
  readonly queueName?: string;
  readonly input?: string;
  readonly kind: 'events-rule' | 'scheduler';
  readonly enabled: boolean;
}

export interface LocalUserPool {
  readonly id: string;
  readonly poolId: string;
  readonly issuer: string;
  readonly clientIds: readonly string[];
  /** Each client's registered callback addresses (CallbackURLs), where codes may be sent. */
  readonly callbackUrls?: Readonly<Record<string, readonly string[]>>;
  readonly groups: readonly string[];
  /** The custom scopes of its resource servers (`<identifier>/<scope>`), which app clients may be given. */
  readonly scopes?: readonly string[];
  /** The function of its pre-token-generation trigger, with the event version it is sent. */
  readonly preTokenGeneration?: { readonly functionName: string; readonly version: string };
}

export interface LocalSecret {
  readonly id: string;
  readonly arn: string;
  readonly name: string;
  /** A fixed value from the template, or how long a generated one must be. */
  readonly value?: string;
  readonly generateLength: number;
}

/** A CloudFront behaviour whose origin is a bucket: GETs of paths matching the pattern read that bucket. */
export interface LocalStaticRoute {
  readonly pathPattern: string;
  readonly bucketName: string;
}

/** Files a deployment copies into a bucket (CDK's BucketDeployment), from the folders staged in cdk.out. */
export interface LocalBucketDeployment {
  readonly bucketName: string;
  readonly keyPrefix: string;
  readonly directories: readonly string[];
}

export interface LocalModel {
  readonly functions: readonly LocalFunction[];
  readonly queues: readonly LocalQueue[];
  readonly tables: readonly LocalTable[];
  readonly buckets: readonly LocalBucket[];
  readonly notifications: readonly LocalBucketNotification[];
  readonly eventSourceMappings: readonly LocalEventSourceMapping[];
  readonly apis: readonly LocalApi[];
  readonly routes: readonly LocalRoute[];
  readonly schedules: readonly LocalSchedule[];
  readonly userPools: readonly LocalUserPool[];
  readonly secrets: readonly LocalSecret[];
  readonly staticRoutes: readonly LocalStaticRoute[];
  readonly bucketDeployments: readonly LocalBucketDeployment[];
  readonly outputs: Readonly<Record<string, string>>;
}

export interface LocalEndpoints {
  /** The URL fauxqs gives a queue of this name. */
  queueUrl(name: string): string;
  /** The base URL of the local HTTP API with this logical id. */
  apiUrl(apiId: string): string;
}

export interface CfnResource {
  Type: string;
  Properties?: Record<string, unknown>;
  Metadata?: Record<string, unknown>;
  Condition?: string;
}

export interface CfnTemplate {
  Resources?: Record<string, CfnResource>;
  Outputs?: Record<string, { Value: unknown; Export?: { Name: unknown } }>;
  Conditions?: Record<string, unknown>;
}

export interface LoadedStack {
  readonly stackName: string;
  readonly template: CfnTemplate;
}
