// Local cloud: starts the emulators, creates the template's resources in them, and wires every trigger
// in the template (queues → functions, bucket notifications, routes, schedules) to the unchanged bundles.
import http from 'node:http';
import { SendMessageCommand, SQSClient } from '@aws-sdk/client-sqs';
import { authorizationServer } from './authorization-server.ts';
import {
  dynamoPermissions,
  fauxqsService,
  s3Permissions,
  sesPermissions,
  sqsPermissions,
} from './aws-requests.ts';
import {
  assertPortFree,
  freePorts,
  LOCAL_CREDENTIALS,
  LocalCloudStartError,
  type RunningDynamo,
  type RunningFauxqs,
  type RunningSes,
  startDynamo,
  startFauxqs,
  startSesLocal,
} from './emulators.ts';
import { type InvocationResult, LocalFunctionRuntime } from './functions.ts';
import { type RunningGateway, startGateway } from './http-gateway.ts';
import { UnsupportedTemplateError } from './intrinsics.ts';
import { DEMO_USERS, type DemoUser, LocalIssuer } from './issuer.ts';
import {
  buildLocalModel,
  LOCAL_ACCOUNT,
  LOCAL_REGION,
  type LocalModel,
  type LocalSchedule,
  loadAssembly,
} from './model.ts';
import { portProblem } from './ports.ts';
import { type Clients, localClients, provision } from './provision.ts';
import { corsRulesOf, withLocalAppOrigin } from './s3-cors.ts';
import { S3Notifier } from './s3-notifier.ts';
import { nextFireTime, type ParsedSchedule, parseScheduleExpression } from './schedule.ts';
import { LocalSecretsManager } from './secrets.ts';
import { type Classified, type Principal, type RunningFront, startFront } from './service-front.ts';
import { SqsPoller } from './sqs-poller.ts';
import { staticFileFinder } from './static-files.ts';

export interface LocalCloudPorts {
  /** The HTTP API (the first API in the template). */
  readonly api: number;
  /** fauxqs: S3 and SQS. */
  readonly awsServices: number;
  readonly dynamodb: number;
  readonly ses: number;
  /** Local console: demo tokens, JWKS, schedule triggers, and the Secrets Manager endpoint. */
  readonly console: number;
}

export interface LocalCloudOptions {
  readonly assemblyDir: string;
  /** Where state survives restarts (DynamoDB data, signing key). Omit for a throwaway in-memory cloud. */
  readonly stateDir?: string;
  /** 0 picks a free port. */
  readonly ports: LocalCloudPorts;
  readonly log?: (source: string, line: string) => void;
  /** Long-poll wait for the queue pollers (seconds). */
  readonly pollWaitSeconds?: number;
  /** Start pollers and schedules (false for a single invoke). */
  readonly triggers?: boolean;
  /**
   * Fire schedules at their times (the default). False leaves them to triggerSchedule only: for tests whose
   * outcome must not depend on the time of day they run at (a daily schedule due mid-run).
   */
  readonly scheduleTimers?: boolean;
  /**
   * The most execution environments one function runs at once on this machine (its reserved concurrency
   * in the template, when lower, wins); API requests beyond it are throttled. DEFAULT_LOCAL_CONCURRENCY if unset.
   */
  readonly functionConcurrency?: number;
}

export interface Wiring {
  readonly eventSourceMappings: readonly {
    id: string;
    queueName: string;
    functionName: string;
    batchSize: number;
    reportBatchItemFailures: boolean;
  }[];
  readonly notifications: readonly {
    source: string;
    bucketName: string;
    queueName: string;
    prefix?: string;
    suffix?: string;
  }[];
  readonly routes: readonly { id: string; routeKey: string; functionName: string; authorised: boolean }[];
  readonly schedules: readonly { id: string; expression: string; timezone: string; next: string | null }[];
}

