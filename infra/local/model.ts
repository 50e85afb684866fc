// Local cloud: reads the synthesized cloud assembly and derives everything it runs locally from it,
// so local wiring and cloud wiring cannot drift apart.
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import type { PolicyStatement } from './iam-policy.ts';
import { type ResolveScope, resolveString, resolveValue, UnsupportedTemplateError } from './intrinsics.ts';

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
}

export interface LocalSecret {
  readonly id: string;
  readonly arn: string;
  readonly name: string;
  /** A fixed value from the template, or how long a generated one must be. */
  readonly value?: string;
  readonly generateLength: number;
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
  readonly outputs: Readonly<Record<string, string>>;
}

export interface LocalEndpoints {
  /** The URL fauxqs gives a queue of this name. */
  queueUrl(name: string): string;
  /** The base URL of the local HTTP API with this logical id. */
  apiUrl(apiId: string): string;
}

interface CfnResource {
  Type: string;
  Properties?: Record<string, unknown>;
  Metadata?: Record<string, unknown>;
  Condition?: string;
}

interface CfnTemplate {
  Resources?: Record<string, CfnResource>;
  Outputs?: Record<string, { Value: unknown; Export?: { Name: unknown } }>;
  Conditions?: Record<string, unknown>;
}

export interface LoadedStack {
  readonly stackName: string;
  readonly template: CfnTemplate;
}

/** Reads every CloudFormation stack of a cloud assembly (cdk.out), in dependency order. */
export function loadAssembly(assemblyDir: string): LoadedStack[] {
  const manifestFile = path.join(assemblyDir, 'manifest.json');
  if (!existsSync(manifestFile))
    throw new Error(`No cloud assembly at ${assemblyDir}: run "npm run synth" first`);
  const manifest = JSON.parse(readFileSync(manifestFile, 'utf8')) as {
    artifacts: Record<
      string,
      { type: string; properties?: { templateFile: string; stackName?: string }; dependencies?: string[] }
    >;
  };
  const stacks = Object.entries(manifest.artifacts).filter(
    ([, artifact]) => artifact.type === 'aws:cloudformation:stack',
  );
  const ordered: string[] = [];
  const visit = (id: string) => {
    if (ordered.includes(id)) return;
    for (const dependency of manifest.artifacts[id]?.dependencies ?? []) {
      if (manifest.artifacts[dependency]?.type === 'aws:cloudformation:stack') visit(dependency);
    }
    ordered.push(id);
  };
  for (const [id] of stacks) visit(id);
  return ordered.map((id) => {
    const artifact = manifest.artifacts[id]!;
    const templateFile = path.join(assemblyDir, artifact.properties!.templateFile);
    return {
      stackName: artifact.properties!.stackName ?? id,
      template: JSON.parse(readFileSync(templateFile, 'utf8')),
    };
  });
}

// Resource types that carry no behaviour the local cloud needs to reproduce.
const PASSIVE_TYPES = new Set([
  'AWS::CDK::Metadata',
  'AWS::IAM::Role',
  'AWS::IAM::Policy',
  'AWS::IAM::ManagedPolicy',
  'AWS::KMS::Key',
  'AWS::KMS::Alias',
  'AWS::Logs::LogGroup',
  'AWS::CloudWatch::Alarm',
  'AWS::SNS::Topic',
  'AWS::SNS::Subscription',
  'AWS::SNS::TopicPolicy',
  'AWS::SQS::QueuePolicy',
  'AWS::S3::BucketPolicy',
  'AWS::Lambda::Permission',
  'AWS::ApiGatewayV2::Stage',
  'AWS::Cognito::UserPoolGroup',
  'AWS::Cognito::UserPoolDomain',
  'AWS::SES::EmailIdentity',
  'AWS::SES::ConfigurationSet',
  'AWS::SES::ConfigurationSetEventDestination',
  'AWS::Scheduler::ScheduleGroup',
  // Where AWS puts a failed scheduled run; locally the failure is in the function's log.
  'AWS::Lambda::EventInvokeConfig',
  'Custom::LogRetention',
  // The web app's edge and sign-in styling: locally the gateway serves the pages and /assets/ itself.
  'AWS::CloudFront::Distribution',
  'AWS::CloudFront::ResponseHeadersPolicy',
  'AWS::CloudFront::OriginAccessControl',
  'AWS::Cognito::ManagedLoginBranding',
  'AWS::Lambda::LayerVersion',
  'Custom::CDKBucketDeployment',
]);

