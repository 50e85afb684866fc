// Infra construct: the DfE summary — the weekly schedule (Monday 07:00 Europe/London) and the dfe-summary
// function that publishes it, the dfe-digest consumer of DigestQueue (material-change checks and one email per
// subscriber), and the feeds-api function behind GET /feeds/dfe.* and /subscriptions. The functions may touch
// only feeds/dfe/ in the data bucket, never the curated extracts beside it.
import { Duration, TimeZone, Validations } from 'aws-cdk-lib';
import {
  type CfnRoute,
  type HttpApi,
  HttpMethod,
  HttpNoneAuthorizer,
  type HttpRoute,
} from 'aws-cdk-lib/aws-apigatewayv2';
import { HttpLambdaIntegration } from 'aws-cdk-lib/aws-apigatewayv2-integrations';
import type { ITable } from 'aws-cdk-lib/aws-dynamodb';
import { Effect, PolicyStatement } from 'aws-cdk-lib/aws-iam';
import type { Bucket } from 'aws-cdk-lib/aws-s3';
import { type Schedule, ScheduleExpression } from 'aws-cdk-lib/aws-scheduler';
import type { IQueue, Queue } from 'aws-cdk-lib/aws-sqs';
import { Construct } from 'constructs';
import { WEEKLY_SUMMARY_INPUT } from '../../events/dfe-digest.ts';
import type { StageConfig } from '../config/stage-config.ts';
import { acknowledgeWildcardResource } from './nag.ts';
import { QueueConsumer } from './queue-consumer.ts';
import { ScheduledInvocation } from './scheduled-invocation.ts';
import { REFERENCE_BASELINE_FILES, UpstreamFunction } from './upstream-function.ts';

/** The data bucket's prefix for DfE feeds: everything these functions may read or write there. */
export const FEEDS_PREFIX = 'feeds/dfe/';

export interface DfeFeedsProps {
  readonly config: StageConfig;
  readonly table: ITable;
  readonly dataBucket: Bucket;
  /** DigestQueue (standard, with a dead-letter queue). */
  readonly digestQueue: Queue;
  readonly api: HttpApi;
  /** Where a failed weekly run goes. */
  readonly scheduleDeadLetterQueue: IQueue;
}

export class DfeFeeds extends Construct {
  readonly dfeSummary: UpstreamFunction;
  readonly dfeDigest: UpstreamFunction;
  readonly feedsApi: UpstreamFunction;
  readonly schedule: Schedule;
  /** The routes that take no JWT (links in emails), to be throttled per route. */
  readonly openRouteKeys: readonly string[];