export interface LocalCloudUrls {
  readonly api: string;
  readonly console: string;
  /** The web app (the HTTP API's default route), in the browser: sign in as a demo user. */
  readonly app: string;
  readonly sesInbox: string;
  readonly s3: string;
  readonly sqs: string;
  readonly dynamodb: string;
}

export interface LocalCloud {
  readonly model: LocalModel;
  readonly urls: LocalCloudUrls;
  readonly clients: Clients;
  readonly queueUrls: ReadonlyMap<string, string>;
  /** The environment variables a function gets locally. */
  functionEnvironment(functionDisplayName: string): Readonly<Record<string, string>>;
  invoke(functionDisplayName: string, event: unknown): Promise<InvocationResult>;
  /** A demo user's token, or one for any user (e.g. a council's data officer, for load runs). */
  tokenFor(user: string | DemoUser): Promise<string>;
  triggerSchedule(idOrName: string): Promise<void>;
  /**
   * Stops the queue-driven functions at once, as a crash would: the queue pollers stop and each of their
   * execution environments is killed mid-batch. What a killed invocation held stays on its queue, invisible
   * until its visibility timeout ends, as in AWS. API routes and schedules go on working. Resolves once no
   * abandoned receive can take another message.
   */
  stopFunctions(): Promise<void>;
  /** Starts the queue pollers again after stopFunctions. */
  startFunctions(): void;
  wiring(): Wiring;
  stop(): Promise<void>;
}

/**
 * A function's own credentials: the access key id names the function, so the front before the emulators
 * knows whose IAM statements apply. They are not secret (this is a local cloud): they are an identity.
 */
export function functionCredentials(displayName: string): { accessKeyId: string; secretAccessKey: string } {
  // Letters and digits only: DynamoDB Local refuses any other access key id (ingest-return → IngestReturn).
  const accessKeyId = displayName
    .split(/[^A-Za-z0-9]+/)
    .map((part) => part.charAt(0).toUpperCase() + part.slice(1))
    .join('');
  return { accessKeyId, secretAccessKey: `local-secret-of-${accessKeyId}` };
}

/** What every local function gets on top of its template environment: region, credentials and endpoints. */
export function serviceEnvironmentFor(
  endpoints: {
    s3: string;
    sqs: string;
    dynamodb: string;
    ses: string;
    secretsManager: string;
  },
  credentials: { accessKeyId: string; secretAccessKey: string } = LOCAL_CREDENTIALS,
): Record<string, string> {
  return {
    AWS_REGION: LOCAL_REGION,
    AWS_DEFAULT_REGION: LOCAL_REGION,
    AWS_ACCESS_KEY_ID: credentials.accessKeyId,
    AWS_SECRET_ACCESS_KEY: credentials.secretAccessKey,
    AWS_ENDPOINT_URL_S3: endpoints.s3,
    AWS_ENDPOINT_URL_SQS: endpoints.sqs,
    AWS_ENDPOINT_URL_DYNAMODB: endpoints.dynamodb,
    AWS_ENDPOINT_URL_SESV2: endpoints.ses,
    AWS_ENDPOINT_URL_SECRETS_MANAGER: endpoints.secretsManager,
    // The local console also plays the user pool's API (its app clients), beside Secrets Manager.
    AWS_ENDPOINT_URL_COGNITO_IDENTITY_PROVIDER: endpoints.secretsManager,
    TZ: 'UTC',
    // Functions run on this machine's Node.js locally (Node.js 22 in AWS); the SDK's notice about that is noise here.
    AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED: 'true',
  };
}

