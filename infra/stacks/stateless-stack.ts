// Infra stack: functions, their triggers and the HTTP API, wired to the stateful stack's resources.
import { CfnOutput, Duration, Lazy, RemovalPolicy, Stack, type StackProps, TimeZone } from 'aws-cdk-lib';
import { AccessLogFormat } from 'aws-cdk-lib/aws-apigateway';
import {
  CorsHttpMethod,
  HttpApi,
  HttpMethod,
  HttpStage,
  LogGroupLogDestination,
} from 'aws-cdk-lib/aws-apigatewayv2';
import { HttpJwtAuthorizer } from 'aws-cdk-lib/aws-apigatewayv2-authorizers';
import { HttpLambdaIntegration } from 'aws-cdk-lib/aws-apigatewayv2-integrations';
import { LogGroup, type RetentionDays } from 'aws-cdk-lib/aws-logs';
import { ScheduleExpression } from 'aws-cdk-lib/aws-scheduler';
import type { Construct } from 'constructs';
import { FLUSH_ADVISER_DIGESTS } from '../../events/flush-adviser-digests.ts';
import { MACHINE_AUDIENCE } from '../../shared/config/machine-credentials.ts';
import { STAGING_PREFIX } from '../../shared/ports/objects.ts';
import {
  functionTimeoutSeconds,
  INGEST_MAX_CONCURRENCY,
  INGEST_NODE_OPTIONS,
  ingestMemoryMiB,
  ingestTmpMiB,
  type StageConfig,
} from '../config/stage-config.ts';
import { DfeFeeds } from '../constructs/dfe-feeds.ts';
import { OperationalAlarms } from '../constructs/operational-alarms.ts';
import { QueueConsumer } from '../constructs/queue-consumer.ts';
import { OPEN_ROUTE_THROTTLE, throttleRoutes } from '../constructs/route-throttles.ts';
import { ScheduledInvocation } from '../constructs/scheduled-invocation.ts';
import { REFERENCE_BASELINE_FILES, UpstreamFunction } from '../constructs/upstream-function.ts';
import { WebApp } from '../constructs/web-app.ts';
import { CURATED_PREFIX, type StatefulStack } from './stateful-stack.ts';

export interface StatelessStackProps extends StackProps {
  readonly config: StageConfig;
  /** The stateful resources; only their public properties are used. */
  readonly stateful: Pick<
    StatefulStack,
    | 'table'
    | 'uploadsBucket'
    | 'dataBucket'
    | 'ingestQueue'
    | 'recomputeQueue'
    | 'alertQueue'
    | 'digestQueue'
    | 'identity'
    | 'pseudonymSecret'
    | 'alarmTopic'
    | 'scheduleDeadLetterQueue'
  >;
}

export class StatelessStack extends Stack {
  readonly ingestReturn: UpstreamFunction;
  readonly submissionsApi: UpstreamFunction;
  readonly recompute: UpstreamFunction;
  readonly riskReview: UpstreamFunction;
  readonly indicatorsApi: UpstreamFunction;
  readonly intelligenceApi: UpstreamFunction;
  readonly riskApi: UpstreamFunction;
  readonly notify: UpstreamFunction;
  readonly directoryApi: UpstreamFunction;
  readonly machineClientsApi: UpstreamFunction;
  readonly dfeFeeds: DfeFeeds;
  readonly web: WebApp;
  readonly api: HttpApi;
  readonly apiStage: HttpStage;

