// Primary adapter: GET /risk/councils/{la} (a council's current risk assessment with its drivers and history)
// and PUT/DELETE /risk/councils/{la}/override, for the region's advisers and administrators only.
import { Logger } from '@aws-lambda-powertools/logger';
import { injectLambdaContext } from '@aws-lambda-powertools/logger/middleware';
import middy from '@middy/core';
import type { Context } from 'aws-lambda';
import { dynamoDocumentClient, sqsClient } from '#adapters/aws-clients';
import { DynamoRiskStore } from '#adapters/dynamo-risk-store';
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
import { changeRiskOverride, councilRiskView } from '#use-cases/risk-views';

const env = loadEnv({ TABLE_NAME: nonEmpty, RECOMPUTE_QUEUE_URL: nonEmpty });
const logger = new Logger();
const risk = new DynamoRiskStore(dynamoDocumentClient(), env.TABLE_NAME);

const publishRecompute = queuePublisher(sqsClient, env.RECOMPUTE_QUEUE_URL);

export const handler = middy<ApiEvent, ApiResult, Error, Context>()
  .use(injectLambdaContext(logger))
  .use(refuseMachineCredentials())
  .handler(async (event) => {
    const malformed = malformedAddress(event);
    if (malformed) return malformed;
    const la = event.pathParameters?.la ?? '';
    const caller = callerOf(event);
    const overrideDeps = { risk, publishRecompute, now: () => new Date() };
    let result: Awaited<ReturnType<typeof councilRiskView>>;
    switch (event.routeKey) {
      case 'GET /risk/councils/{la}':
        result = await councilRiskView(la, caller.roles, { risk });
        break;
      case 'PUT /risk/councils/{la}/override': {
        const parsed = jsonBody(event, { whenEmpty: {} });
        if (!parsed.ok) return parsed.refusal;
        const body = parsed.value;
        // null is how the use case lifts an override: a PUT must set one (DELETE lifts it).
        if (body === null)
          return problem(
            400,
            'Send the override as a JSON object: band, reason and until. To lift it, use DELETE.',
          );
        result = await changeRiskOverride(la, body, caller, overrideDeps);
        break;
      }
      case 'DELETE /risk/councils/{la}/override':
        result = await changeRiskOverride(la, null, caller, overrideDeps);
        break;
      default:
        return problem(404, `No such route: ${event.routeKey}`);
    }
    if (result.ok) logger.info('Risk request answered', { routeKey: event.routeKey, la });
    return result.ok ? json(200, result.body) : problem(result.status, result.message);
  });