const sanitizeBucketName = (name: string) =>
  name
    .toLowerCase()
    .replace(/[^a-z0-9-]+/g, '-')
    .slice(0, 63)
    .replace(/-+$/, '');

/**
 * Builds the local model. Every trigger in the templates (event-source mappings, bucket notifications,
 * routes, schedules) becomes a local wiring, or an UnsupportedTemplateError naming the resource and why.
 */
export function buildLocalModel(
  stacks: readonly LoadedStack[],
  assemblyDir: string,
  endpoints: LocalEndpoints,
): LocalModel {
  const names = new Map<string, Map<string, { ref: string; atts: Record<string, string> }>>();
  const exportsByName = new Map<string, { stack: LoadedStack; value: unknown }>();

  for (const stack of stacks) {
    const table = new Map<string, { ref: string; atts: Record<string, string> }>();
    names.set(stack.stackName, table);
    for (const [id, output] of Object.entries(stack.template.Outputs ?? {})) {
      if (output.Export) exportsByName.set(String(output.Export.Name), { stack, value: output.Value });
      void id;
    }
  }

  const scopes = new Map<string, ResolveScope>();
  const scopeFor = (stack: LoadedStack): ResolveScope => {
    const existing = scopes.get(stack.stackName);
    if (existing) return existing;
    const scope: ResolveScope = {
      stackName: stack.stackName,
      region: LOCAL_REGION,
      accountId: LOCAL_ACCOUNT,
      ref: (id) => names.get(stack.stackName)?.get(id)?.ref,
      getAtt: (id, attribute) => names.get(stack.stackName)?.get(id)?.atts[attribute],
      importValue: (exportName) => {
        const found = exportsByName.get(exportName);
        return found ? resolveString(found.value, scopeFor(found.stack), `export ${exportName}`) : undefined;
      },
    };
    scopes.set(stack.stackName, scope);
    return scope;
  };

  // Pass 1: a local name, Ref value and attributes for every resource.
  for (const stack of stacks) {
    const table = names.get(stack.stackName)!;
    const scope = scopeFor(stack);
    for (const [id, resource] of Object.entries(stack.template.Resources ?? {})) {
      const props = resource.Properties ?? {};
      const where = `${stack.stackName}/${id} (${resource.Type})`;
      const explicit = (key: string) =>
        props[key] === undefined ? undefined : resolveString(props[key], scope, where);
      const arn = (service: string, resourcePart: string) =>
        `arn:aws:${service}:${LOCAL_REGION}:${LOCAL_ACCOUNT}:${resourcePart}`;
      switch (resource.Type) {
        case 'AWS::SQS::Queue': {
          const fifo = String(props.FifoQueue) === 'true';
          let name = explicit('QueueName') ?? `${stack.stackName}-${id}`.slice(0, fifo ? 75 : 80);
          if (fifo && !name.endsWith('.fifo')) name = `${name}.fifo`;
          const url = endpoints.queueUrl(name);
          table.set(id, { ref: url, atts: { Arn: arn('sqs', name), QueueName: name, QueueUrl: url } });
          break;
        }
        case 'AWS::DynamoDB::Table':
        case 'AWS::DynamoDB::GlobalTable': {
          const name = explicit('TableName') ?? `${stack.stackName}-${id}`;
          table.set(id, {
            ref: name,
            atts: {
              Arn: arn('dynamodb', `table/${name}`),
              StreamArn: arn('dynamodb', `table/${name}/stream/local`),
            },
          });
          break;
        }
        case 'AWS::S3::Bucket': {
          const name = explicit('BucketName') ?? sanitizeBucketName(`${stack.stackName}-${id}`);
          table.set(id, {
            ref: name,
            atts: {
              Arn: `arn:aws:s3:::${name}`,
              DomainName: `${name}.s3.amazonaws.com`,
              RegionalDomainName: `${name}.s3.${LOCAL_REGION}.amazonaws.com`,
            },
          });
          break;
        }
        case 'AWS::Lambda::Function': {
          const name = explicit('FunctionName') ?? `${stack.stackName}-${id}`.slice(0, 64);
          table.set(id, { ref: name, atts: { Arn: arn('lambda', `function:${name}`) } });
          break;
        }
        case 'AWS::SecretsManager::Secret': {
          const name = explicit('Name') ?? `${stack.stackName}-${id}`;
          const secretArn = arn('secretsmanager', `secret:${name}-local`);
          table.set(id, { ref: secretArn, atts: { Id: secretArn } });
          break;
        }
        case 'AWS::Cognito::UserPool': {
          const poolId = `${LOCAL_REGION}_local${id.replace(/[^A-Za-z0-9]/g, '').slice(0, 20)}`;
          table.set(id, {
            ref: poolId,
            atts: {
              Arn: arn('cognito-idp', `userpool/${poolId}`),
              ProviderName: `cognito-idp.${LOCAL_REGION}.amazonaws.com/${poolId}`,
              ProviderURL: `https://cognito-idp.${LOCAL_REGION}.amazonaws.com/${poolId}`,
              UserPoolId: poolId,
            },
          });
          break;
        }
        case 'AWS::Cognito::UserPoolClient': {
          const clientId = `local${id.replace(/[^A-Za-z0-9]/g, '').toLowerCase()}`.slice(0, 26);
          table.set(id, { ref: clientId, atts: { ClientId: clientId } });
          break;
        }
        case 'AWS::ApiGatewayV2::Api': {
          const url = endpoints.apiUrl(id);
          table.set(id, { ref: id, atts: { ApiEndpoint: url, ApiId: id } });
          break;
        }
        default: {
          table.set(id, {
            ref: `local-${id}`,
            atts: new Proxy({} as Record<string, string>, {
              get: (_target, attribute) =>
                attribute === 'Arn' ? arn('local', id) : `local-${id}-${String(attribute)}`,
            }),
          });
        }
      }
    }
  }

  const model: {
    [K in keyof LocalModel]: LocalModel[K] extends readonly (infer T)[] ? T[] : Record<string, string>;
  } = {
    functions: [],
    queues: [],
    tables: [],
    buckets: [],
    notifications: [],
    eventSourceMappings: [],
    apis: [],
    routes: [],
    schedules: [],
    userPools: [],
    secrets: [],
    outputs: {},
  };

  const queueNameFromArn = (queueArn: string, where: string) => {
    const name = queueArn.split(':').at(-1);
    if (!queueArn.startsWith('arn:aws:sqs:') || !name)
      throw new UnsupportedTemplateError(where, `${queueArn} is not a queue`);
    return name;
  };
  const functionNameFromArn = (functionArn: string) =>
    functionArn.split(':function:')[1]?.split(':')[0] ?? functionArn;

  // Pass 2: the resources and triggers, with every value resolved.
  for (const stack of stacks) {
    const scope = scopeFor(stack);
    const resources = stack.template.Resources ?? {};
    const integrations = new Map<string, string>();
    const authorizers = new Map<string, LocalAuthorizer>();
    // Functions that only back CloudFormation custom resources: the local cloud performs their effect itself.
    const customResourceProviders = new Set(
      Object.values(resources).flatMap((resource) => {
        const token = resource.Properties?.ServiceToken as { 'Fn::GetAtt'?: [string, string] } | undefined;
        return token?.['Fn::GetAtt'] ? [token['Fn::GetAtt'][0]] : [];
      }),
    );

    for (const [id, resource] of Object.entries(resources)) {
      const where = `${stack.stackName}/${id} (${resource.Type})`;
      if (resource.Type === 'AWS::CDK::Metadata') continue;
      if (resource.Condition) {
        throw new UnsupportedTemplateError(where, 'conditional resources are not supported locally');
      }
      const props = (resolveValue(resource.Properties ?? {}, scope, where) ?? {}) as Record<string, unknown>;
      const ref = names.get(stack.stackName)!.get(id)!.ref;
      switch (resource.Type) {
        case 'AWS::Lambda::Function': {
          if (customResourceProviders.has(id)) break;
          const assetPath = resource.Metadata?.['aws:asset:path'];
          if (typeof assetPath !== 'string') {
            throw new UnsupportedTemplateError(
              where,
              'its code is not a local asset (inline or pre-built code cannot run locally)',
            );
          }
          const [moduleName, exportName] = String(props.Handler ?? '').split(/\.(?=[^.]+$)/) as [
            string,
            string,
          ];
          const assetDir = path.join(assemblyDir, assetPath);
          const entryFile = ['.mjs', '.js', '.cjs']
            .map((ext) => path.join(assetDir, moduleName + ext))
            .find((file) => existsSync(file));
          if (!entryFile || !exportName) {
            throw new UnsupportedTemplateError(
              where,
              `handler ${String(props.Handler)} was not found in ${assetPath}`,
            );
          }
          const environment = ((props.Environment as { Variables?: Record<string, string> } | undefined)
            ?.Variables ?? {}) as Record<string, string>;
          const roleId = (resource.Properties?.Role as { 'Fn::GetAtt'?: [string, string] } | undefined)?.[
            'Fn::GetAtt'
          ]?.[0];
          const runtime = String(props.Runtime ?? '');
          if (!runtime.startsWith('nodejs'))
            throw new UnsupportedTemplateError(where, `runtime ${runtime} is not Node.js`);
          model.functions.push({
            id,
            name: ref,
            displayName: environment.POWERTOOLS_SERVICE_NAME ?? id,
            entryFile,
            exportName,
            runtime,
            timeoutSeconds: Number(props.Timeout ?? 3),
            memoryMb: Number(props.MemorySize ?? 128),
            ...(props.ReservedConcurrentExecutions !== undefined
              ? { reservedConcurrency: Number(props.ReservedConcurrentExecutions) }
              : {}),
            environment,
            role: {
              name: roleId ?? String(props.Role),
              statements: roleId ? roleStatements(resources, roleId, scope, stack.stackName) : [],
            },
          });
          break;
        }
        case 'AWS::SQS::Queue': {
          const attributes: Record<string, string> = {};
          for (const key of [
            'FifoQueue',
            'ContentBasedDeduplication',
            'VisibilityTimeout',
            'MessageRetentionPeriod',
            'DelaySeconds',
            'ReceiveMessageWaitTimeSeconds',
            'MaximumMessageSize',
            'DeduplicationScope',
            'FifoThroughputLimit',
          ]) {
            if (props[key] !== undefined) attributes[key] = String(props[key]);
          }
          const redrive = props.RedrivePolicy as
            | { deadLetterTargetArn?: string; maxReceiveCount?: number }
            | undefined;
          model.queues.push({
            id,
            name: ref.split('/').at(-1)!,
            fifo: attributes.FifoQueue === 'true',
            attributes,
            ...(redrive?.deadLetterTargetArn
              ? {
                  deadLetter: {
                    queueName: queueNameFromArn(redrive.deadLetterTargetArn, where),
                    maxReceiveCount: Number(redrive.maxReceiveCount ?? 10),
                  },
                }
              : {}),
          });
          break;
        }
        case 'AWS::DynamoDB::Table': {
          const ttl = props.TimeToLiveSpecification as
            | { AttributeName?: string; Enabled?: boolean }
            | undefined;
          model.tables.push({
            id,
            name: ref,
            definition: props,
            ...(ttl?.Enabled ? { ttlAttribute: ttl.AttributeName } : {}),
          });
          break;
        }
        case 'AWS::S3::Bucket': {
          model.buckets.push({ id, name: ref });
          const config = props.NotificationConfiguration as Record<string, unknown> | undefined;
          if (config) model.notifications.push(...bucketNotifications(ref, config, where, queueNameFromArn));
          break;
        }
        case 'Custom::S3BucketNotifications': {
          const bucketName = String(props.BucketName);
          const config = (props.NotificationConfiguration ?? {}) as Record<string, unknown>;
          model.notifications.push(...bucketNotifications(bucketName, config, where, queueNameFromArn));
          break;
        }
        case 'AWS::Lambda::EventSourceMapping': {
          const sourceArn = String(props.EventSourceArn ?? '');
          if (!sourceArn.startsWith('arn:aws:sqs:')) {
            throw new UnsupportedTemplateError(where, `only SQS event sources run locally, not ${sourceArn}`);
          }
          const responseTypes = (props.FunctionResponseTypes as string[] | undefined) ?? [];
          model.eventSourceMappings.push({
            id,
            functionName: functionNameFromArn(String(props.FunctionName)),
            queueName: queueNameFromArn(sourceArn, where),
            batchSize: Number(props.BatchSize ?? 10),
            maxBatchingWindowSeconds: Number(props.MaximumBatchingWindowInSeconds ?? 0),
            reportBatchItemFailures: responseTypes.includes('ReportBatchItemFailures'),
            enabled: props.Enabled !== false && props.Enabled !== 'false',
          });
          break;
        }
        case 'AWS::ApiGatewayV2::Api': {
          if (props.ProtocolType !== 'HTTP')
            throw new UnsupportedTemplateError(where, 'only HTTP APIs run locally');
          model.apis.push({
            id,
            name: String(props.Name ?? id),
            ...(props.CorsConfiguration ? { cors: props.CorsConfiguration as Record<string, unknown> } : {}),
          });
          break;
        }
        case 'AWS::ApiGatewayV2::Integration': {
          if (props.IntegrationType !== 'AWS_PROXY' || !String(props.IntegrationUri).includes(':function:')) {
            throw new UnsupportedTemplateError(where, 'only Lambda proxy integrations run locally');
          }
          if (props.PayloadFormatVersion !== undefined && props.PayloadFormatVersion !== '2.0') {
            throw new UnsupportedTemplateError(where, 'only payload format 2.0 is supported locally');
          }
          integrations.set(id, functionNameFromArn(String(props.IntegrationUri)));
          break;
        }
        case 'AWS::ApiGatewayV2::Authorizer': {
          if (props.AuthorizerType !== 'JWT')
            throw new UnsupportedTemplateError(where, 'only JWT authorisers run locally');
          const jwt = props.JwtConfiguration as { Audience?: string[]; Issuer?: string };
          authorizers.set(id, {
            id,
            issuer: String(jwt.Issuer),
            audience: jwt.Audience ?? [],
            identitySource: String(
              (props.IdentitySource as string[] | undefined)?.[0] ?? '$request.header.Authorization',
            ),
          });
          break;
        }
        case 'AWS::ApiGatewayV2::Route':
          break; // After integrations and authorisers are known (below).
        case 'AWS::Events::Rule': {
          if (!props.ScheduleExpression) {
            throw new UnsupportedTemplateError(
              where,
              'only scheduled rules run locally (event patterns have no local bus)',
            );
          }
          const targets = (props.Targets as { Arn: string; Input?: string }[] | undefined) ?? [];
          for (const target of targets) {
            model.schedules.push({
              id,
              name: String(props.Name ?? id),
              expression: String(props.ScheduleExpression),
              timezone: 'UTC',
              ...scheduleTarget(target.Arn, where, functionNameFromArn, queueNameFromArn),
              ...(target.Input !== undefined ? { input: String(target.Input) } : {}),
              kind: 'events-rule',
              enabled: props.State !== 'DISABLED',
            });
          }
          break;
        }
        case 'AWS::Scheduler::Schedule': {
          const target = props.Target as { Arn: string; Input?: string };
          model.schedules.push({
            id,
            name: String(props.Name ?? id),
            expression: String(props.ScheduleExpression),
            timezone: String(props.ScheduleExpressionTimezone ?? 'UTC'),
            ...scheduleTarget(target.Arn, where, functionNameFromArn, queueNameFromArn),
            ...(target.Input !== undefined ? { input: String(target.Input) } : {}),
            kind: 'scheduler',
            enabled: props.State !== 'DISABLED',
          });
          break;
        }
        case 'AWS::Cognito::UserPool': {
          const atts = names.get(stack.stackName)!.get(id)!.atts;
          model.userPools.push({
            id,
            poolId: ref,
            issuer: atts.ProviderURL!,
            clientIds: [],
            callbackUrls: {},
            groups: [],
          });
          break;
        }
        case 'AWS::Cognito::UserPoolClient':
        case 'AWS::Cognito::UserPoolGroup':
          break; // Attached to their pool below.
        case 'AWS::SecretsManager::Secret': {
          const generate = props.GenerateSecretString as
            | { PasswordLength?: number; SecretStringTemplate?: string }
            | undefined;
          if (generate?.SecretStringTemplate) {
            throw new UnsupportedTemplateError(
              where,
              'JSON secrets generated from a template are not supported locally',
            );
          }
          model.secrets.push({
            id,
            arn: ref,
            name: ref.split(':secret:')[1]!.replace(/-local$/, ''),
            ...(typeof props.SecretString === 'string' ? { value: props.SecretString } : {}),
            generateLength: Number(generate?.PasswordLength ?? 32),
          });
          break;
        }
        case 'AWS::Lambda::Url':
        case 'AWS::DynamoDB::GlobalTable':
        case 'AWS::Pipes::Pipe':
        case 'AWS::Events::EventBus':
        case 'AWS::StepFunctions::StateMachine':
          throw new UnsupportedTemplateError(where, `${resource.Type} is not emulated locally yet`);
        default:
          if (!PASSIVE_TYPES.has(resource.Type) && !resource.Type.startsWith('Custom::')) {
            throw new UnsupportedTemplateError(where, `${resource.Type} is not known to the local cloud`);
          }
      }
    }

    for (const [id, resource] of Object.entries(resources)) {
      const where = `${stack.stackName}/${id} (${resource.Type})`;
      if (
        resource.Type === 'AWS::Cognito::UserPoolClient' ||
        resource.Type === 'AWS::Cognito::UserPoolGroup'
      ) {
        const props = resolveValue(resource.Properties ?? {}, scope, where) as Record<string, unknown>;
        const pool = model.userPools.find((candidate) => candidate.poolId === props.UserPoolId);
        if (!pool) throw new UnsupportedTemplateError(where, 'its user pool is not in the template');
        if (resource.Type === 'AWS::Cognito::UserPoolClient') {
          const clientId = names.get(stack.stackName)!.get(id)!.ref;
          (pool.clientIds as string[]).push(clientId);
          const callbacks = Array.isArray(props.CallbackURLs) ? props.CallbackURLs.map(String) : [];
          (pool.callbackUrls as Record<string, string[]>)[clientId] = callbacks;
        } else {
          (pool.groups as string[]).push(String(props.GroupName));
        }
      }
      if (resource.Type !== 'AWS::ApiGatewayV2::Route') continue;
      const props = resolveValue(resource.Properties ?? {}, scope, where) as Record<string, unknown>;
      const target = String(props.Target ?? '');
      const functionName = integrations.get(target.replace(/^integrations\//, '').replace(/^local-/, ''));
      if (!functionName)
        throw new UnsupportedTemplateError(
          where,
          `its target ${target} is not a Lambda integration in this stack`,
        );
      const authorizationType = String(props.AuthorizationType ?? 'NONE');
      if (authorizationType !== 'NONE' && authorizationType !== 'JWT') {
        throw new UnsupportedTemplateError(
          where,
          `authorisation type ${authorizationType} is not supported locally`,
        );
      }
      const authorizer =
        authorizationType === 'JWT'
          ? authorizers.get(String(props.AuthorizerId).replace(/^local-/, ''))
          : undefined;
      if (authorizationType === 'JWT' && !authorizer)
        throw new UnsupportedTemplateError(where, 'its JWT authoriser is not in this stack');
      model.routes.push({
        id,
        apiId: String(props.ApiId),
        routeKey: String(props.RouteKey),
        functionName,
        ...(authorizer ? { authorizer } : {}),
        scopes: (props.AuthorizationScopes as string[] | undefined) ?? [],
      });
    }

    for (const [id, output] of Object.entries(stack.template.Outputs ?? {})) {
      try {
        model.outputs[`${stack.stackName}.${id}`] = resolveString(
          output.Value,
          scope,
          `${stack.stackName} output ${id}`,
        );
      } catch {
        // An output the local cloud cannot express is informational only.
      }
    }
  }

  for (const mapping of model.eventSourceMappings) {
    if (!model.functions.some((fn) => fn.name === mapping.functionName)) {
      throw new UnsupportedTemplateError(
        `event source mapping ${mapping.id}`,
        `function ${mapping.functionName} is not in the template`,
      );
    }
  }
  return model;
}

/** Every statement that applies to a role: its inline policies and each AWS::IAM::Policy attached to it. */
function roleStatements(
  resources: Record<string, CfnResource>,
  roleId: string,
  scope: ResolveScope,
  stackName: string,
): PolicyStatement[] {
  type Document = { Statement?: PolicyStatement | PolicyStatement[] };
  const documents: { where: string; document: unknown }[] = [];
  const role = resources[roleId];
  for (const policy of (role?.Properties?.Policies as { PolicyDocument: unknown }[] | undefined) ?? [])
    documents.push({ where: `${stackName}/${roleId}`, document: policy.PolicyDocument });
  for (const [id, resource] of Object.entries(resources)) {
    if (resource.Type !== 'AWS::IAM::Policy') continue;
    const roles = (resource.Properties?.Roles as { Ref?: string }[] | undefined) ?? [];
    if (roles.some((entry) => entry.Ref === roleId))
      documents.push({ where: `${stackName}/${id}`, document: resource.Properties?.PolicyDocument });
  }
  if (role?.Properties?.ManagedPolicyArns)
    throw new UnsupportedTemplateError(
      `${stackName}/${roleId}`,
      'managed policies are not evaluated locally',
    );
  return documents.flatMap(({ where, document }) => {
    const statement = (resolveValue(document, scope, where) as Document | undefined)?.Statement ?? [];
    return Array.isArray(statement) ? statement : [statement];
  });
}

function scheduleTarget(
  targetArn: string,
  where: string,
  functionNameFromArn: (arn: string) => string,
  queueNameFromArn: (arn: string, where: string) => string,
): { functionName: string } | { queueName: string } {
  if (targetArn.includes(':function:')) return { functionName: functionNameFromArn(targetArn) };
  if (targetArn.startsWith('arn:aws:sqs:')) return { queueName: queueNameFromArn(targetArn, where) };
  throw new UnsupportedTemplateError(where, `schedule target ${targetArn} is neither a function nor a queue`);
}

/** Accepts both the CloudFormation shape (AWS::S3::Bucket) and the S3 API shape (CDK's notifications resource). */
function bucketNotifications(
  bucketName: string,
  config: Record<string, unknown>,
  where: string,
  queueNameFromArn: (arn: string, where: string) => string,
): LocalBucketNotification[] {
  for (const unsupported of [
    'LambdaConfigurations',
    'LambdaFunctionConfigurations',
    'TopicConfigurations',
    'EventBridgeConfiguration',
  ]) {
    const value = config[unsupported];
    if ((Array.isArray(value) && value.length > 0) || (!Array.isArray(value) && value)) {
      throw new UnsupportedTemplateError(
        where,
        `${unsupported} notifications are not delivered locally; use a queue`,
      );
    }
  }
  const queueConfigs = (config.QueueConfigurations as Record<string, unknown>[] | undefined) ?? [];
  return queueConfigs.map((entry) => {
    const events = (entry.Events as string[] | undefined) ?? [String(entry.Event)];
    const filter = entry.Filter as
      | {
          S3Key?: { Rules?: { Name: string; Value: string }[] };
          Key?: { FilterRules?: { Name: string; Value: string }[] };
        }
      | undefined;
    const rules = filter?.S3Key?.Rules ?? filter?.Key?.FilterRules ?? [];
    const rule = (name: string) => rules.find((candidate) => candidate.Name.toLowerCase() === name)?.Value;
    const prefix = rule('prefix');
    const suffix = rule('suffix');
    return {
      source: where,
      bucketName,
      queueName: queueNameFromArn(String(entry.QueueArn ?? entry.Queue), where),
      events,
      ...(prefix !== undefined ? { prefix } : {}),
      ...(suffix !== undefined ? { suffix } : {}),
    };
  });
}