  constructor(scope: Construct, id: string, props: StatelessStackProps) {
    super(scope, id, props);
    const { config, stateful } = props;
    const removalPolicy = config.removalPolicy === 'retain' ? RemovalPolicy.RETAIN : RemovalPolicy.DESTROY;

    this.ingestReturn = new UpstreamFunction(this, 'IngestReturn', {
      name: 'ingest-return',
      bundledFiles: [REFERENCE_BASELINE_FILES],
      config,
      // Sized from the ingestion benchmark (infra/config/stage-config.ts), as are its /tmp and timeout.
      memorySize: ingestMemoryMiB(config.maxUploadBytes),
      tmpMiB: ingestTmpMiB(config.maxUploadBytes),
      nodeOptions: INGEST_NODE_OPTIONS,
      description: 'Parses, validates and degrades an uploaded return',
    })
      .bindTable(stateful.table, 'TABLE_NAME', 'readWrite')
      .bindBucket(stateful.uploadsBucket, 'UPLOADS_BUCKET', 'readWrite')
      .bindBucket(stateful.dataBucket, 'DATA_BUCKET', 'write')
      .grantStagedMoves(stateful.dataBucket, STAGING_PREFIX)
      // Last year's curated CIN extract, to link re-referrals across years (use-cases/returns/cin.ts).
      .readObjectsUnder(stateful.dataBucket, CURATED_PREFIX)
      .bindQueue(stateful.recomputeQueue.queue, 'RECOMPUTE_QUEUE_URL', 'send')
      .bindSecret(stateful.pseudonymSecret, 'PSEUDONYM_SECRET_ARN')
      .addEnvironment('MAX_UPLOAD_BYTES', String(config.maxUploadBytes))
      // On the last receive a failure is final: the submission ends `failed` with the reason.
      .addEnvironment('MAX_RECEIVE_COUNT', String(stateful.ingestQueue.maxReceiveCount))
      // Longer than the function's time-out, so a live attempt is never doubled by a redelivery.
      .addEnvironment(
        'PROCESSING_LEASE_SECONDS',
        String(2 * functionTimeoutSeconds(config, 'ingest-return')),
      );
    new QueueConsumer(this, 'IngestConsumer', {
      handler: this.ingestReturn,
      queue: stateful.ingestQueue.queue,
      // Each record is a whole return file: one per invocation, so a slow file times out only itself.
      batchSize: 1,
      // At the collection deadline many councils upload at once; ten at a time keeps the account's
      // concurrency for the API, and the rest wait in the queue.
      maxConcurrency: INGEST_MAX_CONCURRENCY,
    });

    this.submissionsApi = new UpstreamFunction(this, 'SubmissionsApi', {
      name: 'submissions-api',
      config,
      description: 'Submission status and presigned upload URLs',
    })
      .bindTable(stateful.table, 'TABLE_NAME', 'readWrite')
      .bindBucket(stateful.uploadsBucket, 'UPLOADS_BUCKET', 'readWrite')
      .addEnvironment('MAX_UPLOAD_BYTES', String(config.maxUploadBytes));

    this.recompute = new UpstreamFunction(this, 'Recompute', {
      name: 'recompute',
      bundledFiles: [REFERENCE_BASELINE_FILES],
      config,
      memorySize: 512,
      description: "Recomputes a council's indicators and benchmarks after each ingested return",
    })
      .bindTable(stateful.table, 'TABLE_NAME', 'readWrite')
      .bindQueue(stateful.alertQueue.queue, 'ALERT_QUEUE_URL', 'send')
      .bindQueue(stateful.digestQueue.queue, 'DIGEST_QUEUE_URL', 'send')
      // A poison message goes straight to the dead-letter queue, so it does not hold its council's group.
      .bindQueue(stateful.recomputeQueue.deadLetterQueue, 'RECOMPUTE_DEAD_LETTER_QUEUE_URL', 'send');
    new QueueConsumer(this, 'RecomputeConsumer', {
      handler: this.recompute,
      queue: stateful.recomputeQueue.queue,
      batchSize: 10,
    });

    this.indicatorsApi = new UpstreamFunction(this, 'IndicatorsApi', {
      name: 'indicators-api',
      bundledFiles: [REFERENCE_BASELINE_FILES],
      config,
      // Cold starts decode the national baseline; more memory is more CPU.
      memorySize: 1024,
      description: 'Indicators with benchmarks and history, by council, indicator and region',
    }).bindTable(stateful.table, 'TABLE_NAME', 'read');

    this.intelligenceApi = new UpstreamFunction(this, 'IntelligenceApi', {
      name: 'intelligence-api',
      config,
      description:
        'Soft intelligence: advisers record, amend and withdraw items; each change queues a recompute',
    })
      .bindTable(stateful.table, 'TABLE_NAME', 'readWrite')
      .bindQueue(stateful.recomputeQueue.queue, 'RECOMPUTE_QUEUE_URL', 'send');

    this.riskApi = new UpstreamFunction(this, 'RiskApi', {
      name: 'risk-api',
      config,
      description: "A council's risk assessment, drivers, history and override, for its region's advisers",
    })
      .bindTable(stateful.table, 'TABLE_NAME', 'readWrite')
      .bindQueue(stateful.recomputeQueue.queue, 'RECOMPUTE_QUEUE_URL', 'send');

    this.riskReview = new UpstreamFunction(this, 'RiskReview', {
      name: 'risk-review',
      config,
      description:
        'Daily: queues every council for risk reassessment, so bands follow time as well as events',
    }).bindQueue(stateful.recomputeQueue.queue, 'RECOMPUTE_QUEUE_URL', 'send');
    new ScheduledInvocation(this, 'RiskReviewSchedule', {
      target: this.riskReview,
      description:
        'Reassesses every council each morning (intelligence decays, overrides end, dwell runs out)',
      schedule: ScheduleExpression.cron({ minute: '0', hour: '6', timeZone: TimeZone.EUROPE_LONDON }),
      input: { source: 'upstream.schedule', task: 'risk-review' },
      deadLetterQueue: stateful.scheduleDeadLetterQueue.queue,
    });

    this.notify = new UpstreamFunction(this, 'Notify', {
      name: 'notify',
      config,
      description: "Risk alerts by email to the region's advisers, at once or as a digest",
    })
      .bindTable(stateful.table, 'TABLE_NAME', 'readWrite')
      .bindEmailSender(config.fromAddress, 'FROM_ADDRESS')
      // The web app's address, known once the web app exists below.
      .addEnvironment('APP_URL', Lazy.string({ produce: () => this.web.appUrl }))
      // Longer than the function's time-out, so a live send is never doubled by a redelivery.
      .addEnvironment('SEND_LEASE_SECONDS', String(2 * functionTimeoutSeconds(config, 'notify')));
    new QueueConsumer(this, 'AlertConsumer', {
      handler: this.notify,
      queue: stateful.alertQueue.queue,
      batchSize: 10,
    });
    new ScheduledInvocation(this, 'AdviserDigestSchedule', {
      target: this.notify,
      description: 'Sends advisers who asked for a digest their held risk alerts in one email',
      schedule: ScheduleExpression.rate(Duration.minutes(config.adviserDigestMinutes)),
      // A missed flush loses nothing: held alerts wait for the next one.
      input: { ...FLUSH_ADVISER_DIGESTS },
      deadLetterQueue: stateful.scheduleDeadLetterQueue.queue,
    });

    this.directoryApi = new UpstreamFunction(this, 'DirectoryApi', {
      name: 'directory-api',
      config,
      description: 'The adviser directory (who receives risk alerts), for administrators',
    }).bindTable(stateful.table, 'TABLE_NAME', 'readWrite');

    this.machineClientsApi = new UpstreamFunction(this, 'MachineClientsApi', {
      name: 'machine-clients-api',
      config,
      description: "Administrators give, replace and revoke a council's machine credentials",
    })
      .bindTable(stateful.table, 'TABLE_NAME', 'readWrite')
      .addEnvironment('USER_POOL_ID', stateful.identity.userPool.userPoolId);
    // Creating and deleting app clients in this pool only: it cannot change users, groups or the pool.
    stateful.identity.userPool.grant(
      this.machineClientsApi.role,
      'cognito-idp:CreateUserPoolClient',
      'cognito-idp:DeleteUserPoolClient',
    );

    const authorizer = new HttpJwtAuthorizer('CognitoJwt', stateful.identity.issuerUrl, {
      // The web app's client is created with the app, after the API it sits behind.
      jwtAudience: [
        stateful.identity.client.userPoolClientId,
        stateful.identity.commandLineClient.userPoolClientId,
        Lazy.string({ produce: () => this.web.client.userPoolClientId }),
        // Councils' machine clients are created at run time, so they cannot be listed here: the token
        // trigger writes this audience into their tokens instead (docs/adr/0010).
        MACHINE_AUDIENCE,
      ],
      identitySource: ['$request.header.Authorization'],
    });
    this.api = new HttpApi(this, 'HttpApi', {
      apiName: `upstream-${config.stage}`,
      description: `Upstream ${config.stage} API`,
      // The stage is created below so that it can have access logs.
      createDefaultStage: false,
      defaultAuthorizer: authorizer,
      corsPreflight: {
        allowOrigins: config.allowedOrigins,
        allowMethods: [
          CorsHttpMethod.GET,
          CorsHttpMethod.POST,
          CorsHttpMethod.PUT,
          CorsHttpMethod.PATCH,
          CorsHttpMethod.DELETE,
          CorsHttpMethod.OPTIONS,
        ],
        allowHeaders: ['authorization', 'content-type'],
        maxAge: Duration.hours(1),
      },
    });

    const accessLogs = new LogGroup(this, 'ApiAccessLogs', {
      retention: config.logRetentionDays as RetentionDays,
      removalPolicy,
    });
    this.apiStage = new HttpStage(this, 'DefaultStage', {
      httpApi: this.api,
      stageName: '$default',
      autoDeploy: true,
      accessLogSettings: {
        destination: new LogGroupLogDestination(accessLogs),
        format: AccessLogFormat.custom(
          JSON.stringify({
            requestId: '$context.requestId',
            ip: '$context.identity.sourceIp',
            requestTime: '$context.requestTime',
            routeKey: '$context.routeKey',
            status: '$context.status',
            responseLength: '$context.responseLength',
            integrationError: '$context.integrationErrorMessage',
            authorizerError: '$context.authorizer.error',
            sub: '$context.authorizer.claims.sub',
          }),
        ),
      },
      throttle: { rateLimit: 50, burstLimit: 100 },
    });

    const submissions = new HttpLambdaIntegration('SubmissionsApiIntegration', this.submissionsApi.function);
    this.api.addRoutes({
      path: '/submissions',
      methods: [HttpMethod.GET, HttpMethod.POST],
      integration: submissions,
    });
    for (const path of ['/submissions/{submissionId}', '/submissions/{submissionId}/report']) {
      this.api.addRoutes({ path, methods: [HttpMethod.GET], integration: submissions });
    }

    const indicators = new HttpLambdaIntegration('IndicatorsApiIntegration', this.indicatorsApi.function);
    for (const path of ['/indicators/councils/{la}', '/indicators/regions/{region}', '/indicators/{code}']) {
      this.api.addRoutes({ path, methods: [HttpMethod.GET], integration: indicators });
    }

    const intelligence = new HttpLambdaIntegration(
      'IntelligenceApiIntegration',
      this.intelligenceApi.function,
    );
    this.api.addRoutes({
      path: '/intelligence',
      methods: [HttpMethod.GET, HttpMethod.POST],
      integration: intelligence,
    });
    this.api.addRoutes({
      path: '/intelligence/{itemId}',
      methods: [HttpMethod.GET, HttpMethod.PATCH],
      integration: intelligence,
    });
    this.api.addRoutes({
      path: '/intelligence/{itemId}/withdraw',
      methods: [HttpMethod.POST],
      integration: intelligence,
    });
    const risk = new HttpLambdaIntegration('RiskApiIntegration', this.riskApi.function);
    this.api.addRoutes({ path: '/risk/councils/{la}', methods: [HttpMethod.GET], integration: risk });
    this.api.addRoutes({
      path: '/risk/councils/{la}/override',
      methods: [HttpMethod.PUT, HttpMethod.DELETE],
      integration: risk,
    });
    const directory = new HttpLambdaIntegration('DirectoryApiIntegration', this.directoryApi.function);
    this.api.addRoutes({ path: '/directory/advisers', methods: [HttpMethod.GET], integration: directory });
    this.api.addRoutes({
      path: '/directory/advisers/{adviserId}',
      methods: [HttpMethod.GET, HttpMethod.PUT],
      integration: directory,
    });
    this.api.addRoutes({
      path: '/directory/advisers/{adviserId}/deactivate',
      methods: [HttpMethod.POST],
      integration: directory,
    });

    const machineClients = new HttpLambdaIntegration(
      'MachineClientsApiIntegration',
      this.machineClientsApi.function,
    );
    this.api.addRoutes({
      path: '/machine-clients/{la}',
      methods: [HttpMethod.GET, HttpMethod.POST, HttpMethod.DELETE],
      integration: machineClients,
    });

    this.dfeFeeds = new DfeFeeds(this, 'DfeFeeds', {
      config,
      table: stateful.table,
      dataBucket: stateful.dataBucket,
      digestQueue: stateful.digestQueue.queue,
      api: this.api,
      scheduleDeadLetterQueue: stateful.scheduleDeadLetterQueue.queue,
    });

    this.web = new WebApp(this, 'Web', {
      config,
      api: this.api,
      table: stateful.table,
      identity: stateful.identity,
    });
    // The DfE summary emails link to the national page of the web app.
    this.dfeFeeds.dfeDigest.addEnvironment('APP_URL', this.web.appUrl);

    throttleRoutes(this.apiStage, this.dfeFeeds.openRouteKeys, OPEN_ROUTE_THROTTLE);

    new OperationalAlarms(this, 'OperationalAlarms', { alarmTopic: stateful.alarmTopic, api: this.api });

    new CfnOutput(this, 'ApiUrl', { value: this.apiStage.url });
    new CfnOutput(this, 'AppUrl', { value: this.web.appUrl, description: 'The web app, for every role' });
    new CfnOutput(this, 'UploadsBucketName', { value: stateful.uploadsBucket.bucketName });
    new CfnOutput(this, 'DataBucketName', { value: stateful.dataBucket.bucketName });
    new CfnOutput(this, 'UserPoolId', { value: stateful.identity.userPool.userPoolId });
    new CfnOutput(this, 'UserPoolClientId', { value: stateful.identity.client.userPoolClientId });
    new CfnOutput(this, 'SignInUrl', {
      value: stateful.identity.domain.baseUrl(),
      description: 'Cognito managed login, for `upstream login --auth`',
    });
    new CfnOutput(this, 'CommandLineClientId', {
      value: stateful.identity.commandLineClient.userPoolClientId,
      description: 'For `upstream login --client-id`',
    });
  }
}
