// Primary adapter: the DfE summary feeds (GET /feeds/dfe.atom|json|csv, for DfE liaisons and administrators)
// and summary subscriptions: POST/GET /subscriptions and DELETE /subscriptions/{subscriptionId} behind the JWT
// authoriser; GET /subscriptions/confirm and GET/POST /subscriptions/unsubscribe without it (the link's token
// is the credential).
import { Logger } from '@aws-lambda-powertools/logger';
import { injectLambdaContext } from '@aws-lambda-powertools/logger/middleware';
import middy from '@middy/core';
import type { Context } from 'aws-lambda';
import { dynamoDocumentClient, s3Client, sesClient } from '#adapters/aws-clients';
import { DynamoSubscriptionStore } from '#adapters/dynamo-subscription-store';
import { DynamoSummaryStore } from '#adapters/dynamo-summary-store';
import {
  type ApiEvent,
  type ApiResult,
  callerOf,
  callerRoles,
  json,
  jsonBody,
  malformedAddress,
  problem,
  refuseMachineCredentials,
} from '#adapters/http';
import { S3ObjectStore } from '#adapters/s3-objects';
import { SesListMailer } from '#adapters/ses-list-mailer';
import { newLinkToken } from '#adapters/tokens';
import { loadEnv, nonEmpty } from '#config/env';
import { FEED_OBJECTS, type FeedFormat } from '#domain/feeds';
import {
  type ApiOutcome,
  confirmByLink,
  deleteSubscription,
  listSubscriptions,
  type PageOutcome,
  type SubscriptionDeps,
  subscribe,
  unsubscribeByLink,
  unsubscribePage,
} from '#use-cases/dfe-subscriptions';

const env = loadEnv({
  TABLE_NAME: nonEmpty,
  DATA_BUCKET: nonEmpty,
  FROM_ADDRESS: nonEmpty,
  API_URL: nonEmpty,
});
const logger = new Logger();
const objects = new S3ObjectStore(s3Client());
const summaries = new DynamoSummaryStore(dynamoDocumentClient(), env.TABLE_NAME);
const deps: SubscriptionDeps = {
  subscriptions: new DynamoSubscriptionStore(dynamoDocumentClient(), env.TABLE_NAME),
  mailer: new SesListMailer(sesClient()),
  fromAddress: env.FROM_ADDRESS,
  apiUrl: env.API_URL,
  newToken: newLinkToken,
  now: () => new Date(),
};

const FEED_ROUTES: Readonly<Record<string, FeedFormat>> = {
  'GET /feeds/dfe.atom': 'atom',
  'GET /feeds/dfe.json': 'json',
  'GET /feeds/dfe.csv': 'csv',
};

async function feed(event: ApiEvent, format: FeedFormat): Promise<ApiResult> {
  const roles = callerRoles(event);
  if (!roles.some((role) => role.kind === 'dfe' || role.kind === 'admin'))
    return problem(403, 'The DfE summary feeds are for DfE liaisons and administrators.');
  const { key, contentType } = FEED_OBJECTS[format];
  // The feeds are written after the summary is saved: no summary, no feeds (and no need to list the bucket
  // to tell a missing object from a forbidden one).
  if (!(await summaries.latest()))
    return problem(
      404,
      'No summary has been published yet. The first is published on Monday at 07:00 UK time.',
    );
  const chunks: Buffer[] = [];
  for await (const chunk of await objects.open(env.DATA_BUCKET, key)) chunks.push(Buffer.from(chunk));
  const body = Buffer.concat(chunks).toString('utf8');
  return {
    statusCode: 200,
    headers: {
      'content-type': contentType,
      'cache-control': 'private, max-age=300',
      ...(format === 'csv' ? { 'content-disposition': 'attachment; filename="dfe-summary.csv"' } : {}),
    },
    body,
  };
}

const answer = (outcome: ApiOutcome): ApiResult =>
  outcome.ok ? json(outcome.status, outcome.body) : problem(outcome.status, outcome.message);

const page = (outcome: PageOutcome): ApiResult => ({
  statusCode: outcome.status,
  headers: {
    'content-type': 'text/html; charset=utf-8',
    'cache-control': 'no-store',
    // The token is in the address: keep it out of any Referer.
    'referrer-policy': 'no-referrer',
    'content-security-policy': "default-src 'none'; style-src 'unsafe-inline'; form-action 'self'",
  },
  body: outcome.html,
});

export const handler = middy<ApiEvent, ApiResult, Error, Context>()
  .use(injectLambdaContext(logger))
  .use(refuseMachineCredentials())
  .handler(async (event) => {
    const malformed = malformedAddress(event);
    if (malformed) return malformed;
    const format = FEED_ROUTES[event.routeKey];
    if (format) return feed(event, format);
    const token = event.queryStringParameters?.token;
    const caller = callerOf(event);
    switch (event.routeKey) {
      case 'POST /subscriptions': {
        const parsed = jsonBody(event, { whenEmpty: {} });
        if (!parsed.ok) return parsed.refusal;
        const body = parsed.value;
        const outcome = await subscribe(body, caller, deps);
        if (outcome.ok) logger.info('Subscription requested; confirmation sent', { status: outcome.status });
        return answer(outcome);
      }
      case 'GET /subscriptions':
        return answer(await listSubscriptions(caller, deps));
      case 'DELETE /subscriptions/{subscriptionId}':
        return answer(await deleteSubscription(event.pathParameters?.subscriptionId ?? '', caller, deps));
      case 'GET /subscriptions/confirm':
        return page(await confirmByLink(token, deps));
      case 'GET /subscriptions/unsubscribe':
        return page(await unsubscribePage(token, deps));
      case 'POST /subscriptions/unsubscribe':
        return page(await unsubscribeByLink(token, deps));
      default:
        return problem(404, `No such route: ${event.routeKey}`);
    }
  });