/** The public ports (0: any free one) and the emulators' own, all distinct. */
async function choosePorts(
  ports: LocalCloudPorts,
): Promise<LocalCloudPorts & { emulators: { awsServices: number; dynamodb: number; ses: number } }> {
  for (const [what, port] of Object.entries(ports)) {
    const problem = portProblem(port);
    if (problem) throw new LocalCloudStartError(`The ${what} port ${port} ${problem}; choose another.`);
  }
  const free = await freePorts(8);
  const pick = (port: number) => (port === 0 ? free.pop()! : port);
  const chosen = {
    api: pick(ports.api),
    awsServices: pick(ports.awsServices),
    dynamodb: pick(ports.dynamodb),
    ses: pick(ports.ses),
    console: pick(ports.console),
  };
  const taken = new Set(Object.values(chosen));
  const spare = free.filter((port) => !taken.has(port));
  if (spare.length < 3) spare.push(...(await freePorts(3)).filter((port) => !taken.has(port)));
  return { ...chosen, emulators: { awsServices: spare[0]!, dynamodb: spare[1]!, ses: spare[2]! } };
}

/**
 * Addresses that exist only once deployed: the web app's (CloudFront) and Cognito managed login's domain.
 * Locally the app is the gateway's default route and the local console is the authorization server.
 */
function localAddresses(apiUrl: string, consoleUrl: string): Record<string, string> {
  return { APP_URL: apiUrl, AUTH_URL: consoleUrl };
}

