// Primary adapter: councils' machine credentials, for administrators (group `admin`) only.
//   GET    /machine-clients/{la}   the council's machine client (never its secret)
//   POST   /machine-clients/{la}   give the council a machine client, or replace it; the secret is shown once
//   DELETE /machine-clients/{la}   revoke it: no new tokens, and live ones are refused by the API
import { Logger } from '@aws-lambda-powertools/logger';
import { injectLambdaContext } from '@aws-lambda-powertools/logger/middleware';
import middy from '@middy/core';
import type { Context } from 'aws-lambda';
import { dynamoDocumentClient } from '#adapters/aws-clients';
import { CognitoAppClients } from '#adapters/cognito-app-clients';
import { DynamoMachineClientStore } from '#adapters/dynamo-machine-client-store';
import {
  type ApiEvent,
  type ApiResult,
  callerOf,
  json,
  malformedAddress,
  problem,
  refuseMachineCredentials,
} from '#adapters/http';
import { loadEnv, nonEmpty } from '#config/env';
import {
  issueMachineClient,
  type MachineClientResult,
  revokeMachineClient,
  showMachineClient,
} from '#use-cases/machine-clients';

const env = loadEnv({ TABLE_NAME: nonEmpty, USER_POOL_ID: nonEmpty });
const logger = new Logger();
const store = new DynamoMachineClientStore(dynamoDocumentClient(), env.TABLE_NAME);
const registry = new CognitoAppClients(env.USER_POOL_ID);

export const handler = middy<ApiEvent, ApiResult, Error, Context>()
  .use(injectLambdaContext(logger))
  .use(refuseMachineCredentials())
  .handler(async (event) => {
    const malformed = malformedAddress(event);
    if (malformed) return malformed;
    const la = event.pathParameters?.la ?? '';
    const caller = callerOf(event);
    let result: MachineClientResult;
    switch (event.routeKey) {
      case 'GET /machine-clients/{la}':
        result = await showMachineClient(la, caller, store);
        break;
      case 'POST /machine-clients/{la}':
        result = await issueMachineClient(la, caller, { store, registry, now: new Date() });
        break;
      case 'DELETE /machine-clients/{la}':
        result = await revokeMachineClient(la, caller, { store, registry });
        break;
      default:
        return problem(404, `No such route: ${event.routeKey}`);
    }
    if (!result.ok) return problem(result.status, result.message);
    if (event.routeKey !== 'GET /machine-clients/{la}') {
      // The secret is never logged: only who changed which council's client.
      logger.info('Machine client changed', {
        routeKey: event.routeKey,
        la,
        clientId: result.body.clientId,
        by: caller.subject,
      });
    }
    return json(result.status, result.body);
  });
