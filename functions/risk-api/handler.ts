// Primary adapter: GET /risk/councils/{la}, a council's current risk assessment with its drivers and history,
// for the region's advisers and administrators only.
import { Logger } from '@aws-lambda-powertools/logger';
import { injectLambdaContext } from '@aws-lambda-powertools/logger/middleware';
import middy from '@middy/core';
import type { Context } from 'aws-lambda';
import { dynamoDocumentClient } from '#adapters/aws-clients';
import { DynamoRiskStore } from '#adapters/dynamo-risk-store';
import { type ApiEvent, type ApiResult, callerRoles, json, problem } from '#adapters/http';
import { loadEnv, nonEmpty } from '#config/env';
import { councilRiskView } from '#use-cases/risk-views';

const env = loadEnv({ TABLE_NAME: nonEmpty });
const logger = new Logger();
const risk = new DynamoRiskStore(dynamoDocumentClient(), env.TABLE_NAME);

export const handler = middy<ApiEvent, ApiResult, Error, Context>()
  .use(injectLambdaContext(logger))
  .handler(async (event) => {
    if (event.routeKey !== 'GET /risk/councils/{la}') return problem(404, `No such route: ${event.routeKey}`);
    const result = await councilRiskView(event.pathParameters?.la ?? '', callerRoles(event), { risk });
    return result.ok ? json(200, result.body) : problem(result.status, result.message);
  });