export async function startLocalCloud(options: LocalCloudOptions): Promise<LocalCloud> {
  const log = options.log ?? ((source, line) => console.log(`[${source}] ${line}`));
  const ports = await choosePorts(options.ports);
  const apiUrl = `http://127.0.0.1:${ports.api}`;
  const consoleUrl = `http://127.0.0.1:${ports.console}`;
  const addresses = localAddresses(apiUrl, consoleUrl);

  // Read the template first: a template the local cloud cannot honour fails before anything starts.
  const model = buildLocalModel(loadAssembly(options.assemblyDir), options.assemblyDir, {
    queueUrl: (name) => `http://sqs.${LOCAL_REGION}.localhost:${ports.awsServices}/${LOCAL_ACCOUNT}/${name}`,
    apiUrl: () => apiUrl,
  });
  if (model.apis.length > 1) {
    throw new UnsupportedTemplateError(model.apis[1]!.id, 'the local cloud serves one HTTP API');
  }
  const schedules = model.schedules.map((schedule) => ({
    schedule,
    parsed: parseScheduleExpression(schedule.expression, schedule.timezone, `schedule ${schedule.id}`),
  }));
  for (const port of [ports.api, ports.console])
    await assertPortFree(port, port === ports.api ? 'HTTP API' : 'local console');

  const stoppers: (() => Promise<void>)[] = [];
  const stopAll = async () => {
    for (const stop of stoppers.splice(0).reverse())
      await stop().catch((error: Error) => log('local-cloud', `stop failed: ${error.message}`));
  };
  try {
    // The emulators listen on ports of their own; the ports a function or a council is given are the fronts',
    // which check signatures and IAM as AWS does before anything reaches an emulator.
    // In memory, like fauxqs: a table that outlived the objects it points at would be a confusing state.
    const dynamo: RunningDynamo = await startDynamo(ports.emulators.dynamodb, undefined);
    stoppers.push(() => dynamo.stop());
    const fauxqs: RunningFauxqs = await startFauxqs(ports.emulators.awsServices);
    stoppers.push(() => fauxqs.stop());
    const ses: RunningSes = await startSesLocal(ports.emulators.ses);
    stoppers.push(() => ses.stop());

    const principals = new Map<string, Principal>([
      [
        LOCAL_CREDENTIALS.accessKeyId,
        { arn: `arn:aws:iam::${LOCAL_ACCOUNT}:root`, secretAccessKey: LOCAL_CREDENTIALS.secretAccessKey },
      ],
    ]);
    for (const definition of model.functions) {
      const credentials = functionCredentials(definition.displayName);
      principals.set(credentials.accessKeyId, {
        arn: `arn:aws:sts::${LOCAL_ACCOUNT}:assumed-role/${definition.role.name}/${definition.name}`,
        secretAccessKey: credentials.secretAccessKey,
        statements: definition.role.statements,
      });
    }
    const place = { region: LOCAL_REGION, account: LOCAL_ACCOUNT };
    const partitionKeyOf = (tableName: string, index?: string) => {
      const definition = model.tables.find((table) => table.name === tableName)?.definition as
        | {
            KeySchema?: { AttributeName: string; KeyType: string }[];
            GlobalSecondaryIndexes?: {
              IndexName: string;
              KeySchema: { AttributeName: string; KeyType: string }[];
            }[];
          }
        | undefined;
      const schema = index
        ? definition?.GlobalSecondaryIndexes?.find((entry) => entry.IndexName === index)?.KeySchema
        : definition?.KeySchema;
      return schema?.find((key) => key.KeyType === 'HASH')?.AttributeName;
    };
    const frontLog = (line: string) => log('iam', line);
    const fronts: RunningFront[] = [];
    // Each bucket's CORS rules as the template has them, with the local app's origin where they name it.
    const bucketCors = new Map(
      model.buckets.map((bucket) => [
        bucket.name,
        withLocalAppOrigin(corsRulesOf(bucket.cors), new URL(addresses.APP_URL!).origin),
      ]),
    );
    const awsFront = await startFront(ports.awsServices, {
      name: 'S3 and SQS',
      upstream: fauxqs.endpoint,
      principals,
      log: frontLog,
      bucketCors: (bucket) => bucketCors.get(bucket) ?? [],
      classify: (facts): Classified | 'not-aws' => {
        const service = fauxqsService(facts);
        if (service === 'not-aws') return service;
        return service === 'sqs'
          ? { protocol: 'json', permissions: sqsPermissions(facts, place) }
          : { protocol: 's3', permissions: s3Permissions(facts) };
      },
    });
    fronts.push(awsFront);
    const dynamoFront = await startFront(ports.dynamodb, {
      name: 'DynamoDB',
      upstream: dynamo.endpoint,
      principals,
      log: frontLog,
      classify: (facts) => ({
        protocol: 'json',
        permissions: dynamoPermissions(facts, place, partitionKeyOf),
      }),
    });
    fronts.push(dynamoFront);
    const sesFront = await startFront(ports.ses, {
      name: 'SES',
      upstream: ses.endpoint,
      principals,
      log: frontLog,
      classify: (facts) => {
        const permissions = sesPermissions(facts, place);
        return permissions === 'not-aws' ? 'not-aws' : { protocol: 'ses', permissions };
      },
    });
    fronts.push(sesFront);
    stoppers.push(async () => {
      await Promise.all(fronts.map((front) => front.stop()));
    });

    // The local cloud's own calls (provisioning, notifications, pollers) go through the fronts too, as the
    // account's administrator, so queue URLs carry the address functions use.
    const clients = localClients({
      dynamodb: dynamoFront.endpoint,
      sqs: awsFront.endpoint,
      s3: awsFront.endpoint,
    });
    stoppers.push(async () => {
      clients.dynamo.destroy();
      clients.sqs.destroy();
      clients.s3.destroy();
    });
    const { queueUrls } = await provision(clients, model);

    const endpoints = {
      s3: awsFront.endpoint,
      sqs: awsFront.endpoint,
      dynamodb: dynamoFront.endpoint,
      ses: sesFront.endpoint,
      secretsManager: `http://127.0.0.1:${ports.console}`,
    };
    const runtimes = new Map(
      model.functions.map((definition) => {
        const environment = {
          ...definition.environment,
          ...Object.fromEntries(
            Object.keys(addresses)
              .filter((name) => name in definition.environment)
              .map((name) => [name, addresses[name]!]),
          ),
          ...serviceEnvironmentFor(endpoints, functionCredentials(definition.displayName)),
          AWS_LAMBDA_FUNCTION_NAME: definition.name,
          AWS_LAMBDA_FUNCTION_MEMORY_SIZE: String(definition.memoryMb),
          AWS_LAMBDA_FUNCTION_VERSION: '$LATEST',
          AWS_LAMBDA_LOG_GROUP_NAME: `/aws/lambda/${definition.name}`,
          AWS_EXECUTION_ENV: `AWS_Lambda_${definition.runtime}`,
        };
        return [
          definition.name,
          new LocalFunctionRuntime(definition, environment, log, options.functionConcurrency),
        ] as const;
      }),
    );
    stoppers.push(async () => {
      await Promise.all([...runtimes.values()].map((runtime) => runtime.stop()));
    });
    const runtimeByName = (name: string) => {
      const runtime =
        runtimes.get(name) ??
        [...runtimes.values()].find((candidate) => candidate.definition.displayName === name);
      if (!runtime)
        throw new Error(
          `No function named ${name}. Functions: ${[...runtimes.values()].map((r) => r.definition.displayName).join(', ')}`,
        );
      return runtime;
    };

    const notifier = new S3Notifier(model.notifications, clients, queueUrls, (line) => log('s3', line));
    fauxqs.onS3Request((request) => notifier.observe(request));
    stoppers.push(() => notifier.settle());

    const issuers = await Promise.all(
      model.userPools.map((pool) => LocalIssuer.create(pool, options.stateDir)),
    );
    for (const route of model.routes) {
      if (route.authorizer && !issuers.some((issuer) => issuer.pool.issuer === route.authorizer!.issuer)) {
        throw new UnsupportedTemplateError(
          `route ${route.routeKey}`,
          `its authoriser trusts ${route.authorizer.issuer}, which is not a user pool in the template`,
        );
      }
    }

    let gateway: RunningGateway | undefined;
    const api = model.apis[0];
    if (api) {
      gateway = await startGateway(ports.api, {
        api,
        routes: model.routes.filter((route) => route.apiId === api.id),
        issuers,
        // A synchronous invocation: throttled at once when the function has no environment free, as in AWS.
        invoke: (functionName, event) => runtimeByName(functionName).invoke(event, 'throttle'),
        log: (line) => log('api', line),
        // The distribution's bucket behaviours (/assets/* in AWS), from the same files the deploy uploads.
        staticFile: staticFileFinder(model.staticRoutes, model.bucketDeployments),
      });
      stoppers.push(() => gateway!.stop());
    }

    // As in AWS, an event source mapping receives and deletes with its function's role.
    const pollerClients = model.eventSourceMappings.map((mapping) => {
      const definition = runtimeByName(mapping.functionName).definition;
      return new SQSClient({
        region: LOCAL_REGION,
        endpoint: awsFront.endpoint,
        useQueueUrlAsEndpoint: false,
        credentials: functionCredentials(definition.displayName),
      });
    });
    stoppers.push(async () => {
      for (const client of pollerClients) client.destroy();
    });
    const pollers = model.eventSourceMappings.map(
      (mapping, index) =>
        new SqsPoller(mapping, {
          sqs: pollerClients[index]!,
          queueUrl: queueUrls.get(mapping.queueName)!,
          invoke: (event) => runtimeByName(mapping.functionName).invoke(event),
          log: (line) => log('sqs', line),
          waitSeconds: options.pollWaitSeconds ?? 2,
        }),
    );
    const startedAt = new Date();
    const timers: NodeJS.Timeout[] = [];
    const fire = async (schedule: LocalSchedule) => {
      const payload =
        schedule.input !== undefined
          ? JSON.parse(schedule.input)
          : {
              version: '0',
              id: crypto.randomUUID(),
              'detail-type': 'Scheduled Event',
              source: schedule.kind === 'scheduler' ? 'aws.scheduler' : 'aws.events',
              account: LOCAL_ACCOUNT,
              time: new Date().toISOString(),
              region: LOCAL_REGION,
              resources: [`arn:aws:events:${LOCAL_REGION}:${LOCAL_ACCOUNT}:rule/${schedule.name}`],
              detail: {},
            };
      if (schedule.functionName) {
        const outcome = await runtimeByName(schedule.functionName).invoke(payload);
        if (!outcome.ok) log('scheduler', `${schedule.name} failed: ${outcome.error.errorMessage}`);
      } else if (schedule.queueName) {
        await clients.sqs.send(
          new SendMessageCommand({
            QueueUrl: queueUrls.get(schedule.queueName),
            MessageBody: JSON.stringify(payload),
          }),
        );
      }
    };
    const arm = (schedule: LocalSchedule, parsed: ParsedSchedule) => {
      const next = nextFireTime(parsed, new Date(), startedAt);
      if (!next) return;
      const timer = setTimeout(
        () => {
          void fire(schedule).finally(() => arm(schedule, parsed));
        },
        Math.min(next.getTime() - Date.now(), 2 ** 31 - 1),
      );
      timer.unref();
      timers.push(timer);
    };
    if (options.triggers !== false) {
      for (const poller of pollers) poller.start();
      if (options.scheduleTimers !== false)
        for (const { schedule, parsed } of schedules) if (schedule.enabled) arm(schedule, parsed);
    }
    stoppers.push(async () => {
      for (const timer of timers) clearTimeout(timer);
      await Promise.all(pollers.map((poller) => poller.stop()));
    });

    const consoleServer = startConsole(ports.console, {
      issuers,
      invokeTrigger: (name, event) => runtimeByName(name).invoke(event),
      secrets: new LocalSecretsManager(model.secrets, options.stateDir),
      api: gateway?.url ?? '',
      appUrl: apiUrl,
      trigger: async (name) => {
        const found = schedules.find(({ schedule }) => schedule.id === name || schedule.name === name);
        if (!found) return false;
        await fire(found.schedule);
        return true;
      },
    });
    await new Promise<void>((resolve) => consoleServer.listen(ports.console, '127.0.0.1', resolve));
    stoppers.push(
      () =>
        new Promise((resolve) => {
          consoleServer.closeAllConnections();
          consoleServer.close(() => resolve());
        }),
    );

    return {
      model,
      clients,
      queueUrls,
      urls: {
        api: gateway?.url ?? '',
        console: consoleUrl,
        app: `${apiUrl}/`,
        sesInbox: sesFront.endpoint,
        s3: awsFront.endpoint,
        sqs: awsFront.endpoint,
        dynamodb: dynamoFront.endpoint,
      },
      functionEnvironment: (name) => {
        const { definition } = runtimeByName(name);
        return {
          ...definition.environment,
          ...Object.fromEntries(
            Object.keys(addresses)
              .filter((name) => name in definition.environment)
              .map((name) => [name, addresses[name]!]),
          ),
          ...serviceEnvironmentFor(endpoints, functionCredentials(definition.displayName)),
        };
      },
      invoke: (name, event) => runtimeByName(name).invoke(event),
      tokenFor: async (wanted) => {
        const user =
          typeof wanted === 'string' ? DEMO_USERS.find((candidate) => candidate.username === wanted) : wanted;
        const issuer = issuers[0];
        if (!user || !issuer) throw new Error(`No demo user ${String(wanted)}`);
        return issuer.tokenFor(user);
      },
      triggerSchedule: async (name) => {
        const found = schedules.find(({ schedule }) => schedule.id === name || schedule.name === name);
        if (!found) throw new Error(`No schedule ${name}`);
        await fire(found.schedule);
      },
      stopFunctions: async () => {
        const stopping = pollers.map((poller) => poller.stop());
        const consumers = new Set(pollers.map((poller) => runtimeByName(poller.mapping.functionName)));
        await Promise.all([...consumers].map((runtime) => runtime.kill()));
        await Promise.all(stopping);
        // An aborted long poll goes on waiting on the server, which can still hand it a message nobody will
        // read: wait the poll out, so that what is in flight when this resolves is all there will be.
        await new Promise((resolve) => setTimeout(resolve, (options.pollWaitSeconds ?? 2) * 1000 + 250));
      },
      startFunctions: () => {
        if (options.triggers !== false) for (const poller of pollers) poller.start();
      },
      wiring: () => ({
        eventSourceMappings: pollers.map(({ mapping }) => ({
          id: mapping.id,
          queueName: mapping.queueName,
          functionName: mapping.functionName,
          batchSize: mapping.batchSize,
          reportBatchItemFailures: mapping.reportBatchItemFailures,
        })),
        notifications: model.notifications.map((notification) => ({ ...notification })),
        routes: model.routes.map((route) => ({
          id: route.id,
          routeKey: route.routeKey,
          functionName: route.functionName,
          authorised: Boolean(route.authorizer),
        })),
        schedules: schedules.map(({ schedule, parsed }) => ({
          id: schedule.id,
          expression: schedule.expression,
          timezone: schedule.timezone,
          next: nextFireTime(parsed, new Date(), startedAt)?.toISOString() ?? null,
        })),
      }),
      stop: stopAll,
    };
  } catch (error) {
    await stopAll();
    throw error;
  }
}