  constructor(scope: Construct, id: string, props: DfeFeedsProps) {
    super(scope, id);
    const { config, table, dataBucket, digestQueue, api } = props;
    const feedObjects = dataBucket.arnForObjects(`${FEEDS_PREFIX}*`);
    const bindFeeds = (fn: UpstreamFunction, access: 'read' | 'write') => {
      fn.addEnvironment('DATA_BUCKET', dataBucket.bucketName);
      fn.role.addToPrincipalPolicy(
        new PolicyStatement({
          effect: Effect.ALLOW,
          actions: access === 'read' ? ['s3:GetObject'] : ['s3:PutObject'],
          resources: [feedObjects],
        }),
      );
      if (dataBucket.encryptionKey) {
        fn.role.addToPrincipalPolicy(
          new PolicyStatement({
            effect: Effect.ALLOW,
            actions: access === 'read' ? ['kms:Decrypt'] : ['kms:GenerateDataKey', 'kms:Decrypt'],
            resources: [dataBucket.encryptionKey.keyArn],
          }),
        );
      }
      acknowledgeWildcardResource(
        fn.role,
        feedObjects,
        `${fn.name} ${access === 'read' ? 'reads' : 'writes'} the DfE feeds, whose keys (one per summary) are only known at run time; only the feeds/dfe/ prefix of the data bucket, one action.`,
      );
      return fn;
    };

    // Building a summary computes every indicator for every council (more memory is more CPU).
    this.dfeSummary = bindFeeds(
      new UpstreamFunction(this, 'DfeSummary', {
        name: 'dfe-summary',
        bundledFiles: [REFERENCE_BASELINE_FILES],
        config,
        memorySize: 1024,
        description: 'Publishes the weekly national summary for DfE (feeds, and emails via DigestQueue)',
      })
        .bindTable(table, 'TABLE_NAME', 'readWrite')
        .bindQueue(digestQueue, 'DIGEST_QUEUE_URL', 'send')
        .addEnvironment('API_URL', api.apiEndpoint),
      'write',
    );

    this.dfeDigest = bindFeeds(
      new UpstreamFunction(this, 'DfeDigest', {
        name: 'dfe-digest',
        bundledFiles: [REFERENCE_BASELINE_FILES],
        config,
        memorySize: 1024,
        description:
          'DigestQueue: publishes a DfE summary after a material national change; emails each subscriber once',
      })
        .bindTable(table, 'TABLE_NAME', 'readWrite')
        .bindQueue(digestQueue, 'DIGEST_QUEUE_URL', 'send')
        .bindEmailSender(config.fromAddress, 'FROM_ADDRESS')
        .addEnvironment('API_URL', api.apiEndpoint),
      'write',
    );
    new QueueConsumer(this, 'DigestConsumer', {
      handler: this.dfeDigest,
      queue: digestQueue,
      // Each record is one email or one check; small batches keep a slow SES from holding many.
      batchSize: 5,
    });

    this.feedsApi = bindFeeds(
      new UpstreamFunction(this, 'FeedsApi', {
        name: 'feeds-api',
        config,
        description: 'DfE summary feeds (Atom, JSON Feed, CSV) and summary subscriptions',
      })
        .bindTable(table, 'TABLE_NAME', 'readWrite')
        .bindEmailSender(config.fromAddress, 'FROM_ADDRESS')
        .addEnvironment('API_URL', api.apiEndpoint),
      'read',
    );

    this.schedule = new ScheduledInvocation(this, 'WeeklySummary', {
      target: this.dfeSummary,
      description: 'Publishes the weekly national summary for DfE, Monday 07:00 UK time',
      schedule: ScheduleExpression.cron({
        minute: '0',
        hour: '7',
        weekDay: 'MON',
        timeZone: TimeZone.EUROPE_LONDON,
      }),
      input: WEEKLY_SUMMARY_INPUT,
      // A retried run publishes the same week's summary; nobody is emailed twice.
      deadLetterQueue: props.scheduleDeadLetterQueue,
      retryAttempts: 3,
      maxEventAge: Duration.hours(6),
    }).schedule;

    const integration = new HttpLambdaIntegration('FeedsApiIntegration', this.feedsApi.function);
    for (const path of ['/feeds/dfe.atom', '/feeds/dfe.json', '/feeds/dfe.csv']) {
      api.addRoutes({ path, methods: [HttpMethod.GET], integration });
    }
    api.addRoutes({ path: '/subscriptions', methods: [HttpMethod.GET, HttpMethod.POST], integration });
    api.addRoutes({ path: '/subscriptions/{subscriptionId}', methods: [HttpMethod.DELETE], integration });
    // The links in emails: the token in the address is the credential, so no JWT is asked for.
    const open: HttpRoute[] = [
      ...api.addRoutes({
        path: '/subscriptions/confirm',
        methods: [HttpMethod.GET],
        integration,
        authorizer: new HttpNoneAuthorizer(),
      }),
      ...api.addRoutes({
        path: '/subscriptions/unsubscribe',
        methods: [HttpMethod.GET, HttpMethod.POST],
        integration,
        authorizer: new HttpNoneAuthorizer(),
      }),
    ];
    this.openRouteKeys = open.map((route) => (route.node.defaultChild as CfnRoute).routeKey);
    for (const route of open) {
      Validations.of(route).acknowledge({
        id: 'AwsSolutions-APIG4',
        reason:
          'Confirm and unsubscribe links are opened from email by people without an account (and unsubscribe is POSTed by mail clients, RFC 8058): the single-use or per-email random token in the link is the credential, and only its SHA-256 is stored.',
      });
    }
  }
}
