// Primary adapter: the soft intelligence part of the HTTP API. Regional advisers record, amend, withdraw
// and read intelligence about their own region's councils; administrators anywhere; nobody else.
// Each change queues a recompute of the council's risk rating on RecomputeQueue.
import { Logger } from '@aws-lambda-powertools/logger';
import { injectLambdaContext } from '@aws-lambda-powertools/logger/middleware';
import middy from '@middy/core';
import type { Context } from 'aws-lambda';
import { dynamoDocumentClient, sqsClient } from '#adapters/aws-clients';
import { DynamoIntelligenceStore } from '#adapters/dynamo-intelligence-store';
import {
  type ApiEvent,
  type ApiResult,
  callerOf,
  json,
  jsonBody,
  malformedAddress,
  problem,
  refuseMachineCredentials,
} from '#adapters/http';
import { queuePublisher } from '#adapters/sqs-publisher';
import { loadEnv, nonEmpty } from '#config/env';
import type { PublishChange } from '#ports/intelligence';
import {
  amendIntelligence,
  type Caller,
  createIntelligence,
  getIntelligence,
  type IntelligenceDeps,
  type IntelligenceResult,
  listIntelligence,
  withdrawIntelligence,
} from '#use-cases/intelligence';

const env = loadEnv({ TABLE_NAME: nonEmpty, RECOMPUTE_QUEUE_URL: nonEmpty });
const logger = new Logger();
const store = new DynamoIntelligenceStore(dynamoDocumentClient(), env.TABLE_NAME);
const publish: PublishChange = queuePublisher(sqsClient, env.RECOMPUTE_QUEUE_URL);

const caller = (event: ApiEvent): Caller => callerOf(event);

const deps = (): IntelligenceDeps => ({ store, publish, now: new Date() });

function answer(result: IntelligenceResult): ApiResult {
  if (!result.ok) return problem(result.status, result.message);
  const { recompute } = result;
  if (recompute) {
    // Ids and kinds only: the narrative never goes to the logs either.
    const fields = {
      eventId: recompute.event.eventId,
      la: recompute.event.la,
      change: recompute.event.change,
    };
    if (recompute.sendError === undefined) logger.info('Intelligence changed; recompute queued', fields);
    else
      logger.warn('Intelligence changed; recompute not queued yet, kept to send later', {
        ...fields,
        error: recompute.sendError as Error,
      });
  }
  return json(result.status, result.body);
}

async function withBody(
  event: ApiEvent,
  run: (body: unknown) => Promise<IntelligenceResult>,
): Promise<ApiResult> {
  const body = jsonBody(event);
  if (!body.ok) return body.refusal;
  return answer(await run(body.value));
}

export const handler = middy<ApiEvent, ApiResult, Error, Context>()
  .use(injectLambdaContext(logger))
  .use(refuseMachineCredentials())
  .handler(async (event) => {
    const malformed = malformedAddress(event);
    if (malformed) return malformed;
    const itemId = event.pathParameters?.itemId ?? '';
    switch (event.routeKey) {
      case 'POST /intelligence':
        return withBody(event, (body) => createIntelligence(body, caller(event), deps()));
      case 'GET /intelligence':
        return answer(
          await listIntelligence(
            {
              la: event.queryStringParameters?.la,
              includeWithdrawn: event.queryStringParameters?.includeWithdrawn,
            },
            caller(event),
            deps(),
          ),
        );
      case 'GET /intelligence/{itemId}':
        return answer(await getIntelligence(itemId, caller(event), deps()));
      case 'PATCH /intelligence/{itemId}':
        return withBody(event, (body) => amendIntelligence(itemId, body, caller(event), deps()));
      case 'POST /intelligence/{itemId}/withdraw':
        return withBody(event, (body) => withdrawIntelligence(itemId, body, caller(event), deps()));
      default:
        return problem(404, `No such route: ${event.routeKey}`);
    }
  });
