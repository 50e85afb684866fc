// Primary adapter: the user pool's pre-token-generation trigger (event version 3). For a council's machine
// client (client-credentials grant) it writes the council and the audience the API's authoriser accepts into
// the access token; an app client that is not a council's current machine client gets no token at all.
// People's tokens pass through unchanged.
import { Logger } from '@aws-lambda-powertools/logger';
import { injectLambdaContext } from '@aws-lambda-powertools/logger/middleware';
import middy from '@middy/core';
import type { Context } from 'aws-lambda';
import { dynamoDocumentClient } from '#adapters/aws-clients';
import { DynamoMachineClientStore } from '#adapters/dynamo-machine-client-store';
import { loadEnv, nonEmpty } from '#config/env';
import { COUNCIL_CLAIM, MACHINE_AUDIENCE } from '#config/machine-credentials';

/** The parts of Cognito's V3 pre-token-generation event this trigger reads and writes. */
export interface PreTokenGenerationEvent {
  readonly triggerSource: string;
  readonly callerContext: { readonly clientId: string };
  response: Record<string, unknown>;
}

const env = loadEnv({ TABLE_NAME: nonEmpty });
const logger = new Logger();
const store = new DynamoMachineClientStore(dynamoDocumentClient(), env.TABLE_NAME);

export const handler = middy<PreTokenGenerationEvent, PreTokenGenerationEvent, Error, Context>()
  .use(injectLambdaContext(logger))
  .handler(async (event) => {
    if (event.triggerSource !== 'TokenGeneration_ClientCredentials') return event;
    const clientId = event.callerContext.clientId;
    const client = await store.byClientId(clientId);
    if (!client) {
      logger.warn('Token refused: not a council’s current machine client', { clientId });
      throw new Error('These machine credentials are not current: ask an administrator for new ones.');
    }
    logger.info('Machine token issued', { clientId, la: client.la });
    event.response = {
      claimsAndScopeOverrideDetails: {
        accessTokenGeneration: {
          claimsToAddOrOverride: { aud: MACHINE_AUDIENCE, [COUNCIL_CLAIM]: client.la },
        },
      },
    };
    return event;
  });