function startConsole(
  _port: number,
  deps: {
    issuers: readonly LocalIssuer[];
    invokeTrigger: (functionName: string, event: unknown) => Promise<InvocationResult>;
    secrets: LocalSecretsManager;
    api: string;
    appUrl: string;
    trigger: (name: string) => Promise<boolean>;
  },
): http.Server {
  const signIn = deps.issuers[0]
    ? authorizationServer({
        issuer: deps.issuers[0],
        users: DEMO_USERS,
        redirectUri: () => `${deps.appUrl}/auth/callback`,
        signedOutUri: () => `${deps.appUrl}/signed-out`,
        invokeTrigger: deps.invokeTrigger,
      })
    : undefined;
  return http.createServer(async (request, response) => {
    if (await deps.secrets.handle(request, response)) return;
    if (signIn && (await signIn(request, response))) return;
    const url = new URL(request.url ?? '/', 'http://127.0.0.1');
    const send = (status: number, body: unknown) => {
      response.writeHead(status, {
        'content-type': 'application/json; charset=utf-8',
        'access-control-allow-origin': '*',
      });
      response.end(JSON.stringify(body, null, 2));
    };
    if (request.method === 'GET' && url.pathname === '/users') {
      return send(
        200,
        DEMO_USERS.map(({ username, groups, description }) => ({ username, groups, description })),
      );
    }
    if (request.method === 'GET' && url.pathname === '/token') {
      const user = DEMO_USERS.find((candidate) => candidate.username === url.searchParams.get('user'));
      const issuer = deps.issuers[0];
      if (!user || !issuer)
        return send(404, {
          message: `Unknown user. Known users: ${DEMO_USERS.map((u) => u.username).join(', ')}`,
        });
      return send(200, {
        token: await issuer.tokenFor(user),
        username: user.username,
        groups: user.groups,
        api: deps.api,
      });
    }
    if (request.method === 'GET' && url.pathname === '/.well-known/jwks.json') {
      return send(200, { keys: deps.issuers.flatMap((issuer) => issuer.jwks().keys) });
    }
    const trigger = /^\/schedules\/([^/]+)\/trigger$/.exec(url.pathname);
    if (request.method === 'POST' && trigger) {
      return (await deps.trigger(decodeURIComponent(trigger[1]!)))
        ? send(202, { triggered: trigger[1] })
        : send(404, { message: 'No such schedule' });
    }
    send(404, {
      message: 'Not found. Try GET /users, GET /token?user=<username>, POST /schedules/<id>/trigger',
    });
  });
}
