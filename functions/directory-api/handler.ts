// Primary adapter: the adviser directory for administrators (group `admin`) only.
//   GET  /directory/advisers[?region=…]                 every adviser, active or not
//   GET  /directory/advisers/{adviserId}                one adviser
//   PUT  /directory/advisers/{adviserId}                create or replace
//   POST /directory/advisers/{adviserId}/deactivate     stop alerts to them; the entry stays for the record
import { Logger } from '@aws-lambda-powertools/logger';
import { injectLambdaContext } from '@aws-lambda-powertools/logger/middleware';
import middy from '@middy/core';
import type { Context } from 'aws-lambda';
import { dynamoDocumentClient } from '#adapters/aws-clients';
import { DynamoDirectoryStore } from '#adapters/dynamo-directory-store';
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
import { loadEnv, nonEmpty } from '#config/env';
import {
  type DirectoryResult,
  deactivateAdviser,
  getAdviser,
  listAdvisers,
  putAdviser,
} from '#use-cases/directory';

const env = loadEnv({ TABLE_NAME: nonEmpty });
const logger = new Logger();
const store = new DynamoDirectoryStore(dynamoDocumentClient(), env.TABLE_NAME);

export const handler = middy<ApiEvent, ApiResult, Error, Context>()
  .use(injectLambdaContext(logger))
  .use(refuseMachineCredentials())
  .handler(async (event) => {
    const malformed = malformedAddress(event);
    if (malformed) return malformed;
    const adviserId = event.pathParameters?.adviserId ?? '';
    const caller = callerOf(event);
    const deps = { store, now: new Date() };
    let result: DirectoryResult;
    switch (event.routeKey) {
      case 'GET /directory/advisers':
        result = await listAdvisers(caller, store, event.queryStringParameters?.region);
        break;
      case 'GET /directory/advisers/{adviserId}':
        result = await getAdviser(adviserId, caller, store);
        break;
      case 'PUT /directory/advisers/{adviserId}': {
        const body = jsonBody(event, { consequence: 'The adviser was not saved.' });
        if (!body.ok) return body.refusal;
        result = await putAdviser(adviserId, body.value, caller, deps);
        break;
      }
      case 'POST /directory/advisers/{adviserId}/deactivate':
        result = await deactivateAdviser(adviserId, caller, deps);
        break;
      default:
        return problem(404, `No such route: ${event.routeKey}`);
    }
    if (!result.ok) return problem(result.status, result.message);
    if (
      event.routeKey !== 'GET /directory/advisers' &&
      event.routeKey !== 'GET /directory/advisers/{adviserId}'
    ) {
      logger.info('Directory changed', { routeKey: event.routeKey, adviserId, by: caller.subject });
    }
    return json(result.status, result.body);
  });
