// Primary adapter: the indicators part of the HTTP API. Published statistics for any signed-in role;
// values a council uploaded only for that council, its region's advisers and administrators.
import { Logger } from '@aws-lambda-powertools/logger';
import { injectLambdaContext } from '@aws-lambda-powertools/logger/middleware';
import middy from '@middy/core';
import type { Context } from 'aws-lambda';
import { dynamoDocumentClient } from '#adapters/aws-clients';
import { DynamoIndicatorStore } from '#adapters/dynamo-indicator-store';
import {
  type ApiEvent,
  type ApiResult,
  callerRoles,
  json,
  malformedAddress,
  problem,
  refuseMachineCredentials,
} from '#adapters/http';
import { loadEnv, nonEmpty } from '#config/env';
import {
  councilIndicatorsView,
  indicatorAcrossCouncilsView,
  regionTableView,
  type ViewDeps,
  type ViewResult,
} from '#use-cases/indicator-views';

const env = loadEnv({ TABLE_NAME: nonEmpty });
const logger = new Logger();
const deps: ViewDeps = { uploads: new DynamoIndicatorStore(dynamoDocumentClient(), env.TABLE_NAME) };

const answer = (result: ViewResult): ApiResult =>
  result.ok ? json(200, result.body) : problem(result.status, result.message);

export const handler = middy<ApiEvent, ApiResult, Error, Context>()
  .use(injectLambdaContext(logger))
  .use(refuseMachineCredentials())
  .handler(async (event) => {
    const malformed = malformedAddress(event);
    if (malformed) return malformed;
    const roles = callerRoles(event);
    const query = { period: event.queryStringParameters?.period };
    const parameters = event.pathParameters ?? {};
    switch (event.routeKey) {
      case 'GET /indicators/councils/{la}':
        return answer(await councilIndicatorsView(parameters.la ?? '', roles, query, deps));
      case 'GET /indicators/regions/{region}':
        return answer(await regionTableView(parameters.region ?? '', roles, query, deps));
      case 'GET /indicators/{code}':
        return answer(await indicatorAcrossCouncilsView(parameters.code ?? '', roles, query, deps));
      default:
        return problem(404, `No such route: ${event.routeKey}`);
    }
  });
